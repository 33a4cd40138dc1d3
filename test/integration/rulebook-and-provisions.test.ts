import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

type Parameter = {
  key: string;
  type: string;
  period: { length: number; unit: string } | null;
  amount: string | null;
  count: number | null;
  penaltyKinds: string[] | null;
  flag: boolean | null;
  date: string | null;
  status: string;
  verified: boolean;
  overridden: boolean;
  legalBasis: { citation: string }[];
};
const RULEBOOK = `query($id: ID!, $date: LocalDate) { office(id: $id) { rulebook(date: $date) { versionId overridesSource parameters { key type period { length unit } amount count penaltyKinds flag date status verified overridden legalBasis { citation } } } } }`;

describe('the dated rulebook', () => {
  it('applies the 2017 rules before 2023-06-01 and the 2023 Provisions from that day', async () => {
    const id = app.demo.offices.beijing!.id;
    const before = await app.run<{ office: { rulebook: { versionId: string } } }>(
      RULEBOOK,
      { id, date: '2023-05-31' },
      'BJ0001',
    );
    expect(before.errors, JSON.stringify(before.errors)).toBeUndefined();
    const after = await app.run<{ office: { rulebook: { versionId: string } } }>(
      RULEBOOK,
      { id, date: '2023-06-01' },
      'BJ0001',
    );
    expect(before.data!.office.rulebook.versionId).toBe('CAC-2017');
    expect(after.data!.office.rulebook.versionId).toBe('CAC-2023');
  });

  it('every parameter shows its status and citation; unverified values say so', async () => {
    const result = await app.run<{ office: { rulebook: { parameters: Parameter[] } } }>(
      RULEBOOK,
      { id: app.demo.offices.beijing!.id },
      'BJ0001',
    );
    const parameters = result.data!.office.rulebook.parameters;
    expect(parameters.every((p) => p.legalBasis.length > 0)).toBe(true);
    const hearingRequest = parameters.find((p) => p.key === 'hearingRequestPeriod')!;
    expect(hearingRequest).toMatchObject({
      type: 'PERIOD',
      period: { length: 5, unit: 'WORKING_DAYS' },
      amount: null,
      count: null,
      verified: true,
      status: 'V',
    });
    // Each type fills its own field: no client has to guess the shape of a value.
    for (const p of parameters) {
      const filled = [
        p.period !== null && 'PERIOD',
        p.count !== null && 'COUNT',
        p.penaltyKinds !== null && 'PENALTY_KINDS',
        p.flag !== null && 'FLAG',
        p.amount !== null && 'AMOUNT',
        p.date !== null && 'DATE',
      ].filter(Boolean);
      expect(filled, p.key).toEqual(p.type === 'AMOUNT' && p.amount === null ? [] : [p.type]);
    }
    expect(parameters.some((p) => p.type === 'PENALTY_KINDS' && p.penaltyKinds!.length > 0)).toBe(
      true,
    );
    const docketing = parameters.find((p) => p.key === 'docketingPeriod')!;
    expect(docketing).toMatchObject({ verified: false, status: 'U' });
    // The audio-visual cut-over is a dated rulebook parameter, not a constant (APL art. 47; design).
    expect(parameters.find((p) => p.key === 'audioVisualRecordRequiredFrom')).toMatchObject({
      type: 'DATE',
      date: '2027-01-01',
      status: 'D',
      verified: false,
      legalBasis: [{ citation: '《中华人民共和国行政处罚法》第四十七条' }],
    });
    expect(parameters.find((p) => p.key === 'emergencyMeasureReportPeriod')).toMatchObject({
      type: 'PERIOD',
      period: { length: 1, unit: 'CALENDAR_DAYS' },
      status: 'V',
      legalBasis: [{ citation: '《中华人民共和国行政强制法》第十九条' }],
    });
  });

  it('a province sets its 较大数额 thresholds; offices below inherit them, others do not', async () => {
    const SET = `mutation($officeId: ID!, $input: RulebookOverridesInput) { setRulebookOverrides(officeId: $officeId, input: $input) { name } }`;
    const input = {
      id: 'BJ-TEST-较大数额',
      source: '测试用省级规定（非真实文件）',
      hearingFineThresholdOrganization: '100000',
      hearingFineThresholdNaturalPerson: '10000',
    };
    expect(
      errorCode(await app.run(SET, { officeId: app.demo.offices.haidian!.id, input }, 'BJ0006')),
    ).toBe('OUTSIDE_OFFICE_SCOPE');
    expect(
      errorCode(await app.run(SET, { officeId: app.demo.offices.beijing!.id, input }, 'BJ0001')),
    ).toBe('ROLE_REQUIRED');
    const set = await app.run(SET, { officeId: app.demo.offices.beijing!.id, input }, 'BJ0006');
    expect(set.errors).toBeUndefined();
    const haidian = await app.run<{
      office: { rulebook: { versionId: string; overridesSource: string; parameters: Parameter[] } };
    }>(RULEBOOK, { id: app.demo.offices.haidian!.id }, 'HD0001');
    expect(haidian.data!.office.rulebook.versionId).toBe('CAC-2023+BJ-TEST-较大数额');
    expect(
      haidian.data!.office.rulebook.parameters.find(
        (p) => p.key === 'hearingFineThresholdOrganization',
      ),
    ).toMatchObject({
      type: 'AMOUNT',
      amount: '100000.00',
      overridden: true,
    });
    const shanghai = await app.run<{ office: { rulebook: { versionId: string } } }>(
      RULEBOOK,
      { id: app.demo.offices.shanghai!.id },
      'SH0001',
    );
    expect(shanghai.data!.office.rulebook.versionId).toBe('CAC-2023');
  });
});

describe('the penalty provisions catalog', () => {
  it('lists provisions in force on a date, with citations', async () => {
    const result = await app.run<{
      penaltyProvisions: { id: string; citation: string; validTo: string | null }[];
    }>(
      `{ penaltyProvisions(law: "中华人民共和国网络安全法", inForceOn: "2026-03-01") { id citation validTo } }`,
      undefined,
      'BJ0002',
    );
    const ids = result.data!.penaltyProvisions.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith('CSL2025'))).toBe(true);
    expect(result.data!.penaltyProvisions[0]!.citation).toContain('《中华人民共和国网络安全法》');
  });

  it('an edit is validated, and only the national administrator may make it', async () => {
    const SANCTION = `kind measureZh mandatory kindClassificationStatus
      fine { basis minYuan maxYuan minMultiple maxMultiple maxPercent } gainsCondition { when yuan }`;
    const list = await app.run<{
      penaltyProvisions: { id: string; data: Record<string, unknown> }[];
    }>(
      `{ penaltyProvisions(law: "中华人民共和国个人信息保护法") { id data {
        lawCode law versionId versionLabel validFrom validTo article paragraph item tier tierLabelZh
        unlawfulActZh authority authorityZh minOfficeLevel partySanctions { ${SANCTION} } requireOneOf
        responsiblePersonScope responsiblePersonSanctions { ${SANCTION} } nonPenaltyMeasuresZh
        referralZh successors { provisionIds relation noteZh } status source noteZh
      } } }`,
      undefined,
      'CN0006',
    );
    expect(list.errors, JSON.stringify(list.errors)).toBeUndefined();
    // PIPL art. 66(2): 五千万元以下 — a typed fine frame, the amount as Money.
    const pipl662 = list.data!.penaltyProvisions.find((p) => p.id.startsWith('PIPL-66-2'))!;
    expect(pipl662.data).toMatchObject({ lawCode: 'PIPL', article: 66, paragraph: 2 });
    expect(JSON.stringify(pipl662.data.partySanctions)).toContain('"maxYuan":"50000000.00"');
    const provision = list.data!.penaltyProvisions[0]!;
    const UPDATE = `mutation($id: ID!, $data: PenaltyProvisionInput!) { updatePenaltyProvision(id: $id, data: $data) { id validFrom } }`;
    expect(
      errorCode(await app.run(UPDATE, { id: provision.id, data: provision.data }, 'BJ0006')),
    ).toBe('OUTSIDE_OFFICE_SCOPE');
    const before = await app.tableCounts();
    const broken = { ...provision.data, validFrom: '2030-01-01', validTo: '2020-01-01' };
    expect(errorCode(await app.run(UPDATE, { id: provision.id, data: broken }, 'CN0006'))).toBe(
      'PROVISION_INVALID',
    );
    // Three bad fields in three places: each comes back at its input path, in one answer.
    const sanctions = provision.data.partySanctions as Record<string, unknown>[];
    const threeBad = await app.run(
      UPDATE,
      {
        id: provision.id,
        data: {
          ...provision.data,
          article: 0,
          tierLabelZh: ' ',
          partySanctions: [{ ...sanctions[0], measureZh: '' }, ...sanctions.slice(1)],
        },
      },
      'CN0006',
    );
    expect(errorCode(threeBad)).toBe('PROVISION_INVALID');
    expect(
      (threeBad.errors![0]!.extensions!.validationErrors as { inputPath: string }[]).map(
        (e) => e.inputPath,
      ),
    ).toEqual(
      expect.arrayContaining([
        'data.article',
        'data.tierLabelZh',
        'data.partySanctions[0].measureZh',
      ]),
    );
    expect(await app.tableCounts()).toEqual(before);
    const ok = await app.run<{ updatePenaltyProvision: { id: string } }>(
      UPDATE,
      { id: provision.id, data: provision.data },
      'CN0006',
    );
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    expect(ok.data!.updatePenaltyProvision.id).toBe(provision.id);
  });
});
