import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { fen, parseYuan } from './money';
import { RMB_UPPERCASE_LIMIT_FEN, rmbUppercase } from './rmb-uppercase';

describe('rmbUppercase: the examples of 《正确填写票据和结算凭证的基本规定》', () => {
  it.each([
    // 第四条(一): a zero between digits is written 零; a break on 角 takes no 整 (the rules' own form).
    ['1409.50', '人民币壹仟肆佰零玖元伍角'],
    // 第四条(二): several zeros in a row write one 零.
    ['6007.14', '人民币陆仟零柒元壹角肆分'],
    // 第四条(三): both forms are allowed; we produce the first one listed for each example (see the module
    // comment): group-ending zeros are carried by 万, a zero 元 digit before 角 is written 零.
    ['1680.32', '人民币壹仟陆佰捌拾元零叁角贰分'],
    ['107000.53', '人民币壹拾万柒仟元零伍角叁分'],
    // 第四条(四): 角 zero and 分 not: 零 after 元.
    ['16409.02', '人民币壹万陆仟肆佰零玖元零贰分'],
    ['325.04', '人民币叁佰贰拾伍元零肆分'],
  ])('%s → %s', (amount, expected) => {
    expect(rmbUppercase(parseYuan(amount))).toBe(expected);
  });

  it('writes the seed budget, 129.96万元', () => {
    expect(rmbUppercase(parseYuan('1299600.00'))).toBe('人民币壹佰贰拾玖万玖仟陆佰元整');
  });
});

describe('rmbUppercase: edge cases', () => {
  it.each([
    ['0.00', '人民币零元整'],
    ['10.00', '人民币壹拾元整'],
    ['0.05', '人民币伍分'],
    ['0.50', '人民币伍角'],
    ['0.53', '人民币伍角叁分'],
    ['1.00', '人民币壹元整'],
    ['1000.01', '人民币壹仟元零壹分'],
    ['10010.00', '人民币壹万零壹拾元整'],
    ['100000.00', '人民币壹拾万元整'],
    ['101250.00', '人民币壹拾万壹仟贰佰伍拾元整'],
    ['100700.00', '人民币壹拾万零柒佰元整'],
    ['100000000.00', '人民币壹亿元整'],
    ['100007000.00', '人民币壹亿零柒仟元整'],
    ['100000001.00', '人民币壹亿零壹元整'],
    ['110000000.00', '人民币壹亿壹仟万元整'],
    ['101000000.00', '人民币壹亿零壹佰万元整'],
    ['1005.00', '人民币壹仟零伍元整'],
    ['20.10', '人民币贰拾元零壹角'],
    ['999999999999.99', '人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%s → %s', (amount, expected) => {
    expect(rmbUppercase(parseYuan(amount))).toBe(expected);
  });

  it('refuses negative amounts and amounts from 1 万亿元 up', () => {
    const code = (f: bigint) => {
      try {
        rmbUppercase(fen(f));
      } catch (error) {
        return error instanceof AppError ? error.code : 'other';
      }
      return 'none';
    };
    expect(code(-1n)).toBe('RMB_UPPERCASE_NEGATIVE');
    expect(code(RMB_UPPERCASE_LIMIT_FEN)).toBe('RMB_UPPERCASE_OUT_OF_RANGE');
    expect(code(RMB_UPPERCASE_LIMIT_FEN - 1n)).toBe('none');
  });
});

describe('rmbUppercase: properties', () => {
  const DIGIT_VALUE: Record<string, bigint> = {
    零: 0n,
    壹: 1n,
    贰: 2n,
    叁: 3n,
    肆: 4n,
    伍: 5n,
    陆: 6n,
    柒: 7n,
    捌: 8n,
    玖: 9n,
  };
  const UNIT_VALUE: Record<string, bigint> = { 拾: 10n, 佰: 100n, 仟: 1000n };

  /** An independent reader: parses the capital form back into fen. */
  function read(text: string): bigint {
    const body = text.replace(/^人民币/, '').replace(/整$/, '');
    const [integer = '', fraction = ''] = body.includes('元') ? body.split('元') : ['', body];
    let total = 0n;
    let group = 0n;
    let digit = 0n;
    for (const ch of integer) {
      if (ch in DIGIT_VALUE) digit = DIGIT_VALUE[ch] ?? 0n;
      else if (ch in UNIT_VALUE) {
        group += digit * (UNIT_VALUE[ch] ?? 0n);
        digit = 0n;
      } else if (ch === '万' || ch === '亿') {
        total += (group + digit) * (ch === '万' ? 10_000n : 100_000_000n);
        group = 0n;
        digit = 0n;
      } else throw new Error(`unexpected ${ch}`);
    }
    const jiao = /(.)角/.exec(fraction)?.[1];
    const fenDigit = /(.)分/.exec(fraction)?.[1];
    const minor =
      (jiao ? (DIGIT_VALUE[jiao] ?? 0n) * 10n : 0n) + (fenDigit ? (DIGIT_VALUE[fenDigit] ?? 0n) : 0n);
    return (total + group + digit) * 100n + minor;
  }

  // Uniform amounts rarely contain runs of zeros, so half the cases are built from zero-heavy digit strings.
  const zeroHeavy = fc
    .array(fc.constantFrom('0', '0', '0', '1', '5', '9'), { minLength: 1, maxLength: 14 })
    .map((digits) => BigInt(digits.join('')));
  const amountArb = fc.oneof(fc.bigInt({ min: 0n, max: RMB_UPPERCASE_LIMIT_FEN - 1n }), zeroHeavy);

  it('reads back to the same amount, never doubles 零, and ends correctly', () => {
    fc.assert(
      fc.property(amountArb, (f) => {
        const text = rmbUppercase(fen(f));
        expect(read(text)).toBe(f);
        if (f > 0n) expect(text).not.toMatch(/零零|零元|零万|零亿|^人民币零/);
        expect(text.startsWith('人民币')).toBe(true);
        if (f % 10n !== 0n) expect(text.endsWith('分')).toBe(true);
        else if (f % 100n !== 0n) expect(text.endsWith('角')).toBe(true);
        else expect(text.endsWith('整')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
