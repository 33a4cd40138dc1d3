/**
 * Guards on the officers who perform an act: at least two, each with an
 * enforcement certificate valid on the day, certificates shown, none recused.
 * Legal basis: 《中华人民共和国行政处罚法》第四十二条第一款、第四十三条、第五十二条、第五十五条第一款 (V);
 * 《中华人民共和国行政强制法》第十八条第（二）（三）项 (V); 2017 规定第十八条 (P).
 */
import { isCertificateValidOn, recusedOfficerIds, type OfficerRef } from '../case-snapshot.js';
import type { LocalDate } from '../local-date.js';
import { violation, type RuleCode } from '../rule-catalog.js';
import { inputGuard, stateGuard, type InputGuard, type StateGuard } from './guard.js';

/** Distinct officers: the same person, or the same certificate number, counts once. */
export function distinctOfficerCount(officers: readonly OfficerRef[]): number {
  const seen: OfficerRef[] = [];
  for (const o of officers) {
    const duplicate = seen.some(
      (s) =>
        s.officerId === o.officerId ||
        (s.certificate !== undefined &&
          o.certificate !== undefined &&
          s.certificate.number === o.certificate.number),
    );
    if (!duplicate) {
      seen.push(o);
    }
  }
  return seen.length;
}

/** At least `minimumOfficersPerAct` (2) distinct officers. */
export function atLeastTwoOfficers<I>(
  code: OfficerCountCode,
  select: (input: I) => readonly OfficerRef[] | undefined,
): InputGuard<I> {
  return inputGuard<I>('atLeastTwoOfficers', [code], ({ input, rulebook }) => {
    const officers = select(input);
    if (officers === undefined) {
      return undefined;
    }
    const count = distinctOfficerCount(officers);
    const minimum = rulebook.parameters.minimumOfficersPerAct.value;
    return count < minimum ? violation(code, { count, minimum }) : undefined;
  });
}

/** Every officer holds a certificate valid on the date of the act. */
export function certificatesValidOnActDate<I>(
  select: (input: I) => readonly OfficerRef[] | undefined,
): InputGuard<I> {
  return inputGuard<I>(
    'certificatesValidOnActDate',
    ['CERTIFICATE_NOT_VALID'],
    ({ input, actDate }) => {
      const invalid = invalidCertificateHolders(select(input) ?? [], actDate);
      return invalid.length > 0
        ? violation('CERTIFICATE_NOT_VALID', { officerIds: invalid, date: actDate })
        : undefined;
    },
  );
}

export function invalidCertificateHolders(
  officers: readonly OfficerRef[],
  date: LocalDate,
): string[] {
  return officers.filter((o) => !isCertificateValidOn(o.certificate, date)).map((o) => o.officerId);
}

export function certificatesShown<I>(select: (input: I) => boolean | undefined): InputGuard<I> {
  return inputGuard<I>('certificatesShown', ['CERTIFICATES_NOT_SHOWN'], ({ input }) =>
    select(input) === false ? violation('CERTIFICATES_NOT_SHOWN') : undefined,
  );
}

export function noRecusedOfficer<I>(
  select: (input: I) => readonly OfficerRef[] | undefined,
): InputGuard<I> {
  return inputGuard<I>('noRecusedOfficer', ['RECUSED_OFFICER_ACTING'], ({ input, snapshot }) => {
    const recused = recusedOfficerIds(snapshot);
    const acting = (select(input) ?? [])
      .filter((o) => recused.has(o.officerId))
      .map((o) => o.officerId);
    return acting.length > 0
      ? violation('RECUSED_OFFICER_ACTING', { officerIds: acting })
      : undefined;
  });
}

/** The acting officer personally performs an enforcement act: their own certificate must be valid today. */
export const actorCertificateValid: StateGuard = stateGuard(
  'actorCertificateValid',
  ['CERTIFICATE_NOT_VALID'],
  ({ actor, now }) =>
    isCertificateValidOn(actor.certificate, now)
      ? undefined
      : violation('CERTIFICATE_NOT_VALID', { officerIds: [actor.officerId], date: now }),
);

/** The acting officer has not been recused from the case. */
export const actorNotRecused: StateGuard = stateGuard(
  'actorNotRecused',
  ['RECUSED_OFFICER_ACTING'],
  ({ actor, snapshot }) =>
    recusedOfficerIds(snapshot).has(actor.officerId)
      ? violation('RECUSED_OFFICER_ACTING', { officerIds: [actor.officerId] })
      : undefined,
);

/** Guards every act by a team of officers needs. */
export function officerTeamGuards<I>(
  code: OfficerCountCode,
  select: (input: I) => readonly OfficerRef[] | undefined,
  shown?: (input: I) => boolean,
): InputGuard<I>[] {
  const guards: InputGuard<I>[] = [
    atLeastTwoOfficers(code, select),
    certificatesValidOnActDate(select),
    noRecusedOfficer(select),
  ];
  if (shown) {
    guards.push(certificatesShown(shown));
  }
  return guards;
}

/** An on-site act: the acting `officers`, who showed their certificates (`certificatesShown`). */
export function onSiteTeamGuards<
  I extends { readonly officers: readonly OfficerRef[]; readonly certificatesShown: boolean },
>(code: OfficerCountCode): InputGuard<I>[] {
  return officerTeamGuards<I>(
    code,
    (i) => i.officers,
    (i) => i.certificatesShown,
  );
}

export type OfficerCountCode = Extract<RuleCode, `${string}_FEWER_THAN_TWO`>;
