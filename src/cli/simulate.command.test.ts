import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { APPLICANT_COLUMNS } from '../core/rules/applicants-csv';
import { makeUscc } from '../core/uscc/uscc';
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

  test.each([
    [
      'zh-CN',
      ['第 1 行（violations）：缺少必需的列', '第 3 行：字段个数与表头不一致', '第 4 行第 2 列：引号未闭合'],
    ],
    [
      'en-US',
      [
        'Line 1 (violations): Required column missing',
        'Line 3: The number of fields',
        'Line 4, column 2: Unterminated',
      ],
    ],
  ] as const)(
    'in %s, a column is counted from 1 and a whole-line error names only its line',
    async (locale, expected) => {
      const dir = mkdtempSync(join(tmpdir(), 'huiqi-simulate-'));
      const header = APPLICANT_COLUMNS.filter((c) => c !== 'violations');
      const row = (name: string) =>
        `${makeUscc('91440106MA0000001')},${name},天河区,small,true,2022,1.00,1.00,1.00,1.00,1.00,1.00,1.00,`;
      const file = join(dir, 'bad.csv');
      writeFileSync(file, [header.join(','), row('企业'), 'too,few', row('"企业')].join('\n'));
      const { code, text } = await run(['--program', SERVICE_TRADE, '--applicants', file], locale);
      expect(code).toBe(1);
      for (const line of expected) expect(text).toContain(line);
      expect(text).not.toMatch(/第 0 列|column 0|（）|\(\)/);
    },
  );

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

  test('an unclosed quote in a 40,000-line file is answered about as fast as a good file of that size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huiqi-simulate-'));
    const rows = Array.from(
      { length: 40_000 },
      (_, i) =>
        `${makeUscc(`91440106MA${String(i).padStart(7, '0')}`)},企业${i},天河区,small,true,false,2022,` +
        '1500000.00,900000.00,600000.00,800000.00,300000.00,1200000.00,700000.00,',
    );
    const good = join(dir, 'good.csv');
    writeFileSync(good, [APPLICANT_COLUMNS.join(','), ...rows].join('\n'));
    const unclosed = join(dir, 'unclosed.csv');
    rows[5] = (rows[5] ?? '').replace('企业5,', '"企业5,');
    writeFileSync(unclosed, [APPLICANT_COLUMNS.join(','), ...rows].join('\n'));
    const timed = async (file: string) => {
      const started = performance.now();
      const result = await run(['--program', SERVICE_TRADE, '--applicants', file, '--json']);
      return { ...result, ms: performance.now() - started };
    };
    const ok = await timed(good);
    const bad = await timed(unclosed);
    expect(ok.code).toBe(0);
    expect(bad.code).toBe(1);
    expect(bad.text).toContain('第 7 行第 2 列：引号未闭合');
    expect(bad.ms / ok.ms).toBeLessThan(5);
  }, 60_000);

  test('--out writes every applicant to CSV, JSON Lines or XLSX and prints the totals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huiqi-simulate-'));
    const lines = readFileSync(FIXTURE_CSV, 'utf8').trimEnd().split('\n');
    // Names a spreadsheet would run as formulas.
    lines[1] = (lines[1] ?? '').replace(/^([^,]*),[^,]*,/, '$1,"=HYPERLINK(""http://x"",""y"")",');
    lines[2] = (lines[2] ?? '').replace(/^([^,]*),[^,]*,/, '$1,@SUM(A1),');
    const csv = join(dir, 'hostile.csv');
    writeFileSync(csv, lines.join('\n'));
    const expected = JSON.parse(
      (await run(['--program', SERVICE_TRADE, '--applicants', csv, '--json'])).text,
    );

    const csvOut = join(dir, 'out.csv');
    const text = await run(['--program', SERVICE_TRADE, '--applicants', csv, '--out', csvOut]);
    expect(text.code).toBe(0);
    expect(text.text).toContain(`已将 16 家申报企业的模拟结果写入 ${csvOut}`);
    expect(text.text).toContain('核定合计 1,299,600.00');
    const written = readFileSync(csvOut, 'utf8');
    expect(written.startsWith('\uFEFFuscc,name,size_class,eligible,computed,allocated,reasons\r\n')).toBe(
      true,
    );
    expect(written).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(written).toContain(`,'@SUM(A1),`);

    const jsonl = join(dir, 'out.jsonl');
    const summary = await run(['--program', SERVICE_TRADE, '--applicants', csv, '--out', jsonl, '--json']);
    expect(JSON.parse(summary.text)).toMatchObject({ out: jsonl, totals: expected.totals, warnings: [] });
    const rows = readFileSync(jsonl, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.uscc, r.eligible, r.reasons, r.computed, r.allocated])).toEqual(
      expected.applicants.map((a: Record<string, unknown>) => [
        a.uscc,
        a.eligible,
        a.reasons,
        a.computed,
        a.allocated,
      ]),
    );
    expect(rows[0].name).toBe('=HYPERLINK("http://x","y")');

    const xlsx = join(dir, 'out.xlsx');
    expect((await run(['--program', SERVICE_TRADE, '--applicants', csv, '--out', xlsx])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('simulation');
    expect(sheet?.rowCount).toBe(17);
    expect(sheet?.getRow(2).getCell(2).value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(sheet?.getRow(3).getCell(2).value).toBe(`'@SUM(A1)`);
    expect(sheet?.getRow(2).getCell(6).value).toBe(expected.applicants[0].allocated);

    expect(
      (await run(['--program', SERVICE_TRADE, '--applicants', csv, '--out', join(dir, 'x.txt')])).code,
    ).toBe(2);
    expect(
      (await run(['--program', SERVICE_TRADE, '--applicants', csv, '--out', xlsx, '--compare', TIERED])).code,
    ).toBe(2);
  });

  test('a failing USCC check character is computed as given and reported, in the table and in --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huiqi-simulate-'));
    const lines = readFileSync(FIXTURE_CSV, 'utf8').split('\n');
    const uscc = lines[4]?.slice(0, 18) ?? '';
    const wrong = `${uscc.slice(0, 17)}${uscc.endsWith('0') ? '1' : '0'}`;
    lines[4] = `${wrong}${lines[4]?.slice(18)}`;
    const file = join(dir, 'check-digit.csv');
    writeFileSync(file, lines.join('\n'));
    const table = await run(['--program', SERVICE_TRADE, '--applicants', file], 'en-US');
    expect(table.code).toBe(0);
    expect(table.text).toContain('Computed as given, but please check these 1 places:');
    expect(table.text).toContain('Line 5, column 1 (uscc): The check character');
    const json = JSON.parse((await run(['--program', SERVICE_TRADE, '--applicants', file, '--json'])).text);
    expect(json.warnings).toEqual([
      {
        line: 5,
        column: 1,
        field: 'uscc',
        code: 'APPLICANTS_CSV_USCC_CHECK_DIGIT',
        message: expect.any(String),
      },
    ]);
    expect(json.applicants.map((a: { uscc: string }) => a.uscc)).toContain(wrong);
    const compare = JSON.parse(
      (await run(['--program', SERVICE_TRADE, '--applicants', file, '--compare', TIERED, '--json'])).text,
    );
    expect(compare.warnings).toHaveLength(1);
  });

  test('usage on missing arguments', async () => {
    expect((await run(['--program', SERVICE_TRADE])).code).toBe(2);
    expect((await run(['--bogus'])).code).toBe(2);
  });
});
