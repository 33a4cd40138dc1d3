/**
 * 成文日期 and other dates in documents. GB/T 9704-2012 §7.3.5.2: Arabic numerals, the year in
 * full, month and day without zero padding (2026年11月22日, not 2026年11月02日 nor 二〇二六年).
 */
import { isLocalDate } from '../../procedure/local-date.js';

/** '2026-11-22' → '2026年11月22日'. Throws RangeError for anything but a real calendar date. */
export function formatDocumentDate(value: string): string {
  if (!isLocalDate(value)) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): "${value}"`);
  }
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${day}日`;
}
