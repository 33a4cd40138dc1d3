import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, sha256Hex } from '../../src/audit/hash-chain.js';
import mammoth from 'mammoth';
import { InterviewDocument } from '../../src/entities/interview-document.entity.js';
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
    place: '北京市互联网信息办公室第三会议室',
    startTime: '09:30',
    endTime: '10:40',
    intervieweeStatement: '认可上述问题，将于期限内完成整改并提交书面整改报告',
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

  it('the 约谈笔录 is generated with the interview, stored with its SHA-256 (chained in the audit event), and reads back', async () => {
    const listed = await app.run<{
      interview: {
        documents: { id: string; kind: string; title: string; sha256: string; sizeBytes: number }[];
        auditEvents: { payload: { documents: { id: string; sha256: string }[] } }[];
      };
    }>(
      `query($id: ID!) { interview(id: $id) { documents { id kind title sha256 sizeBytes }
        auditEvents { payload } } }`,
      { id: standing.id },
      HANDLER,
    );
    expect(listed.errors).toBeUndefined();
    const [record] = listed.data!.interview.documents;
    expect(listed.data!.interview.documents).toHaveLength(1);
    expect(record).toMatchObject({ kind: 'INTERVIEW_RECORD', title: '约谈笔录' });
    expect(listed.data!.interview.auditEvents[0]!.payload.documents).toEqual([
      { id: record!.id, kind: 'INTERVIEW_RECORD', sha256: record!.sha256 },
    ]);
    const stored = await app.orm.em
      .fork()
      .findOneOrFail(InterviewDocument, record!.id, { populate: ['content'] });
    const bytes = Buffer.from(stored.content);
    expect(bytes.length).toBe(record!.sizeBytes);
    expect(sha256Hex(bytes)).toBe(record!.sha256);
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    for (const expected of [
      '北京市互联网信息办公室',
      '约谈笔录',
      '2026年12月29日9时30分至10时40分',
      '北京市互联网信息办公室第三会议室',
      '北京星河数据科技有限公司',
      '周明远',
      '法定代表人',
      '《中华人民共和国个人信息保护法》第六十四条第一款',
      'App 超范围收集个人信息',
      '请于2027年1月8日前完成整改',
      '认可上述问题',
      '被约谈人签名',
      '约谈人签名',
      ...standing.officers.map((o) => `${o.name}（执法证号：${o.certificateNumber}）`),
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('关联案号');
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
    const [linkedRecord] = await app.orm.em
      .fork()
      .find(InterviewDocument, { interview: linked.id }, { populate: ['content'] });
    const linkedText = (
      await mammoth.extractRawText({ buffer: Buffer.from(linkedRecord!.content) })
    ).value;
    expect(linkedText).toContain('关联案号：');
    expect(linkedText).toContain('本次约谈未提出限期整改要求');

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
    expect(await refused(standAlone({ endTime: '09:00' }))).toBe('INVALID_TIME');
    expect(await refused(standAlone({ place: ' ' }))).toBe('FIELD_REQUIRED');
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

  it('each step appends to the office hash-chained interview record (audit), the follow-up linked to the interview', async () => {
    const audited = await app.run<{
      interview: {
        auditEvents: {
          id: string;
          caseId: string | null;
          sequence: number;
          occurredAt: string;
          actDate: string;
          action: string;
          actorOfficerId: string;
          actorName: string;
          inputDigest: string;
          payload: Record<string, unknown>;
          previousHash: string;
          hash: string;
        }[];
      };
    }>(
      `query($id: ID!) { interview(id: $id) { auditEvents { id caseId sequence occurredAt actDate
        action actorOfficerId actorName inputDigest payload previousHash hash } } }`,
      { id: standing.id },
      HANDLER,
    );
    expect(audited.errors).toBeUndefined();
    const [recorded, followUp] = audited.data!.interview.auditEvents;
    expect(audited.data!.interview.auditEvents).toHaveLength(2);
    expect(recorded).toMatchObject({
      sequence: 1,
      action: 'recordInterview',
      actDate: '2026-12-29',
      caseId: null,
      previousHash: GENESIS_HASH,
      actorOfficerId: officer(HANDLER),
    });
    expect(recorded!.payload).toMatchObject({
      legalBasis: 'PIPL_64',
      officeLevel: 'PROVINCIAL',
      rectificationDueOn: '2027-01-08',
    });
    expect(followUp).toMatchObject({
      sequence: 2,
      action: 'recordInterviewFollowUp',
      actDate: '2027-01-11',
      previousHash: recorded!.hash,
    });
    // Append-only at the database level, like the case chain and its documents.
    for (const sql of [
      `update interview_event set action = 'x' where id = '${recorded!.id}'`,
      `delete from interview_event where id = '${recorded!.id}'`,
      `update interview_document set sha256 = repeat('0', 64)`,
    ]) {
      await expect(app.orm.em.fork().getConnection().execute(sql)).rejects.toThrow(
        /append-only|immutable/,
      );
    }
    // Each hash is the SHA-256 of the event's canonical JSON (office and interview included).
    for (const event of [recorded!, followUp!]) {
      const { hash, ...content } = event;
      expect(
        sha256Hex(
          canonicalJson({
            ...content,
            officeId: app.demo.offices.beijing!.id,
            interviewId: standing.id,
          }),
        ),
      ).toBe(hash);
    }
  });

  it('CSL 2025 art. 58 (省级以上): a county office is refused on that basis with the rule cited; PIPL art. 64 stays open to it', async () => {
    app.setToday('2026-12-30');
    const county = (overrides: Record<string, unknown>) =>
      standAlone({
        partyId: app.demo.parties.qingniao!.id,
        officerIds: [officer('HD0002'), officer('HD0003')],
        interviewees: [{ name: '林晓雯', position: '法定代表人' }],
        ...overrides,
      });
    const before = await app.tableCounts();
    const refusal = await app.run(
      RECORD,
      { input: county({ legalBasis: 'CSL_2025_58' }) },
      'HD0002',
    );
    expect(refusal.data).toBeNull();
    expect(errorCode(refusal)).toBe('PROCEDURE_VIOLATION');
    const violations = refusal.errors![0]!.extensions!.violations as {
      code: string;
      message: string;
      legalBasis: { law: string; article: number; status: string }[];
    }[];
    expect(violations.map((v) => v.code)).toEqual(['INTERVIEW_CSL_58_BELOW_PROVINCIAL_LEVEL']);
    expect(violations[0]!.message).toContain('省级以上');
    expect(violations[0]!.legalBasis).toEqual([
      expect.objectContaining({ law: '中华人民共和国网络安全法', article: 58, status: 'V' }),
    ]);
    expect(await app.tableCounts()).toEqual(before);

    const open = await app.run<{ recordInterview: InterviewShape }>(
      RECORD,
      { input: county({ legalBasis: 'PIPL_64' }) },
      'HD0002',
    );
    expect(open.errors).toBeUndefined();
    expect(open.data!.recordInterview.office.name).toBe('北京市海淀区互联网信息办公室');
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

    // Not followed up: overdue the day after its due date (2027-01-08), not on it; the one
    // followed up and found rectified is never overdue.
    const overdue = async (today: string) => {
      app.setToday(today);
      const listed = await app.run<{
        interviews: { edges: { node: { id: string; rectificationOverdue: boolean } }[] };
      }>(
        `{ interviews(first: 20, rectificationOverdue: true) { edges { node { id rectificationOverdue } } } }`,
        {},
        HANDLER,
      );
      expect(listed.errors).toBeUndefined();
      return listed.data!.interviews.edges.map((e) => e.node);
    };
    expect(await overdue('2027-01-08')).toEqual([]);
    // This one and the Haidian office's (same due date, below Beijing), not the rectified one.
    const late = await overdue('2027-01-11');
    expect(late).toHaveLength(2);
    expect(late).toContainEqual({ id, rectificationOverdue: true });
    expect(late.map((i) => i.id)).not.toContain(standing.id);
    expect(late.every((i) => i.rectificationOverdue)).toBe(true);
    const rectified = await app.run<{ interview: { rectificationOverdue: boolean } }>(
      `query($id: ID!) { interview(id: $id) { rectificationOverdue } }`,
      { id: standing.id },
      HANDLER,
    );
    expect(rectified.data!.interview.rectificationOverdue).toBe(false);
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
    // Its own three and the Haidian office's one (below it).
    expect(own.data!.interviews.totalCount).toBe(4);
  });

  it('interviews recorded at the same moment in one office all land, in one unbroken office chain', async () => {
    const results = await Promise.all(
      ['09:00', '10:00', '11:00'].map((startTime, i) =>
        app.run(RECORD, { input: standAlone({ startTime, endTime: `1${i + 1}:30` }) }, HANDLER),
      ),
    );
    for (const result of results) {
      expect(result.errors).toBeUndefined();
    }
    const chain = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ sequence: number; previous_hash: string; hash: string }[]>(
        `select sequence, previous_hash, hash from interview_event where office_id = ? order by sequence`,
        [app.demo.offices.beijing!.id],
      );
    expect(chain.map((e) => e.sequence)).toEqual(chain.map((_, i) => i + 1));
    chain.forEach((event, i) => {
      expect(event.previous_hash).toBe(i === 0 ? GENESIS_HASH : chain[i - 1]!.hash);
    });
  });
});
