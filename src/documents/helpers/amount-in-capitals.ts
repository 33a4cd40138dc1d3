/**
 * Amounts in Chinese financial capitals (大写金额), as on bills and in penalty decisions:
 * 123456.78 → 人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分.
 *
 * Rules (《正确填写票据和结算凭证的基本规定》, People's Bank of China):
 * - 「整」 after 元 when there is neither 角 nor 分; nothing after 分. After 角 the rule allows
 *   either; we follow the rule's own examples (¥1409.50 → 壹仟肆佰零玖元伍角) and omit it.
 * - A zero between digits is written 零, several consecutive zeros as one 零 (¥6007.14 →
 *   陆仟零柒元壹角肆分); a zero group of four digits between non-zero groups gives one 零
 *   (¥100000001 → 壹亿零壹元).
 * - 角 zero and 分 non-zero: 零 after 元 (¥325.04 → 叁佰贰拾伍元零肆分).
 * - Where the rule allows 零 or nothing (万位 or 元位 zero while 千位 / 角位 is not), we take the
 *   rule's first example in each case: ¥107000.53 → 壹拾万柒仟元零伍角叁分, i.e. no 零 at the
 *   万 boundary when the 千 digit is non-zero, and 零 after 元 when the 元 digit is zero.
 * - 拾 always takes its digit (壹拾元, not 拾元), as financial writing requires.
 */
import { parseAmountToFen } from './money.js';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const IN_GROUP_UNITS = ['仟', '佰', '拾', ''] as const;
const GROUP_UNITS = ['亿', '万', ''] as const;

function digit(n: number): string {
  return DIGITS[n]!;
}

/** 0 < group < 10000 → 壹仟零伍 (zeros inside collapse to one 零; trailing zeros vanish). */
function spellGroup(group: number): string {
  const digits = String(group).padStart(4, '0').split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      pendingZero = out.length > 0;
      return;
    }
    if (pendingZero) {
      out += '零';
      pendingZero = false;
    }
    out += digit(d) + IN_GROUP_UNITS[i];
  });
  return out;
}

/** Integer yuan (< 10^12) → 壹亿零壹 ('' for zero). */
function spellYuan(yuan: number): string {
  const groups = [Math.floor(yuan / 1e8), Math.floor(yuan / 1e4) % 1e4, yuan % 1e4];
  let out = '';
  let zeroGap = false;
  groups.forEach((group, i) => {
    if (group === 0) {
      zeroGap = out.length > 0;
      return;
    }
    // One 零 for a skipped group or for leading zeros inside this group (万零壹拾).
    if (out.length > 0 && (zeroGap || group < 1000)) {
      out += '零';
    }
    zeroGap = false;
    out += spellGroup(group) + GROUP_UNITS[i];
  });
  return out;
}

/** Amount in yuan (number with ≤ 2 decimals or decimal string) → 人民币…元整 / …角 / …分. */
export function amountInCapitals(amount: number | string): string {
  const fen = parseAmountToFen(amount);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;

  if (fen === 0) {
    return '人民币零元整';
  }
  let out = '人民币';
  if (yuan > 0) {
    out += spellYuan(yuan) + '元';
  }
  if (jiao === 0 && cents === 0) {
    return out + '整';
  }
  if (yuan > 0 && (jiao === 0 || yuan % 10 === 0)) {
    out += '零';
  }
  if (jiao > 0) {
    out += digit(jiao) + '角';
  }
  if (cents > 0) {
    out += digit(cents) + '分';
  }
  return out;
}
