// A deterministic applicants CSV for the simulation benchmark, in the documented columns, with the mix a real
// call would see: most enterprises in 天河区, some not counted in the statistics or with violations, service
// trade spread over every bracket of the tiered program (many under the USD 1M threshold, a few exactly on
// it, many under the 280,000 元 cap and many above it), some blank figures ("no data"), a few rows whose
// statistics year is not the year before the program year, a few names that need CSV quoting and a few USCCs
// whose check character fails (accepted with a warning).
import { createWriteStream } from 'node:fs';
import { APPLICANT_COLUMNS } from '../src/core/rules/applicants-csv';
import { makeUscc, USCC_CHARSET } from '../src/core/uscc/uscc';

const SIZES = ['large', 'medium', 'small', 'micro'] as const;

/** mulberry32 in 32-bit integer arithmetic: the same seed gives the same file on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = Math.imul(state ^ (state >>> 15), state | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return Math.floor((((z ^ (z >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
}

function* csvLines(rows: number, seed: number): Generator<string> {
  const next = random(seed);
  const usd = (maxDollars: number) => `${next(maxDollars)}.${String(next(100)).padStart(2, '0')}`;
  // Whole dollars and one decimal are valid amounts too.
  const loose = (dollars: number) => {
    const form = next(10);
    return form === 0
      ? String(dollars)
      : form === 1
        ? `${dollars}.${next(10)}`
        : `${dollars}.${String(next(100)).padStart(2, '0')}`;
  };
  /** Service trade of the statistics year: every bracket, both sides of the threshold and of the cap. */
  const trade = () => {
    const band = next(100);
    if (band < 25) return usd(1_000_000);
    if (band < 26) return next(2) === 0 ? '1000000.00' : '1000000.01';
    if (band < 60) return loose(1_000_000 + next(700_000));
    if (band < 85) return usd(3_000_000);
    if (band < 97) return usd(10_000_000);
    return usd(60_000_000);
  };
  yield `${APPLICANT_COLUMNS.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    let body = '91440106';
    for (let k = 0, v = i; k < 9; k++, v = Math.floor(v / 31)) body += USCC_CHARSET[v % 31];
    let uscc = makeUscc(body);
    if (next(1000) === 0) {
      const wrong = USCC_CHARSET[(USCC_CHARSET.indexOf(uscc.charAt(17)) + 1) % 31] as string;
      uscc = uscc.slice(0, 17) + wrong;
    }
    const name = next(500) === 0 ? `"广州""星河""${i},科技有限公司"` : `广州测试企业${i}有限公司`;
    const yearDraw = next(200);
    const year = yearDraw === 0 ? '2021' : yearDraw === 1 ? '2023' : '2022';
    const blank = () => next(50) === 0;
    const fields = [
      uscc,
      name,
      next(10) < 8 ? '天河区' : '越秀区',
      SIZES[next(4)],
      next(10) < 9 ? 'true' : 'false',
      next(20) === 0 ? 'true' : 'false',
      year,
      blank() ? '' : trade(),
      usd(20_000_000),
      usd(10_000_000),
      usd(50_000_000),
      usd(20_000_000),
      blank() ? '' : trade(),
      usd(40_000_000),
      usd(15_000_000),
    ];
    yield `${fields.join(',')}\n`;
  }
}

/** Writes `rows` applicants to `file` (seeded, so every run compares the same file). */
export async function writeApplicantsCsv(file: string, rows: number, seed = 20231231): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let buffer = '';
  for (const line of csvLines(rows, seed)) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(buffer, () => resolve());
  });
}
