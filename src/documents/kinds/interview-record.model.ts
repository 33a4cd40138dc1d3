/**
 * 约谈笔录 (INTERVIEW_RECORD) — record of an interview (约谈), no seal; signed by the interviewees
 * and the officers. An interview is a supervisory measure, not a penalty: the record cites the
 * basis it was held on.
 * Legal basis: 《中华人民共和国网络安全法》（2025年修正）第五十八条, 《中华人民共和国个人信息保护法》
 * 第六十四条第一款, 《中华人民共和国数据安全法》第四十四条 (V: 约谈 of the 法定代表人或者主要负责人,
 * 要求整改). The layout follows the 询问笔录 (no official 网信 interview form was found: status U).
 */
import type { CaseDocumentSource } from './case-document-source.js';
import { formatClock, officeView, requireSection, type OfficeView } from './common.js';
import { defineKind } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';
import type { InterviewRecordSource } from './step-document-sources.js';
import { localDate } from '../../procedure/local-date.js';

export interface InterviewRecordModel {
  readonly office: OfficeView;
  readonly document: { readonly number: string | null; readonly issuedOn: string };
  readonly interview: {
    readonly date: string;
    readonly startTime: string;
    readonly endTime: string;
    readonly place: string;
    readonly legalBasisCitation: string;
    readonly officersLine: string;
    readonly party: InterviewRecordSource['party'];
    readonly interviewees: InterviewRecordSource['interviewees'];
    readonly matters: string;
    readonly rectificationDueOn: string | null;
    readonly intervieweeStatement: string;
    readonly caseNumber: string | null;
  };
}

/** Reads only office, document and the interview: a stand-alone interview has no case. */
export function buildInterviewRecordModel(source: CaseDocumentSource): InterviewRecordModel {
  const i = requireSection('INTERVIEW_RECORD', source.interviewRecord, 'interviewRecord');
  return {
    office: officeView(source.office),
    document: { number: source.document.number, issuedOn: source.document.issuedOn },
    interview: {
      date: i.date,
      startTime: formatClock(i.startTime),
      endTime: formatClock(i.endTime),
      place: i.place,
      legalBasisCitation: i.legalBasisCitation,
      officersLine: i.officers
        .map((o) => `${o.name}（执法证号：${o.certificateNumber}）`)
        .join('、'),
      party: { ...i.party },
      interviewees: i.interviewees.map((p) => ({ ...p })),
      matters: i.matters,
      rectificationDueOn: i.rectificationDueOn,
      intervieweeStatement: i.intervieweeStatement,
      caseNumber: i.caseNumber,
    },
  };
}

const ELEMENTS = {
  paths: [
    'office.name',
    'interview.date',
    'interview.startTime',
    'interview.endTime',
    'interview.place',
    'interview.officersLine',
    'interview.party.name',
    'interview.interviewees',
    'interview.legalBasisCitation',
    'interview.matters',
    'interview.intervieweeStatement',
  ],
  phrases: ['约谈笔录', '出示了执法证件', '被约谈人签名', '约谈人签名'],
};

/** A PIPL art. 64 interview of the sample company, rectification due across the year end. */
export const sampleInterviewRecord: InterviewRecordSource = {
  date: localDate('2026-12-29'),
  startTime: '09:30',
  endTime: '10:40',
  place: '北京市互联网信息办公室第三会议室',
  legalBasisCitation:
    '《中华人民共和国个人信息保护法》第六十四条第一款：履行个人信息保护职责的部门在履行职责中，发现个人信息处理活动存在较大风险或者发生个人信息安全事件的，可以按照规定的权限和程序对该个人信息处理者的法定代表人或者主要负责人进行约谈，或者要求个人信息处理者委托专业机构对其个人信息处理活动进行合规审计。个人信息处理者应当按照要求采取措施，进行整改，消除隐患。',
  officers: [
    { name: '王某', certificateNumber: 'BJ11010020001' },
    { name: '李某', certificateNumber: 'BJ11010020002' },
  ],
  party: {
    name: '北京某某科技有限公司',
    idNumber: '91110108MA01ABCD2H',
    address: '北京市海淀区某某路8号院3号楼501室',
  },
  interviewees: [
    { name: '张某', position: '法定代表人' },
    { name: '赵某', position: '个人信息保护负责人' },
  ],
  matters:
    '“某某”应用程序首次启动时未告知个人信息处理规则即收集设备识别码和位置信息，个人信息处理活动存在较大风险。要求当事人立即停止超范围收集，完成整改并提交书面整改报告。',
  rectificationDueOn: localDate('2027-01-08'),
  intervieweeStatement: '我们认可上述问题，将于整改期限内完成整改并提交书面整改报告。',
  // Linked to the sample case (a stand-alone interview prints no case number).
  caseNumber: '京网信案〔2026〕15号',
};

export const interviewRecordKind = defineKind<InterviewRecordModel>({
  kind: 'INTERVIEW_RECORD',
  title: '约谈笔录',
  templateFile: 'interview-record.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: buildInterviewRecordModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: () => ELEMENTS,
  sampleInput: {
    ...sampleCaseSource,
    document: { number: null, issuedOn: localDate('2026-12-29'), copies: 2 },
    interviewRecord: sampleInterviewRecord,
  },
});
