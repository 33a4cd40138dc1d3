/**
 * Heading ordinals of GB/T 9704-2012 §7.3.3: 一、 (level 1) and （一） (level 2). Levels 3 and 4
 * (1. and （1）) use Arabic numerals and need no helper.
 */
import { chineseNumeral } from '../../procedure/legal-basis.js';

function checkOrdinal(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 9999) {
    throw new RangeError(`an ordinal must be an integer from 1, got ${n}`);
  }
}

/** 1 → '一、', 12 → '十二、' */
export function headingOrdinal(n: number): string {
  checkOrdinal(n);
  return `${chineseNumeral(n)}、`;
}

/** 1 → '（一）' (full-width parentheses, no 、 after them). */
export function subheadingOrdinal(n: number): string {
  checkOrdinal(n);
  return `（${chineseNumeral(n)}）`;
}
