import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeUscc } from '../uscc/uscc';
import { APPLICANT_COLUMNS, createApplicantsCsvParser, parseApplicantsCsv } from './applicants-csv';
import type { ApplicantFacts } from './facts';

const HEADER = APPLICANT_COLUMNS.join(',');
const A = makeUscc('91440106MA0000001');
const B = makeUscc('91440106MA0000002');
const row = (uscc: string, name = '广州云帆软件科技有限公司', trade = '1500000.00') =>
  `${uscc},${name},天河区,small,true,false,2022,${trade},900000.00,600000.00,800000.00,300000.00,1200000.00,700000.00,`;

describe('applicants CSV', () => {
  test('reads a file with BOM and CRLF; year is the statistics year, prev_* the year before', () => {
    const result = parseApplicantsCsv(
      `\uFEFF${HEADER}\r\n${row(A)}\r\n${row(B, '广州海澄供应链管理有限公司')}\r\n`,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first] = result.applicants;
    expect(first?.uscc).toBe(A);
    expect(first?.registry.get(2022)?.service_trade_usd).toBe(150_000_000n);
    expect(first?.registry.get(2021)?.service_trade_usd).toBe(120_000_000n);
    // A blank amount means no data, never zero.
    expect(first?.registry.get(2021)?.offshore_exec_usd).toBeUndefined();
    expect(result.applicants).toHaveLength(2);
  });

  test('quoted fields may hold commas, quotes and line breaks', () => {
    const result = parseApplicantsCsv(`${HEADER}\n${row(A, '"广州""云帆""软件,科技\n有限公司"')}\n${row(B)}`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.applicants[0]?.name).toBe('广州"云帆"软件,科技\n有限公司');
  });

  test('every bad row is reported with its line and column, and nothing is returned', () => {
    const bad = [
      HEADER,
      row(A),
      row('NOT-A-CODE'),
      row(B, '', '12e3'),
      row(A),
      'too,few,fields',
      `${makeUscc('91440106MA0000003')},名称,天河区,huge,yes,false,22,1.001,,,,,,,`,
    ].join('\n');
    const result = parseApplicantsCsv(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 1, 'invalid_uscc'],
      [4, 2, 'required'],
      [4, 8, 'invalid_amount'],
      [5, 1, 'duplicate_uscc'],
      [6, 0, 'wrong_field_count'],
      [7, 4, 'invalid_size_class'],
      [7, 5, 'invalid_boolean'],
      [7, 7, 'invalid_year'],
      [7, 8, 'invalid_amount'],
    ]);
  });

  test('header problems: missing, unknown and duplicate columns', () => {
    const result = parseApplicantsCsv('uscc,name,name,colour\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const codes = result.errors.map((e) => e.code);
    expect(codes).toContain('duplicate_column');
    expect(codes).toContain('unknown_column');
    expect(codes.filter((c) => c === 'missing_column')).toHaveLength(APPLICANT_COLUMNS.length - 2);
    expect(parseApplicantsCsv('').ok).toBe(false);
    expect(parseApplicantsCsv(`${HEADER}\n"unterminated`).ok).toBe(false);
  });

  test('an unclosed quote is reported on the line where its record starts, in the column its field starts', () => {
    const result = parseApplicantsCsv(`${HEADER}\n${row(A)}\n${row(B, '"广州\n\n')}\n${'\n'.repeat(1000)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ line: 3, column: 2, code: 'unterminated_quote' }]);
    const first = parseApplicantsCsv(`${HEADER}\n"${row(A)}`);
    if (!first.ok) expect(first.errors).toEqual([{ line: 2, column: 1, code: 'unterminated_quote' }]);
  });

  test('a misplaced quote is reported with its line and column, and reading stops there', () => {
    const result = parseApplicantsCsv(`${HEADER}\n${row(A)}\n${row(B, '广州"云帆"')}\n${row('bad')}\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ line: 3, column: 2, code: 'bad_quote' }]);
  });

  test('a USCC whose check character fails is kept and reported as a warning', () => {
    const wrong = `${A.slice(0, 17)}${A.endsWith('0') ? '1' : '0'}`;
    const result = parseApplicantsCsv(`${HEADER}\n${row(B)}\n${row(wrong)}\n`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.applicants.map((a) => a.uscc)).toEqual([B, wrong]);
    expect(result.warnings).toEqual([{ line: 3, column: 1, field: 'uscc', code: 'uscc_check_digit' }]);
  });

  test('quoted fields spanning lines keep later line numbers right, whatever the chunking', () => {
    const text = `${HEADER}\r\n${row(A, '"多\r\n行"')}\r\n\r\n${row(B, '', '1')}\r\n`;
    for (const size of [1, 7, text.length]) {
      const parser = createApplicantsCsvParser(() => undefined);
      for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
      expect(parser.end()).toEqual([{ line: 5, column: 2, field: 'name', code: 'required' }]);
    }
  });

  test('chunks split anywhere give the same rows as the whole text', () => {
    const text = `\uFEFF${HEADER}\r\n${row(A, '"名称,含逗号"')}\r\n${row(B)}\r\n`;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 8 }), (cuts) => {
        const points = [...new Set([0, ...cuts, text.length])].sort((x, y) => x - y);
        const rows: ApplicantFacts[] = [];
        const parser = createApplicantsCsvParser((facts) => rows.push(facts));
        for (let i = 1; i < points.length; i++) parser.push(text.slice(points[i - 1], points[i]));
        expect(parser.end()).toEqual([]);
        expect(rows.map((r) => [r.uscc, r.name])).toEqual([
          [A, '名称,含逗号'],
          [B, '广州云帆软件科技有限公司'],
        ]);
      }),
    );
  });

  test('lines without quotes (split at commas) and records with quotes (csv-parse) read alike, lines counted', () => {
    const names = ['广州云帆', '"广州,云帆"', '"广州""云帆"""', '"广州\n云帆"', ' 广州 云帆 '];
    const read = (name: string) =>
      name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name.trim();
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.constantFrom(...names), blank: fc.boolean() }), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        (rows, eol) => {
          let text = `${HEADER}${eol}`;
          let line = 2;
          rows.forEach((r, i) => {
            text += `${row(makeUscc(`91440106MA${String(i).padStart(7, '0')}`), r.name)}${eol}`;
            line += 1 + (r.name.includes('\n') ? 1 : 0);
            if (r.blank) {
              text += eol;
              line += 1;
            }
          });
          text += `${row(makeUscc('91440106MB0000001'), '')}${eol}`;
          const result = parseApplicantsCsv(text);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.errors).toEqual([{ line, column: 2, field: 'name', code: 'required' }]);
          const seen: string[] = [];
          const parser = createApplicantsCsvParser((facts) => seen.push(facts.name));
          parser.push(text);
          parser.end();
          expect(seen).toEqual(rows.map((r) => read(r.name)));
        },
      ),
    );
  });
});
