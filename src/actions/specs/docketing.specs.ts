import { findManagedOffice } from '../../commands/office.commands.js';
import { takeNextNumber } from '../../commands/procedure/number-sequence.js';
import { PREVIEW_NUMBER, rehearsalOf } from '../../commands/procedure/rehearsal.js';
import { resolveOfficerRefs, resolveParties } from '../../commands/procedure/resolve-references.js';
import { requiredText } from '../../commands/validate.js';
import { Case } from '../../entities/case.entity.js';
import { newCaseSnapshot } from '../../procedure/case-snapshot.js';
import {
  DecideDocketingInput,
  RegisterCaseSourceInput,
  type ViolationFactsInput,
} from '../../schema/procedure-inputs/docketing.inputs.js';
import { engineInput, spec } from '../action-spec.js';

/** Registering a case source and the head's docketing decision. */

function violationFacts(input: ViolationFactsInput | null | undefined) {
  return input
    ? {
        committedOn: input.committedOn,
        ...(input.endedOn ? { endedOn: input.endedOn } : {}),
        harmsLifeHealthOrFinancialSecurity: input.harmsLifeHealthOrFinancialSecurity,
      }
    : undefined;
}

export const registerCaseSource = spec({
  action: 'registerCaseSource',
  input: RegisterCaseSourceInput,
  description: '案件来源登记：开始计算立案期限',
  actionName: () => '案件来源登记',
  check: (input: RegisterCaseSourceInput) => ({
    input,
    title: requiredText('title', input.title, 100),
    summary: requiredText('summary', input.summary, 2000),
  }),
  newCase: async ({ input }, em, actor) => {
    const office = await findManagedOffice(em, actor, input.officeId ?? actor.officeId);
    return newCaseSnapshot(office.id, office.level);
  },
  toEngineInput: async ({ input, summary }, { em, actor }) => {
    const parties = await resolveParties(em, actor, input.partyIds);
    return engineInput<'registerCaseSource'>({
      sourceType: input.sourceType,
      receivedOn: input.receivedOn,
      ...(input.namedComplainant != null ? { namedComplainant: input.namedComplainant } : {}),
      ...(input.originator ? { originator: input.originator } : {}),
      summary,
      ...(input.violation ? { violation: violationFacts(input.violation) } : {}),
      parties: parties.map((p) => ({ id: p.id, kind: p.kind })),
    });
  },
  createCase: async ({ em, actor, checked, input: engine }) => {
    const { input, title, summary } = checked;
    const office = await findManagedOffice(em, actor, input.officeId ?? actor.officeId);
    const year = Number(engine.receivedOn.slice(0, 4));
    // A dry run takes no case number: the gapless series must not even be locked.
    const serial = rehearsalOf(em)
      ? PREVIEW_NUMBER
      : await takeNextNumber(em, office.id, year, 'CASE');
    const number = `${office.shortName}案〔${year}〕${serial}号`;
    const parties = await resolveParties(em, actor, input.partyIds);
    const created = em.create(Case, {
      number,
      office,
      officePath: office.path,
      status: 'CASE_SOURCE_REGISTERED',
      title,
      violationSummary: summary,
      registeredOn: engine.receivedOn,
      searchText: [number, ...parties.map((p) => p.name)].join(' '),
    });
    parties.forEach((p) => created.parties.add(p));
    return created;
  },
});

export const decideDocketing = spec({
  action: 'decideDocketing',
  input: DecideDocketingInput,
  description: '立案或者不予立案（负责人决定）',
  actionName: (input) => (input.docket ? '立案' : '不予立案'),
  check: (input: DecideDocketingInput) => input,
  toEngineInput: async (input, { em, actor, today }) => {
    // The head's approval date (default today in Beijing) starts the case time limit.
    const docketedOn = input.docketedOn ?? today;
    return engineInput<'decideDocketing'>(
      input.docket
        ? {
            docket: true as const,
            docketedOn,
            handlers: await resolveOfficerRefs(em, actor, input.handlerIds ?? [], docketedOn),
            jurisdiction: {
              basis: input.jurisdictionBasis ?? 'TERRITORIAL',
              explanation: input.jurisdictionExplanation ?? '',
            },
            ...(input.violation ? { violation: violationFacts(input.violation) } : {}),
          }
        : { docket: false as const, docketedOn, reason: input.reason ?? '' },
    );
  },
});
