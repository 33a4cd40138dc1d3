// The GraphQL requests the bench sends (Zhifa's contract) and their peers' equivalents.

/** Case detail: the case page (case, office, parties, evidence, decisions, deadlines, documents). */
export const DETAIL = `query Detail($id: ID!) { case(id: $id) { id number status title
  office { id name } parties { id name } evidence { id kind title collectors { id name } }
  decisions { id kind decidedOn } deadlines { kind dueDate } documents { id kind title } } }`;

/** Side by side with PostGraphile: case + evidence + decisions. */
export const SIDE = `query Side($id: ID!) { case(id: $id) { id number status title
  evidence { id kind title } decisions { id kind decidedOn } } }`;

/** The same selection in PostGraphile 5's amber inflection (rowId for the primary key). */
export const SIDE_POSTGRAPHILE = `query Side($id: UUID!) { caseByRowId(rowId: $id) { rowId number status title
  evidencesByCaseId { nodes { rowId kind title } } decisionsByCaseId { nodes { rowId kind decidedOn } } } }`;

export const ME = `{ me { id } }`;

/** A list page as an officer opens it (number, status, title, office, parties). */
export const LIST = `query List($first: Int!, $filter: CaseFilter) { cases(first: $first, filter: $filter) {
  edges { cursor node { id number status title registeredOn office { id name } parties { id name } } }
  pageInfo { hasNextPage endCursor } } }`;

export const LIST_COUNT = `query ListCount($first: Int!, $filter: CaseFilter) { cases(first: $first, filter: $filter) {
  totalCount edges { cursor node { id number status title registeredOn office { id name } parties { id name } } }
  pageInfo { hasNextPage endCursor } } }`;

/** The red-light dashboard: the same page with each case's deadlines and available actions. */
export const DASHBOARD = `query Dashboard($first: Int!, $filter: CaseFilter) { cases(first: $first, filter: $filter) {
  edges { cursor node { id number status title registeredOn office { id name } parties { id name }
    deadlines { kind dueDate stoppedOn } availableActions { action allowed violations { code } } } }
  pageInfo { hasNextPage endCursor } } }`;

export const RECORD_EVIDENCE = `mutation Record($caseId: ID!, $version: Int!, $input: RecordEvidenceInput!) {
  recordEvidence(caseId: $caseId, expectedVersion: $version, input: $input) { case { id version } } }`;

export const GENERATE_DECISION = `mutation Generate($caseId: ID!, $sections: JSON) {
  generateDocument(caseId: $caseId, kind: PENALTY_DECISION, sections: $sections) { id number } }`;

export function evidenceInput(collectorIds, today) {
  return {
    evidenceKind: 'DOCUMENTARY',
    collectedOn: today,
    collectorIds,
    certificatesShown: true,
    fromParty: false,
    recusalRightNotified: false,
    title: '基准测试调取的书证',
    description: '证明当事人未履行网络信息内容管理义务（基准测试）',
    source: '本机关调取',
    place: '本机关办公场所',
    files: [],
  };
}
