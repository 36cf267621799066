// 人民币大写 (the amount in capital numerals on 票据 and 结算凭证), following the PBoC 《正确填写票据和结算凭证的
// 基本规定》 (annex to 《支付结算办法》). Where the rules allow two forms we always produce the same one:
//   - A break that ends on 元 gets 整; a break on 角 gets nothing (the rules' own example: ¥1,409.50 →
//     人民币壹仟肆佰零玖元伍角); an amount with 分 never gets 整.
//   - Zeros between non-zero digits are written as one 零 (¥6,007.14 → 陆仟零柒元壹角肆分).
//   - Rule 4: 角 zero and 分 non-zero always writes 零 after 元 (¥16,409.02 → 壹万陆仟肆佰零玖元零贰分).
//   - Rule 3 (万位 or 元位 zero, 千位 or 角位 not): either form is allowed. We use the first form of the rules'
//     example, ¥107,000.53 → 人民币壹拾万柒仟元零伍角叁分: zeros that end a 万/亿 group are absorbed by the group
//     unit, as in speech (十万七千), while a zero 元 digit before a non-zero 角 is written 零 so nothing can be
//     inserted between 元 and 角 (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分).
//   - A skipped whole group or leading zeros of a group write one 零 (¥100,007,000 → 壹亿零柒仟元整).
//   - 10 is written 壹拾, never 拾, as in the rules' 壹拾万 example.
import { AppError } from '../../shared/errors';
import type { Fen } from './money';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const POSITION_UNITS = ['仟', '佰', '拾', ''] as const;
const GROUP_UNITS = ['亿', '万', ''] as const;

/** Exclusive upper bound: 1 万亿 元 in fen. No payment in this product comes near it. */
export const RMB_UPPERCASE_LIMIT_FEN = 100_000_000_000_000n;

function digit(n: bigint): string {
  return DIGITS[Number(n)] ?? '';
}

/** The integer 元 part (0 < yuan < 10^12) in groups of four digits: 亿, 万, units. */
function integerPart(yuan: bigint): string {
  const groups = [(yuan / 100_000_000n) % 10_000n, (yuan / 10_000n) % 10_000n, yuan % 10_000n];
  let text = '';
  let started = false;
  let pendingZero = false;
  groups.forEach((group, g) => {
    if (group === 0n) {
      // A whole group skipped after a non-zero one (壹亿零柒仟) needs its 零.
      if (started) pendingZero = true;
      return;
    }
    const digits = [group / 1000n, (group / 100n) % 10n, (group / 10n) % 10n, group % 10n];
    digits.forEach((d, p) => {
      if (d === 0n) {
        if (started) pendingZero = true;
        return;
      }
      if (pendingZero) text += '零';
      pendingZero = false;
      text += digit(d) + POSITION_UNITS[p];
      started = true;
    });
    text += GROUP_UNITS[g];
    // Zeros at the end of a group are carried by its unit (壹拾万柒仟), so they do not write 零.
    pendingZero = false;
  });
  return text;
}

/** 人民币大写 for a non-negative amount below 1 万亿 元; a negative amount has no such form. */
export function rmbUppercase(f: Fen): string {
  if (f < 0n) throw new AppError('RMB_UPPERCASE_NEGATIVE', 'validation', { value: f.toString() });
  if (f >= RMB_UPPERCASE_LIMIT_FEN) {
    throw new AppError('RMB_UPPERCASE_OUT_OF_RANGE', 'validation', { value: f.toString() });
  }
  const yuan = f / 100n;
  const jiao = (f / 10n) % 10n;
  const fenDigit = f % 10n;
  if (f === 0n) return '人民币零元整';

  let text = '人民币';
  if (yuan > 0n) text += `${integerPart(yuan)}元`;
  if (jiao === 0n && fenDigit === 0n) return `${text}整`;
  if (jiao !== 0n) {
    if (yuan > 0n && yuan % 10n === 0n) text += '零';
    text += `${digit(jiao)}角`;
  } else if (yuan > 0n) {
    text += '零';
  }
  if (fenDigit !== 0n) text += `${digit(fenDigit)}分`;
  return text;
}
