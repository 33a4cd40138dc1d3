import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDocument } from '../../src/entities/case-document.entity.js';
import {
  custodyInput,
  onSiteFactsInput,
  audioVisualRecordInput,
  citationsOf,
  evidenceIdsOf,
  investigatingCase,
  officerId,
  okStep,
  runStep,
  sampleSections,
  violationsOf,
} from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Sealing and seizure through the GraphQL API (issue 13 E6, capability 10): only on the statutory
 * basis the office holds (PIPL art. 63(1)(4)), reaching the suspected act, with evidence linked,
 * and, from the 2027-01-01 cut-over, with the audio-visual record of the seizure. The case is
 * dated in January 2027 (provisional calendar): docketed Tue 01-05, evidence Wed 01-06, the
 * seizure Thu 01-07.
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

async function pipl2027Case(): Promise<{ caseId: string; evidenceIds: string[] }> {
  const caseId = await investigatingCase(app, {
    prefix: 'BJ',
    partyKey: 'xinghe',
    registeredOn: '2027-01-04',
    docketedOn: '2027-01-05',
    collectedOn: '2027-01-06',
  });
  app.setToday('2027-01-07');
  return { caseId, evidenceIds: await evidenceIdsOf(app, caseId, 'BJ0002') };
}

function seizure(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    measure: 'SEIZURE',
    startedOn: '2027-01-07',
    endsOn: '2027-02-05',
    officerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
    certificatesShown: true,
    approval: {
      approvedById: officerId(app, 'BJ0001'),
      approvedOn: '2027-01-07',
      written: true,
    },
    items: ['用于违法读取通讯录的服务器一台'],
    basis: 'PIPL_63_1_4',
    onSite: onSiteFactsInput(),
    custody: custodyInput(),
    audioVisualRecord: audioVisualRecordInput(
      app,
      'BJ0003',
      '2027-01-07T01:30:00Z',
      '2027-01-07T02:45:00Z',
    ),
    ...extra,
  };
}

describe('查封、扣押 on a statutory basis (Compulsion Law arts. 17(1), 22; PIPL art. 63(1)(4))', () => {
  it('CL arts. 17(1), 22: a seizure in a CSL content case is refused with COMPULSORY_MEASURE_BASIS_NOT_APPLICABLE, by the dry run as by the call, and nothing is written', async () => {
    const { caseId, evidenceIds } = await pipl2027Case();
    const input = seizure({ suspectedProvisionIds: ['CSL2025-61-1'], evidenceIds });
    const before = await app.tableCounts();
    for (const dryRun of [true, false]) {
      const violations = violationsOf(
        await runStep(
          app,
          'imposeCompulsoryMeasure',
          { caseId, expectedVersion: 3, input, dryRun },
          'BJ0002',
        ),
      );
      expect(violations.map((v) => v.code)).toEqual(['COMPULSORY_MEASURE_BASIS_NOT_APPLICABLE']);
      expect(citationsOf(violations, 'COMPULSORY_MEASURE_BASIS_NOT_APPLICABLE')).toEqual([
        '《中华人民共和国行政强制法》第十七条第一款',
        '《中华人民共和国行政强制法》第二十二条',
        '《中华人民共和国个人信息保护法》第六十三条第一款第（四）项',
      ]);
    }
    expect(await app.tableCounts()).toEqual(before);
  });

  it('PIPL art. 63(1)(4): without a basis or linked evidence the seizure is refused, every unmet rule at once', async () => {
    const { caseId } = await pipl2027Case();
    const violations = violationsOf(
      await runStep(
        app,
        'imposeCompulsoryMeasure',
        {
          caseId,
          expectedVersion: 3,
          input: seizure({ basis: null, suspectedProvisionIds: ['PIPL-66-1'] }),
        },
        'BJ0002',
      ),
    );
    expect(violations.map((v) => v.code).sort()).toEqual([
      'COMPULSORY_MEASURE_BASIS_MISSING',
      'COMPULSORY_MEASURE_EVIDENCE_MISSING',
    ]);
  });

  it('APL art. 47, 国办发〔2018〕118号: a seizure after the 2027-01-01 cut-over without its audio-visual record is refused (status P)', async () => {
    const { caseId, evidenceIds } = await pipl2027Case();
    const violations = violationsOf(
      await runStep(
        app,
        'imposeCompulsoryMeasure',
        {
          caseId,
          expectedVersion: 3,
          input: seizure({
            suspectedProvisionIds: ['PIPL-66-1'],
            evidenceIds,
            audioVisualRecord: null,
          }),
        },
        'BJ0002',
      ),
    );
    expect(violations.map((v) => v.code)).toEqual([
      'AUDIO_VISUAL_RECORD_REQUIRED_FOR_COMPULSORY_MEASURE',
    ]);
    expect(citationsOf(violations, 'AUDIO_VISUAL_RECORD_REQUIRED_FOR_COMPULSORY_MEASURE')).toEqual([
      '《中华人民共和国行政处罚法》第四十七条',
    ]);
  });

  it('PIPL art. 63(1)(4): a PIPL seizure with basis, evidence and audio-visual record is accepted; availableActions, the dry run and the call agree; the case keeps the basis, the evidence and the record', async () => {
    const { caseId, evidenceIds } = await pipl2027Case();
    const available = await app.run<{
      case: { availableActions: { action: string; allowed: boolean }[] };
    }>(
      `query($id: ID!) { case(id: $id) { availableActions { action allowed } } }`,
      { id: caseId },
      'BJ0002',
    );
    expect(
      available.data!.case.availableActions.find((a) => a.action === 'imposeCompulsoryMeasure'),
    ).toMatchObject({ allowed: true });
    const input = seizure({ suspectedProvisionIds: ['PIPL-66-1'], evidenceIds });
    const before = await app.tableCounts();
    await okStep(
      app,
      'imposeCompulsoryMeasure',
      { caseId, expectedVersion: 3, input, dryRun: true },
      'BJ0002',
    );
    expect(await app.tableCounts()).toEqual(before);
    await okStep(app, 'imposeCompulsoryMeasure', { caseId, expectedVersion: 3, input }, 'BJ0002');

    const view = await app.run<{
      case: {
        compulsoryMeasures: {
          id: string;
          basis: string;
          evidenceIds: string[];
          suspectedProvisionIds: string[];
        }[];
        audioVisualRecords: {
          act: string;
          recordId: string;
          recordedOn: string;
          sha256: string;
          sizeBytes: number;
          mediaType: string;
          recorderId: string;
          recordedFrom: string;
          recordedTo: string;
          custodian: string;
          custodyLocation: string;
        }[];
      };
    }>(
      `query($id: ID!) { case(id: $id) {
        compulsoryMeasures { id basis evidenceIds suspectedProvisionIds }
        audioVisualRecords { act recordId recordedOn sha256 sizeBytes mediaType recorderId recordedFrom recordedTo custodian custodyLocation }
      } }`,
      { id: caseId },
      'BJ0002',
    );
    expect(view.errors, JSON.stringify(view.errors)).toBeUndefined();
    const measure = view.data!.case.compulsoryMeasures[0]!;
    expect(measure).toMatchObject({
      basis: 'PIPL_63_1_4',
      evidenceIds,
      suspectedProvisionIds: ['PIPL-66-1'],
    });
    expect(view.data!.case.audioVisualRecords).toEqual([
      {
        act: 'COMPULSORY_MEASURE',
        recordId: measure.id,
        recordedOn: '2027-01-07',
        sha256: 'e'.repeat(64),
        sizeBytes: 734_003_200,
        mediaType: 'video/mp4',
        recorderId: officerId(app, 'BJ0003'),
        recordedFrom: '2027-01-07T01:30:00.000Z',
        recordedTo: '2027-01-07T02:45:00.000Z',
        custodian: '案件管理处 证据管理员',
        custodyLocation: '执法记录仪数据存储服务器（原始文件）',
      },
    ]);

    // The seizure decision states the recorded basis even when the sections cite only the
    // Compulsion Law (Compulsion Law art. 24(2)(2): 查封、扣押的理由、依据和期限).
    const sections = sampleSections('SEIZURE_DECISION_AND_LIST') as {
      seizure: Record<string, unknown>;
    };
    const generated = await app.run<{ generateDocument: { id: string } }>(
      `mutation($caseId: ID!, $sections: JSON) {
        generateDocument(caseId: $caseId, kind: SEIZURE_DECISION_AND_LIST, sections: $sections) { id }
      }`,
      {
        caseId,
        sections: {
          ...sections,
          seizure: {
            ...sections.seizure,
            basis: [{ law: '中华人民共和国行政强制法', article: 9, item: 3, status: 'V' }],
          },
        },
      },
      'BJ0002',
    );
    expect(generated.errors, JSON.stringify(generated.errors)).toBeUndefined();
    const stored = await app.orm.em
      .fork()
      .findOneOrFail(
        CaseDocument,
        { id: generated.data!.generateDocument.id },
        { populate: ['content'] },
      );
    const text = (await mammoth.extractRawText({ buffer: stored.content })).value;
    expect(text).toContain(
      '依据《中华人民共和国个人信息保护法》第六十三条第一款第（四）项、《中华人民共和国行政强制法》第九条第（三）项的规定，经本机关主要负责人书面批准',
    );
    // Compulsion Law arts. 18, 26: the on-site procedure and the custody as recorded with the measure.
    expect(text).toContain('听取了当事人的陈述和申辩，制作了现场笔录，由当事人和执法人员签名');
    expect(text).toContain(
      '扣押的财物由案件管理处 王五在本机关涉案财物保管室（3号柜）妥善保管，不得使用或者损毁；保管费用由本机关承担',
    );
  });

  it('an audio-visual record with a malformed digest, media type or inverted period is refused as input, all at once', async () => {
    const { caseId, evidenceIds } = await pipl2027Case();
    const result = await runStep(
      app,
      'imposeCompulsoryMeasure',
      {
        caseId,
        expectedVersion: 3,
        input: seizure({
          suspectedProvisionIds: ['PIPL-66-1'],
          evidenceIds,
          audioVisualRecord: {
            ...audioVisualRecordInput(
              app,
              'BJ0003',
              '2027-01-07T03:00:00Z',
              '2027-01-07T02:00:00Z',
            ),
            sha256: 'xyz',
            mediaType: 'text/plain',
          },
        }),
      },
      'BJ0002',
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('INPUT_INVALID');
    const paths = (result.errors![0]!.extensions!.validationErrors as { inputPath: string }[]).map(
      (e) => e.inputPath,
    );
    expect(paths.sort()).toEqual([
      'input.audioVisualRecord.mediaType',
      'input.audioVisualRecord.recordedTo',
      'input.audioVisualRecord.sha256',
    ]);
  });
});
