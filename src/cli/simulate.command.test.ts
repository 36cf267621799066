import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runSimulate } from './simulate.command';

const SERVICE_TRADE = 'programs/tianhe-2023-service-trade.json';
const TIERED = 'programs/tianhe-2023-tiered.json';
const DEMO_CSV = 'programs/tianhe-2023-applicants.csv';
const FIXTURE_CSV = 'src/core/rules/fixtures/applicants.csv';

async function run(argv: string[], locale: 'zh-CN' | 'en-US' = 'zh-CN') {
  const out: string[] = [];
  const code = await runSimulate(argv, (s) => out.push(s), locale);
  return { code, text: out.join('\n') };
}

interface SimulationJson {
  applicants: { uscc: string; eligible: boolean; reasons: string[]; computed: string; allocated: string }[];
  totals: { eligible: number; computed: string; allocated: string; budget: string };
}

describe.each([DEMO_CSV, FIXTURE_CSV])('huiqi simulate on %s', (csv) => {
  test.each([SERVICE_TRADE, TIERED])(
    '%s prints the documented JSON and reaches exactly the budget',
    async (file) => {
      const { code, text } = await run(['--program', file, '--applicants', csv, '--json']);
      expect(code).toBe(0);
      const json = JSON.parse(text) as SimulationJson;
      expect(Object.keys(json.applicants[0] ?? {})).toEqual([
        'uscc',
        'eligible',
        'reasons',
        'computed',
        'allocated',
      ]);
      expect(json.totals.eligible).toBe(10);
      expect(json.totals.budget).toBe('1299600.00');
      expect(json.totals.allocated).toBe('1299600.00');
      expect(Number(json.totals.computed)).toBeGreaterThan(1_299_600);
      const cents = (s: string) => BigInt(s.replace('.', ''));
      const sum = json.applicants.reduce((total, a) => total + cents(a.allocated), 0n);
      expect(sum).toBe(129_960_000n);
      for (const a of json.applicants) {
        expect(a.computed).toMatch(/^\d+\.\d{2}$/);
        expect(cents(a.allocated) <= cents(a.computed)).toBe(true);
        expect(a.reasons).toHaveLength(4);
        expect(a.eligible ? a.reasons.every((r) => r.endsWith('（满足）')) : a.allocated === '0.00').toBe(
          true,
        );
      }
    },
  );
});

describe('huiqi simulate output', () => {
  test('a readable table in zh-CN by default, English on request', async () => {
    const zh = await run(['--program', SERVICE_TRADE, '--applicants', FIXTURE_CSV]);
    expect(zh.code).toBe(0);
    expect(zh.text).toContain('预算 1,299,600.00');
    expect(zh.text).toContain('核定合计 1,299,600.00');
    expect(zh.text).toContain('上一年度服务贸易额 USD 1,000,000.00，未高于 USD 1,000,000.00（不满足）');
    const en = await run(['--program', SERVICE_TRADE, '--applicants', FIXTURE_CSV], 'en-US');
    expect(en.text).toContain('allocated total 1,299,600.00');
  });

  test('--compare prints both programs and a side-by-side summary', async () => {
    const table = await run(['--program', SERVICE_TRADE, '--applicants', FIXTURE_CSV, '--compare', TIERED]);
    expect(table.code).toBe(0);
    expect(table.text).toContain('方案对比');
    expect(table.text).toContain('tianhe-2023-service-trade | tianhe-2023-tiered');
    const json = await run([
      '--program',
      SERVICE_TRADE,
      '--applicants',
      FIXTURE_CSV,
      '--compare',
      TIERED,
      '--json',
    ]);
    const parsed = JSON.parse(json.text);
    expect(parsed.program.totals.allocated).toBe('1299600.00');
    expect(parsed.compare.totals.allocated).toBe('1299600.00');
    expect(parsed.applicants).toHaveLength(16);
  });

  test('bad rows are reported with their line numbers and nothing is computed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huiqi-simulate-'));
    const lines = readFileSync(FIXTURE_CSV, 'utf8').split('\n');
    lines[3] = (lines[3] ?? '').replace('large', 'giant');
    lines[6] = (lines[6] ?? '').replace('true', 'yes');
    const file = join(dir, 'bad.csv');
    writeFileSync(file, lines.join('\n'));
    const { code, text } = await run(['--program', SERVICE_TRADE, '--applicants', file]);
    expect(code).toBe(1);
    expect(text).toContain('第 4 行第 4 列（size_class）');
    expect(text).toContain('第 7 行第 5 列（stats_registered）');
    expect(text).not.toContain('核定合计');
  });

  test('an invalid program file is rejected with each error and its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huiqi-simulate-'));
    const program = JSON.parse(readFileSync(SERVICE_TRADE, 'utf8'));
    program.budget = 1299600;
    program.clauses[0].formula.rate = 'two percent';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(program));
    const { code, text } = await run(['--program', file, '--applicants', FIXTURE_CSV], 'en-US');
    expect(code).toBe(1);
    expect(text).toContain('budget: Wrong type');
    expect(text).toContain('clauses[0].formula.rate: Wrong format');
  });

  test('usage on missing arguments', async () => {
    expect((await run(['--program', SERVICE_TRADE])).code).toBe(2);
    expect((await run(['--bogus'])).code).toBe(2);
  });
});
