/**
 * Index of every article the engine cites (transitions, outcomes, rules, rulebook parameters),
 * rendered as the generated section of docs/legal-sources.md so that a reader goes from an
 * article to the code that relies on it, and a unit test notices an article cited nowhere else.
 * Legal basis: 《中华人民共和国行政处罚法》第三十九条 (V): the procedure is to be made public.
 */
import { LAW, type LegalBasis, type VerificationStatus } from './legal-basis.js';
import { PROCEDURE_ACTIONS } from './procedure-action.js';
import { RULE_CATALOG, RULE_CODES } from './rule-catalog.js';
import { parameterEntries, RULEBOOK_VERSIONS } from './rulebook.js';
import { transitionOf } from './transitions.js';

export interface CitedArticle {
  readonly law: string;
  readonly article: number;
  /** Statuses the citations of this article carry (a P copy and a V text may both be cited). */
  readonly statuses: readonly VerificationStatus[];
  /** `action:…`, `rule:…`, `parameter:…` — who cites it. */
  readonly citedBy: readonly string[];
}

const LAW_ORDER: readonly string[] = Object.values(LAW);
const STATUS_ORDER: readonly VerificationStatus[] = ['V', 'P', 'U', 'D'];

/** Every (law, article) the engine cites, in the order of LAW, then by article number. */
export function citedArticles(): CitedArticle[] {
  const index = new Map<
    string,
    { law: string; article: number; statuses: Set<VerificationStatus>; citedBy: Set<string> }
  >();
  const add = (bases: readonly LegalBasis[], by: string) => {
    for (const b of bases) {
      const key = `${b.law}#${b.article}`;
      const entry = index.get(key) ?? {
        law: b.law,
        article: b.article,
        statuses: new Set<VerificationStatus>(),
        citedBy: new Set<string>(),
      };
      entry.statuses.add(b.status);
      entry.citedBy.add(by);
      index.set(key, entry);
    }
  };
  for (const action of PROCEDURE_ACTIONS) {
    const t = transitionOf(action);
    add(t.legalBasis, `action:${action}`);
    t.outcomes.forEach((o) => add(o.legalBasis ?? [], `action:${action}`));
  }
  RULE_CODES.forEach((code) => add(RULE_CATALOG[code].legalBasis, `rule:${code}`));
  for (const version of RULEBOOK_VERSIONS) {
    parameterEntries(version.parameters).forEach(([key, p]) =>
      add(p.legalBasis, `parameter:${key}`),
    );
  }
  const lawRank = (law: string) => {
    const i = LAW_ORDER.indexOf(law);
    return i < 0 ? LAW_ORDER.length : i;
  };
  return [...index.values()]
    .sort((a, b) => lawRank(a.law) - lawRank(b.law) || a.article - b.article)
    .map((e) => ({
      law: e.law,
      article: e.article,
      statuses: STATUS_ORDER.filter((s) => e.statuses.has(s)),
      citedBy: [...e.citedBy],
    }));
}

/** Anchor of an article in docs/legal-sources.md, e.g. `art-中华人民共和国行政处罚法-64`. */
export function articleAnchor(law: string, article: number): string {
  return `art-${law}-${article}`;
}

function citedByCell(citedBy: readonly string[]): string {
  const group = (prefix: string) =>
    citedBy.filter((c) => c.startsWith(prefix)).map((c) => `\`${c.slice(prefix.length)}\``);
  return [
    ['actions', group('action:')],
    ['rules', group('rule:')],
    ['parameters', group('parameter:')],
  ]
    .filter(([, names]) => names.length > 0)
    .map(([label, names]) => `${label as string}: ${(names as string[]).join(', ')}`)
    .join('; ');
}

/** The generated section of docs/legal-sources.md (Markdown, no trailing newline). */
export function renderArticleIndex(): string {
  const rows = citedArticles().map(
    (a) =>
      `| <a id="${articleAnchor(a.law, a.article)}"></a>《${a.law}》 | ${a.article} | ${a.statuses.join(', ')} | ${citedByCell(a.citedBy)} |`,
  );
  return ['| Law | Art. | Status | Cited by |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
