/**
 * Shorthands for the citations the procedure uses, next to `apl()` in legal-basis.ts.
 * Legal basis: sources as listed in docs/legal-sources.md §1 (statutes V; CAC rules P/U).
 */
import { LAW, type LegalBasis } from './legal-basis.js';
import type { LocalDate } from './local-date.js';

/** The 2017 rules were replaced by CAC Order No. 14 on 2023-06-01 (seed 000; seed 002 marked 失效). */
export const CAC_2017_REPEALED_AFTER = '2023-05-31' as LocalDate;

/** 《中华人民共和国行政强制法》 (V). */
export function compulsionLaw(article: number, paragraph?: number, item?: number): LegalBasis {
  return { law: LAW.administrativeCompulsion, article, paragraph, item, status: 'V' };
}

/**
 * 国务院《行政执法机关移送涉嫌犯罪案件的规定》 (2001, revised 2020): the text was not retrieved;
 * the article is cited as recalled in legal.md §7 item 9 (U).
 */
export function criminalCaseTransfer(article: number, paragraph?: number): LegalBasis {
  return {
    law: LAW.criminalCaseTransfer,
    article,
    paragraph,
    status: 'U',
    source: 'as recalled in legal.md §7 item 9; official text not retrieved',
  };
}

/** 《中华人民共和国个人信息保护法》 (V). */
export function pipl(article: number, paragraph?: number, item?: number): LegalBasis {
  return { law: LAW.personalInformationProtection, article, paragraph, item, status: 'V' };
}

export const CAC_2017_SOURCE =
  'pkulaw bilingual copy of the 2017 rules, Arts. 1-18 only; repealed 2023-06-01';

/** 2017 《互联网信息内容管理行政执法程序规定》, read in a secondary copy (P). In force 2017-06-01 to 2023-05-31. */
export function cac2017(article: number, paragraph?: number, item?: number): LegalBasis {
  return {
    law: LAW.cacContentEnforcementProcedure2017,
    article,
    paragraph,
    item,
    status: 'P',
    source: CAC_2017_SOURCE,
    validTo: CAC_2017_REPEALED_AFTER,
  };
}

/**
 * 2023 《网信部门行政执法程序规定》 article whose number is known from a secondary source (P).
 * Only Arts. 1-6 and the cross-referenced Art. 42 are known; never invent other numbers.
 */
export function cac2023(article: 5 | 42, source: string): LegalBasis {
  return { law: LAW.cacEnforcementProcedure2023, article, status: 'P', source };
}

/** 《中华人民共和国民事诉讼法》 (2023) (V): service of documents (arts. 87-95) and periods (art. 85). */
export function civilProcedure(article: number, paragraph?: number, item?: number): LegalBasis {
  return { law: LAW.civilProcedure, article, paragraph, item, status: 'V' };
}

/** 《中华人民共和国行政复议法》 (2023) (V). */
export function reconsiderationLaw(article: number, paragraph?: number, item?: number): LegalBasis {
  return { law: LAW.administrativeReconsideration, article, paragraph, item, status: 'V' };
}

/** 《中华人民共和国行政诉讼法》 (V). */
export function litigationLaw(article: number, paragraph?: number, item?: number): LegalBasis {
  return { law: LAW.administrativeLitigation, article, paragraph, item, status: 'V' };
}

/**
 * 《中华人民共和国网络安全法》 as amended in 2025 (V), in force from 2026-01-01: the 2025
 * amendment renumbered the articles (the 2016 art. 56 on interviews is art. 58).
 */
export function csl2025(article: number, paragraph?: number, item?: number): LegalBasis {
  return { law: LAW.cybersecurity, article, paragraph, item, status: 'V' };
}

/** 《中华人民共和国数据安全法》 (V). */
export function dsl(article: number, paragraph?: number, item?: number): LegalBasis {
  return { law: LAW.dataSecurity, article, paragraph, item, status: 'V' };
}
