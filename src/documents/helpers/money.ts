/**
 * Money in documents. Amounts arrive as yuan (a number with at most two decimals, or a decimal
 * string such as '1000000.50') and are handled as integer fen so that no float rounding can
 * reach the wording of a penalty.
 */

/** 9 999 亿 9 999 万 9 999 元 9 角 9 分: the largest amount the capitals writer can spell. */
export const MAX_AMOUNT_FEN = 999_999_999_999_99;

const DECIMAL_PATTERN = /^(\d+)(?:\.(\d{1,2}))?$/;

/** '50000' | 50000 → 5000000 (fen). Rejects negatives, NaN, more than two decimals, huge values. */
export function parseAmountToFen(amount: number | string): number {
  let fen: number;
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount) || amount < 0) {
      throw new RangeError(`amount must be a non-negative finite number, got ${amount}`);
    }
    fen = Math.round(amount * 100);
    // 0.1 * 100 is 10.000000000000002: tolerate float noise (far below 0.1 fen), reject a real
    // third decimal. Very large amounts are safer passed as decimal strings.
    if (Math.abs(fen - amount * 100) > 0.01) {
      throw new RangeError(`amount has more than two decimals: ${amount}`);
    }
  } else {
    const match = DECIMAL_PATTERN.exec(amount.trim());
    if (!match) {
      throw new RangeError(`amount is not a decimal number of yuan: "${amount}"`);
    }
    fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  }
  if (fen > MAX_AMOUNT_FEN) {
    throw new RangeError(`amount is too large for a document: ${amount}`);
  }
  return fen;
}

/** 50000 → '50,000.00元' (GB/T 9704 writes amounts in Arabic numerals; thousands separated). */
export function formatAmountInFigures(amount: number | string): string {
  const fen = parseAmountToFen(amount);
  const yuan = Math.floor(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}.${cents}元`;
}
