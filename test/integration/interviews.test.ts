import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

/**
 * Issue 13 capability 2, through the GraphQL API: 约谈 (CSL 2025 art. 58, PIPL art. 64, DSL
 * art. 44) of an enterprise's legal representative, with rectification due across the 2026/2027
 * year end and a follow-up; one linked to a case; the refusals; and the office scope.
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const HANDLER = 'BJ0002';
const officer = (number: string) => app.demo.officers[number]!.id;
const OFFICERS = () => [officer('BJ0002'), officer('BJ0003')];

const FIELDS = `id interviewedOn legalBasis legalBasisCitation matters rectificationRequired
  rectificationDueOn followedUpOn rectified followUpNote
  interviewees { name position } officers { officerId name certificateNumber }
  party { id name } case { id } office { name }`;

const RECORD = `mutation($input: RecordInterviewInput!) { recordInterview(input: $input) { ${FIELDS} } }`;
const FOLLOW_UP = `mutation($id: ID!, $input: RecordInterviewFollowUpInput!) {
  recordInterviewFollowUp(interviewId: $id, input: $input) { ${FIELDS} } }`;

interface InterviewShape {
  id: string;
  interviewedOn: string;
  legalBasis: string;
  legalBasisCitation: string;
  rectificationDueOn: string | null;
  followedUpOn: string | null;
  rectified: boolean | null;
  followUpNote: string | null;
  interviewees: { name: string; position: string }[];
  officers: { officerId: string; name: string; certificateNumber: string }[];
  party: { id: string; name: string };
  case: { id: string } | null;
  office: { name: string };
}

function standAlone(overrides: Record<string, unknown> = {}) {
  return {
    partyId: app.demo.parties.xinghe!.id,
    interviewedOn: '2026-12-29',
    legalBasis: 'PIPL_64',
    interviewees: [{ name: '周明远', position: '法定代表人' }],
    officerIds: OFFICERS(),
    matters: 'App 超范围收集个人信息，存在较大风险；要求限期整改并提交整改报告',
    rectificationRequired: true,
    rectificationDueOn: '2027-01-08',
    ...overrides,
  };
}

async function refused(input: Record<string, unknown>): Promise<unknown> {
  const before = await app.tableCounts();
  const result = await app.run(RECORD, { input }, HANDLER);
  expect(result.data).toBeNull();
  expect(await app.tableCounts()).toEqual(before);
  return errorCode(result);
}

describe('约谈 (interviews)', () => {
  let standing: InterviewShape;

  it('PIPL art. 64: records a stand-alone interview of a company, due across the year end, then its follow-up', async () => {
    app.setToday('2026-12-30');
    const recorded = await app.run<{ recordInterview: InterviewShape }>(
      RECORD,
      { input: standAlone() },
      HANDLER,
    );
    expect(recorded.errors).toBeUndefined();
    standing = recorded.data!.recordInterview;
    expect(standing).toMatchObject({
      interviewedOn: '2026-12-29',
      legalBasis: 'PIPL_64',
      rectificationDueOn: '2027-01-08',
      followedUpOn: null,
      rectified: null,
      case: null,
      party: { name: '北京星河数据科技有限公司' },
      office: { name: '北京市互联网信息办公室' },
      interviewees: [{ name: '周明远', position: '法定代表人' }],
    });
    expect(standing.legalBasisCitation).toContain('个人信息保护法》第六十四条');
    expect(standing.officers.map((o) => o.officerId)).toEqual(OFFICERS());
    expect(standing.officers.every((o) => o.certificateNumber.startsWith('BJ'))).toBe(true);

    app.setToday('2027-01-12');
    const followed = await app.run<{ recordInterviewFollowUp: InterviewShape }>(
      FOLLOW_UP,
      {
        id: standing.id,
        input: {
          followedUpOn: '2027-01-11',
          rectified: true,
          followUpNote: '已删除超范围收集功能',
        },
      },
      HANDLER,
    );
    expect(followed.errors).toBeUndefined();
    expect(followed.data!.recordInterviewFollowUp).toMatchObject({
      followedUpOn: '2027-01-11',
      rectified: true,
      followUpNote: '已删除超范围收集功能',
    });

    const twice = await app.run(
      FOLLOW_UP,
      { id: standing.id, input: { followedUpOn: '2027-01-12', rectified: true } },
      HANDLER,
    );
    expect(errorCode(twice)).toBe('INTERVIEW_ALREADY_FOLLOWED_UP');
  });

  it('DSL art. 44: an interview linked to a case of the party is listed with the case', async () => {
    app.setToday('2026-12-30');
    const caseId = app.demo.cases.xinghePersonalInformation!.id;
    const recorded = await app.run<{ recordInterview: InterviewShape }>(
      RECORD,
      {
        input: standAlone({
          caseId,
          legalBasis: 'DSL_44',
          rectificationRequired: false,
          rectificationDueOn: null,
        }),
      },
      HANDLER,
    );
    expect(recorded.errors).toBeUndefined();
    const linked = recorded.data!.recordInterview;
    expect(linked.case).toEqual({ id: caseId });
    expect(linked.rectificationDueOn).toBeNull();

    const byCase = await app.run<{
      interviews: { edges: { node: { id: string } }[] };
      case: { interviews: { id: string }[] };
    }>(
      `query($caseId: ID!) {
        interviews(first: 10, caseId: $caseId) { edges { node { id } } }
        case(id: $caseId) { interviews { id } }
      }`,
      { caseId },
      HANDLER,
    );
    expect(byCase.errors).toBeUndefined();
    expect(byCase.data!.interviews.edges.map((e) => e.node.id)).toEqual([linked.id]);
    expect(byCase.data!.case.interviews.map((i) => i.id)).toEqual([linked.id]);

    const byParty = await app.run<{ interviews: { edges: { node: { id: string } }[] } }>(
      `query($partyId: ID!) { interviews(first: 10, partyId: $partyId) { edges { node { id } } } }`,
      { partyId: app.demo.parties.xinghe!.id },
      HANDLER,
    );
    expect(byParty.data!.interviews.edges.map((e) => e.node.id).sort()).toEqual(
      [linked.id, standing.id].sort(),
    );
  });

  it('CSL 2025 art. 58: refuses bad interviews and writes nothing', async () => {
    app.setToday('2026-12-30');
    expect(await refused(standAlone({ interviewedOn: '2026-12-31' }))).toBe('ACT_DATE_IN_FUTURE');
    expect(await refused(standAlone({ rectificationDueOn: '2026-12-29' }))).toBe(
      'RECTIFICATION_DUE_NOT_AFTER_INTERVIEW',
    );
    expect(await refused(standAlone({ rectificationDueOn: null }))).toBe('FIELD_REQUIRED');
    expect(await refused(standAlone({ officerIds: [officer('BJ0002')] }))).toBe(
      'OFFICERS_FEWER_THAN_TWO',
    );
    expect(await refused(standAlone({ officerIds: [officer('BJ0002'), officer('BJ0901')] }))).toBe(
      'OFFICER_CERTIFICATE_NOT_VALID',
    );
    expect(
      await refused(
        standAlone({ caseId: app.demo.cases.zhangweiRumour!.id, legalBasis: 'CSL_2025_58' }),
      ),
    ).toBe('CASE_OF_ANOTHER_PARTY');
    expect(await refused(standAlone({ partyId: app.demo.parties.zhangwei!.id }))).toBe(
      'INTERVIEW_PARTY_NOT_ORGANIZATION',
    );
    expect(await refused(standAlone({ partyId: app.demo.parties.yunfan!.id }))).toBe(
      'PARTY_NOT_FOUND',
    );
  });

  it('refuses a follow-up before the interview or in the future', async () => {
    app.setToday('2026-12-30');
    const recorded = await app.run<{ recordInterview: InterviewShape }>(
      RECORD,
      { input: standAlone() },
      HANDLER,
    );
    const id = recorded.data!.recordInterview.id;
    const early = await app.run(
      FOLLOW_UP,
      { id, input: { followedUpOn: '2026-12-28', rectified: false } },
      HANDLER,
    );
    expect(errorCode(early)).toBe('FOLLOW_UP_BEFORE_INTERVIEW');
    const future = await app.run(
      FOLLOW_UP,
      { id, input: { followedUpOn: '2027-01-04', rectified: false } },
      HANDLER,
    );
    expect(errorCode(future)).toBe('ACT_DATE_IN_FUTURE');
  });

  it('an officer of another province sees none of them', async () => {
    const list = await app.run<{ interviews: { totalCount: number; edges: unknown[] } }>(
      `{ interviews(first: 10) { totalCount edges { node { id } } } }`,
      {},
      'SH0001',
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.interviews.edges).toEqual([]);
    const one = await app.run(
      `query($id: ID!) { interview(id: $id) { id } }`,
      { id: standing.id },
      'SH0001',
    );
    expect(errorCode(one)).toBe('INTERVIEW_NOT_FOUND');
    const followUp = await app.run(
      FOLLOW_UP,
      { id: standing.id, input: { followedUpOn: '2027-01-11', rectified: true } },
      'SH0002',
    );
    expect(errorCode(followUp)).toBe('INTERVIEW_NOT_FOUND');
    // The Beijing head sees them all (the office's own).
    const own = await app.run<{ interviews: { totalCount: number } }>(
      `{ interviews(first: 10) { totalCount } }`,
      {},
      'BJ0001',
    );
    expect(own.data!.interviews.totalCount).toBe(3);
  });
});
