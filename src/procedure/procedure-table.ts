/**
 * Renders the procedure (statuses, actions, guards, outcomes, citations, rule
 * catalog and rulebook) as Markdown, so lawyers review a table, not code.
 * docs/procedure.md is this output; a unit test fails when the two drift apart.
 * Legal basis: 《中华人民共和国行政处罚法》第三十九条 (V): the procedure is to be made public.
 */
import { CASE_STATUSES, CASE_STATUS_NAMES, isTerminalStatus } from './case-status.js';
import {
  NATIONAL_HOLIDAYS_ARTICLE,
  NATIONAL_HOLIDAYS_REVISION_IN_FORCE_FROM,
  provisionalYearNotice,
} from './calendar/provisional-year.js';
import { CALENDAR_CITATION } from './calendar/calendar-error.js';
import { commonGuards } from './decide.js';
import { ORDER_RULES } from './guards/act-order.guards.js';
import {
  dueDocumentKinds,
  NOT_REQUIRED_FOR_CLOSURE,
  producedInStep,
  STEP_PRODUCED_DOCUMENTS,
} from './document-production.js';
import { describeEffect, type DocumentKind, type Effect } from './effects.js';
import {
  INTERVIEW_AUTHORITY,
  INTERVIEW_LEGAL_BASES,
  INTERVIEW_LEGAL_BASIS_ARTICLES,
  INTERVIEW_RULE_CODES,
} from './interview-basis.js';
import { formatCitation, type LegalBasis } from './legal-basis.js';
import { actionsFrom } from './procedure-graph.js';
import { PROCEDURE_ACTIONS, type ProcedureAction } from './procedure-action.js';
import { RULE_CATALOG, RULE_CODES, type RuleDefinition } from './rule-catalog.js';
import { parameterEntries, RULEBOOK_VERSIONS, type RulebookParameter } from './rulebook.js';
import { transitionOf } from './transitions.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function citations(bases: readonly LegalBasis[]): string {
  // A repealed text says up to when it is cited: refusals drop it for later acts (citationsInForce).
  return bases
    .map((b) => `${formatCitation(b)} (${b.status}${b.validTo ? `, acts up to ${b.validTo}` : ''})`)
    .join('; ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

function statusSection(): string[] {
  return [
    '## Statuses',
    '',
    ...table(
      ['Status', '名称', 'Terminal', 'Actions from here'],
      CASE_STATUSES.map((s) => [
        `\`${s}\``,
        CASE_STATUS_NAMES[s],
        isTerminalStatus(s) ? 'yes' : '',
        actionsFrom(s)
          .map((a) => `\`${a}\``)
          .join(', '),
      ]),
    ),
    '',
  ];
}

function actionSection(action: ProcedureAction): string[] {
  const t = transitionOf(action);
  const common = commonGuards(t).map((g) => [
    `${g.name} (common)`,
    g.usesInput ? 'yes' : '',
    g.codes.join(', '),
  ]);
  const own = t.guards.map((g) => [g.name, g.usesInput ? 'yes' : '', g.codes.join(', ')]);
  return [
    `### \`${action}\` — ${t.title}`,
    '',
    `- From: ${t.from.map((s) => `\`${s}\``).join(', ')}`,
    `- Roles: ${t.roles.join(', ')}`,
    `- Legal basis: ${citations(t.legalBasis)}`,
    `- Allowed while suspended: ${t.allowedWhileSuspended ? 'yes' : 'no'}`,
    '',
    ...table(['Guard', 'Needs input', 'Rule codes'], [...common, ...own]),
    '',
    ...table(
      ['Outcome', 'When', 'To', 'Effects', 'Legal basis'],
      t.outcomes.map((o) => [
        o.id,
        o.description,
        o.to === 'STAYS' ? '(stays)' : `\`${o.to}\``,
        o.effects.map((e) => describeOutcomeEffect(action, e)).join('; '),
        citations(o.legalBasis ?? []),
      ]),
    ),
    '',
  ];
}

const NOT_REQUIRED_REASONS = {
  NO_TEMPLATE: 'no template yet, not required for closure',
  PARTY_DOCUMENT: "the party's own document, filed as received, not required for closure",
} as const;

/** Where a due document comes from, as the runner decides it (document-production.ts). */
function documentSource(action: ProcedureAction, kind: DocumentKind): string {
  const produced = producedInStep(action).find((d) => d.kind === kind);
  const notRequired = NOT_REQUIRED_FOR_CLOSURE[kind];
  const pending = `pending until generateDocument${notRequired ? ` (${NOT_REQUIRED_REASONS[notRequired.reason]})` : ', required for closure'}`;
  if (!produced) {
    return pending;
  }
  return produced.when
    ? `produced in the step when ${produced.when}; otherwise ${pending}`
    : 'produced in the step';
}

function describeOutcomeEffect(action: ProcedureAction, effect: Effect): string {
  return effect.kind === 'DOCUMENT_DUE'
    ? `document ${effect.document}: ${documentSource(action, effect.document)}`
    : describeEffect(effect);
}

/** Documents as effects: produced in the step or pending, and what closure requires. */
function documentSection(): string[] {
  const rows = PROCEDURE_ACTIONS.flatMap((action) => {
    const due = transitionOf(action).outcomes.flatMap((o) => dueDocumentKinds(o.effects));
    const kinds = [...new Set([...due, ...producedInStep(action).map((d) => d.kind)])];
    return kinds.map((kind) => [
      `\`${action}\``,
      `\`${kind}\``,
      due.includes(kind) ? 'yes' : 'no',
      documentSource(action, kind),
    ]);
  });
  return [
    '## Documents',
    '',
    'Every document an outcome declares due (`DOCUMENT_DUE`) is either produced in the step, from the',
    "step's own input, in the same transaction, or becomes a pending document of the case",
    '(`Case.pendingDocuments`: kind, the step that made it due, since its act date, required or not),',
    'produced later with `generateDocument`, which fulfils the oldest pending entry of its kind (a',
    "document a step produces for a kind it declares due is that step's own). A step that produces a",
    'kind not listed for it here fails. `closeCase` is refused',
    '(`CASE_FILE_DOCUMENTS_PENDING`) while a required document is pending. Required: every due kind that',
    "has a template, except the party's own documents; a due kind without a template is listed as pending",
    'but cannot hold up closure. The 案卷 export lists every document at the act date and audit sequence',
    'of the step that produced it or made it due, then in the order of the kinds.',
    '',
    ...table(['Action', 'Document', 'Declared due', 'Source'], rows),
    '',
    `Steps that produce documents: ${Object.keys(STEP_PRODUCED_DOCUMENTS)
      .map((a) => `\`${a}\``)
      .join(', ')}.`,
    '',
  ];
}

/** How a case ends besides payment, and what is not modelled yet. */
function endingsSection(): string[] {
  return [
    "## Closure, the court's refusal, judicial transfer and the office's own correction",
    '',
    '- **Late decision (APL art. 60, legal.md E15).** The 90-day limit is a duty, not a forfeiture: a',
    '  penalty decided after it needs `lateDecisionReason` and `lateDecisionApproval` (an office head, on',
    '  or before the decision day), else `CASE_TIME_LIMIT_EXCEEDED` names what is missing. The decision is',
    '  flagged (`Decision.decidedAfterTimeLimit`, with the reason and approval) and the 结案审批表 prints it.',
    '  A late extension of the limit stays refused (`EXTENSION_AFTER_EXPIRY`): the late-decision path replaces it.',
    '- **Court refuses enforcement (Compulsion Law art. 58(3), E14).** `recordCourtRuling` with',
    '  `ENFORCEMENT_REFUSED` starts `COURT_RULING_REVIEW` (`courtRulingReviewPeriod`, 15 calendar days from',
    '  `receivedOn`); `applyForRulingReview` applies to the court one level up within it; the next ruling is',
    "  the review's result. `closeCase(COURT_REFUSED_ENFORCEMENT)` once the refusal is final: upheld on review,",
    "  or no review and the period over. The court's 终结执行 no longer cites CL art. 40 (the office's own).",
    '- **终止调查.** `closeCase(INVESTIGATION_TERMINATED)` from an open investigation (no decision yet), with',
    '  `termination` (party DECEASED or DISSOLVED, the day, no successor, the proof):',
    '  `INVESTIGATION_TERMINATION_NOT_PROVEN` otherwise (U: the CAC closure article was not retrieved).',
    '- **Closure and pending remedies (legal.md §4(i)).** `CLOSING_WITH_REMEDY_PENDING` (D) holds back only the',
    '  grounds that rest on the challenged decision (EXECUTED, NO_PENALTY, FACTS_NOT_ESTABLISHED,',
    '  ENFORCEMENT_TERMINATED, COURT_REFUSED_ENFORCEMENT): the remedy may still change it and a closed case',
    '  takes no step. Transfer, not docketed, docketing cancelled, annulled and 终止调查 close regardless',
    '  (APL art. 73(1): no statute forbids it).',
    '- **Suspected crime (APL art. 27(1) V; State Council transfer regulation U).** `transferCase(TO_JUDICIAL_ORGAN)`',
    "  and `decideCase(TRANSFER_TO_JUDICIAL_ORGAN)` both need `judicial`: the written report's day, the principal",
    "  head's approval (`JUDICIAL_TRANSFER_APPROVAL_REQUIRED`), the transfer day and the procuratorate the case is",
    '  copied to (`JUDICIAL_TRANSFER_NOT_COPIED_TO_PROCURATORATE`), printed as 抄送 on the 涉嫌犯罪案件移送书 that',
    '  either step leaves due. The 3-day decision and 24-hour transfer periods are the U parameters',
    '  `judicialTransferDecisionPeriod` and `judicialTransferPeriod`: recorded, not enforced (a crime is',
    '  transferred however late).',
    '- **Case sent back (APL art. 27(1), second sentence).** `resumeReturnedCase` (不予立案, 撤销案件, 不起诉,',
    "  免予刑事处罚, with the judiciary's document) returns the case to INVESTIGATING. Time limit (design): the",
    '  period with the judiciary is not counted; `caseTimeLimit` starts again in full from `receivedOn`, since',
    '  APL art. 60 has no rule for a returned case. Offsetting a criminal fine already imposed against the',
    '  administrative fine (APL art. 35) is not modelled.',
    '- **Clerical errors** in a document are corrected by the document-correction path (更正通知,',
    '  `CORRECTION_NOTICE`, `correctDocument`: src/commands/documents/correct-document.ts), which leaves the',
    '  decision itself unchanged.',
    "- **The office's own correction (APL art. 75(2)).** A 申诉 or 检举 is recorded (`recordComplaint`) and",
    '  the head finds ERROR_FOUND or NO_ERROR (`handleComplaint`). An error found, or found by the office',
    '  itself, is corrected by `revokeDecision` (撤销) or `changeDecision` (变更): legal review, the principal',
    "  head's written approval, collective discussion where the decision had one (U), and the",
    '  撤销（变更）行政处罚决定书. The decision corrected is kept in `decisionCorrections`; money paid beyond',
    '  what is now owed is a refund owed (退还); a revoked decision leaves nothing to execute (closure on',
    '  DECISION_ANNULLED), a change during a demand or court application withdraws it (back to',
    '  DECISION_SERVED); the publication is withdrawn (revoke) or replaced (change). A heavier change is',
    '  refused without a renewed notice and the party heard (APL arts. 44, 45(2)). Which path: a change of',
    '  wording or figures only is a clerical error (`correctDocument`, above; `changeDecision` refuses',
    '  identical penalties: CORRECTION_NOT_A_CHANGE); a change of what the decision imposes is `changeDecision`.',
    "  The changed penalties pass decideCase's provision, range, tier and discretion checks (same codes).",
    '  The letter is served by `serveDocument`: for a change, the reconsideration and litigation periods',
    '  and, where money is still owed, the payment period run anew from its service (APL arts. 61, 67(3));',
    '  the refund owed is paid out with `recordRefund` (退还), and the case does not close until it is',
    '  (REFUND_OUTSTANDING_AT_CLOSURE).',
    '',
  ];
}

/** 约谈: outside the penalty procedure, recorded with the same rules, audit and documents. */
function interviewSection(): string[] {
  return [
    '## 约谈 (interviews; not an administrative penalty)',
    '',
    "An interview (约谈) of an organization's legal representative or principal person in charge is a",
    'supervisory measure, not a penalty (APL art. 9 does not list it). `recordInterview` records it, stand-alone',
    'or linked to a case of the party; `recordInterviewFollowUp` records the follow-up once. Two officers with',
    'certificates valid on the interview date hold it.',
    '',
    ...table(
      ['Basis', 'Article', 'Who may interview', 'Rules'],
      INTERVIEW_LEGAL_BASES.map((basis) => [
        `\`${basis}\``,
        citations([INTERVIEW_LEGAL_BASIS_ARTICLES[basis]]),
        INTERVIEW_AUTHORITY[basis],
        basis === 'CSL_2025_58' ? INTERVIEW_RULE_CODES.map((c) => `\`${c}\``).join(', ') : '—',
      ]),
    ),
    '',
    '- **Level.** Only CSL 2025 art. 58 names the level (省级以上人民政府有关部门): a municipal or county',
    '  office is refused on it (`INTERVIEW_CSL_58_BELOW_PROVINCIAL_LEVEL`, V, interviews from 2026-01-01).',
    '  PIPL art. 64 and DSL art. 44 say 按照规定的权限和程序 and set no level in the statute: open to every',
    '  office (V as to the statute; any rules on the 权限 were not read).',
    '- **约谈笔录 (`INTERVIEW_RECORD`).** Generated by `recordInterview` from the interview as recorded (time,',
    '  place, officers and certificates, interviewees and capacities, basis cited, problems found, the',
    "  rectification required and its due date, the interviewees' statement, signatures) and stored for good",
    '  with its SHA-256 in `interview_document` (a stand-alone interview has no case, so not `case_document`).',
    '  No number: a 笔录 carries none. No 约谈通知书: none of the three articles requires a written notice and',
    '  no 网信 form was read.',
    "- **Audit.** Each interview step appends to the office's own hash-chained interview record",
    '  (`interview_event`, `Interview.auditEvents`): one chain per office over all its interviews, linked or',
    "  not, since an interview is the office's act and a stand-alone one has no case chain; the event of a",
    '  linked interview carries the case id, and the 约谈笔录 digest is chained with the event.',
    "- **Rectification.** The due date is the office's own (CSL 58, PIPL 64, DSL 44 set no period), stored as",
    '  a date, not a counted deadline. `rectificationOverdue` (field and `interviews` filter): rectification',
    '  required, today after the due date, and no follow-up found it rectified.',
    '',
  ];
}

function ruleSection(): string[] {
  return [
    '## Rule catalog',
    '',
    ...table(
      ['Code', 'Message', 'Status', 'In force', 'Legal basis', 'Note'],
      RULE_CODES.map((code) => {
        const r: RuleDefinition = RULE_CATALOG[code];
        return [
          `\`${code}\``,
          r.message,
          r.status,
          `${r.validFrom} – ${r.validTo ?? ''}`,
          citations(r.legalBasis),
          r.note ?? '',
        ];
      }),
    ),
    '',
  ];
}

function parameterValue(p: RulebookParameter): string {
  switch (p.type) {
    case 'PERIOD':
      return `${p.length} ${p.unit}`;
    case 'AMOUNT':
      return p.value === null ? 'not set' : `${p.value} yuan`;
    case 'COUNT':
      return String(p.value);
    case 'PENALTY_KINDS':
      return p.value.join(', ');
    case 'FLAG':
      return p.value ? 'yes' : 'no';
    case 'DATE':
      return `from ${p.value}`;
  }
}

function rulebookSection(): string[] {
  return RULEBOOK_VERSIONS.flatMap((v) => [
    `## Rulebook ${v.id} (${v.validFrom} – ${v.validTo ?? ''})`,
    '',
    v.title,
    '',
    ...table(
      ['Parameter', '名称', 'Value', 'Status', 'Verified', 'Overridable', 'Legal basis', 'Source'],
      parameterEntries(v.parameters).map(([key, p]) => [
        `\`${key}\``,
        p.name,
        parameterValue(p),
        p.status,
        p.verified ? 'yes' : 'no',
        p.overridable ? 'yes' : '',
        citations(p.legalBasis),
        p.source,
      ]),
    ),
    '',
  ]);
}

/** How the working-day calendar answers for a year without the State Council's notice. */
function calendarSection(): string[] {
  const basis = NATIONAL_HOLIDAYS_ARTICLE;
  return [
    '## Working-day calendar: official and provisional years',
    '',
    `Working-day periods exclude statutory holidays (${CALENDAR_CITATION}); the holidays and make-up`,
    'workdays of a year are set by the notice of the General Office of the State Council. A year is:',
    '',
    '| Status | Days off | Source | Deadlines |',
    '| --- | --- | --- | --- |',
    '| OFFICIAL | as the notice says (holidays, bridging days, 调休上班) | the loaded notice | final |',
    `| PROVISIONAL | Saturdays, Sundays and the statutory holidays only: 元旦 1 (1月1日), 春节 4 (除夕、正月初一至初三), 清明 1, 劳动节 2 (5月1日、2日), 端午 1, 中秋 1, 国庆 3 (10月1日至3日); no 调休, no bridging | ${cell(formatCitation(basis))} (${basis.status}${basis.source ? `: ${cell(basis.source)}` : ''}); lunar and 清明 dates from chinese-days | stored with \`provisional: true\` and the sentence “${provisionalYearNotice(2027).replace('2027', 'YYYY')}”; recomputed when the notice is loaded |`,
    '',
    `Provisional years run from the year after the last official one up to the horizon (last official`,
    `year + \`CALENDAR_PROVISIONAL_HORIZON_YEARS\`, default 2); none before ${NATIONAL_HOLIDAYS_REVISION_IN_FORCE_FROM}, when the 2024 revision took effect.`,
    'A date before the first year of data (2004) or past the horizon is refused with `CALENDAR_YEAR_NOT_LOADED`.',
    'Loading a notice recomputes every open provisional deadline in one transaction (each moved due date',
    'on the case’s audit chain and as a `DEADLINE_RECOMPUTED` event); a deadline already met or missed',
    'keeps its outcome and is flagged for review if the official date would have changed it.',
    '',
  ];
}

/** The act-date rules: every dated act, its order, today, late entry. */
function actDateSection(): string[] {
  return [
    '## Act dates and the order of the procedure',
    '',
    'Every act carries its own date (the `actDate` of the action below; `docketedOn`, `decidedOn` and',
    '`imposedOn` default to today in Beijing). It picks the rulebook, starts the deadlines and dates the',
    'documents. An act dated after today is refused (`ACT_DATE_IN_FUTURE`), one before 2004 alone',
    '(`ACT_DATE_BEFORE_2004`); an act entered more than `lateEntryReasonThreshold` working days after its',
    'date needs `lateEntryReason` (`LATE_ENTRY_REASON_REQUIRED`). No act may predate what it depends on',
    '(same day is in order):',
    '',
    ...table(
      ['Rule', 'Binds', 'Citations'],
      ORDER_RULES.map((r) => {
        const rule: RuleDefinition = RULE_CATALOG[r.code];
        return [
          `\`${r.code}\` (${rule.status})`,
          r.actions === 'ALL'
            ? 'every act with its own date'
            : r.actions.map((a) => `\`${a}\``).join(', '),
          citations(rule.legalBasis),
        ];
      }),
    ),
    '',
  ];
}

export function renderProcedureTable(): string {
  const lines = [
    '# 行政处罚程序表 (procedure table)',
    '',
    '<!-- Generated by renderProcedureTable() in src/procedure/procedure-table.ts. Do not edit by hand:',
    '     UPDATE_PROCEDURE_DOC=1 npx vitest run --project unit test/unit/procedure/procedure-table.test.ts -->',
    '',
    'Status codes of citations and rules: V verified statute text; P secondary source; U unverified; D design',
    '(see docs/legal-sources.md §0). Only V rules are settled law; P/U/D need the legal team.',
    '',
    ...statusSection(),
    ...actDateSection(),
    '## Actions',
    '',
    ...PROCEDURE_ACTIONS.flatMap(actionSection),
    ...documentSection(),
    ...endingsSection(),
    ...interviewSection(),
    ...ruleSection(),
    ...rulebookSection(),
    ...calendarSection(),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
