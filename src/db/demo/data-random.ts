// Deterministic randomness and identifiers for the demo: the same data on every machine and every run, so
// the seed's figures can be asserted exactly. Integers only; no Math.random, no clock.
import { makeUscc, USCC_CHARSET } from '../../core/uscc/uscc';

/** mulberry32: a tiny 32-bit PRNG, good enough for plausible demo spreads and fully reproducible. */
export function createPrng(seed: number): { int(min: number, max: number): number } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    /** A uniform integer in [min, max]. */
    int(min: number, max: number): number {
      return min + (next() % (max - min + 1));
    },
  };
}

// GB 11714 organisation code (positions 9–17 of the USCC) carries its own check character; computing it
// makes the demo codes look like real ones to anyone who validates both.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  ORG_WEIGHTS.forEach((weight, i) => {
    sum += ORG_VALUES.indexOf(body8.charAt(i)) * weight;
  });
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A valid enterprise USCC (登记管理部门 9 工商, 类别 1 企业) in the given area, with an organisation code in
 * the post-2015 'MA…' form. Distinct `serial` values give distinct codes.
 */
export function demoUscc(areaCode: string, serial: number): string {
  // An affine map modulo 31^6 with a multiplier coprime to 31 is a bijection: scrambled, yet never repeats.
  let rest = (serial * 387_420_489 + 12_345_678) % 31 ** 6;
  let tail = '';
  for (let i = 0; i < 6; i += 1) {
    tail = USCC_CHARSET.charAt(rest % USCC_CHARSET.length) + tail;
    rest = Math.floor(rest / USCC_CHARSET.length);
  }
  const org8 = `MA${tail}`;
  return makeUscc(`91${areaCode}${org8}${orgCodeCheckChar(org8)}`);
}
