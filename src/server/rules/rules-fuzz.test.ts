// No program file or applicants CSV, however broken, makes the rules routes answer 5xx: generated files start
// from the demo programs and CSV and are mutated (a value replaced by arbitrary JSON or hostile text, a key
// removed, rules nested deep), then sent to validate, import and simulate.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, buildUser, createTestApp, signedIn, type TestApp } from '../test-support';
import {
  buildProgramOfFile,
  DEMO_APPLICANTS_CSV,
  SERVICE_TRADE_PROGRAM,
  TIERED_PROGRAM,
} from './rules-test-support';

type Json = unknown;
type Path = (string | number)[];

/** Every path to a value inside a JSON document, the document itself included. */
function paths(value: Json, at: Path = []): Path[] {
  const children =
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, child]) =>
          paths(child, [...at, Array.isArray(value) ? Number(key) : key]),
        )
      : [];
  return [at, ...children];
}

const isObject = (value: Json): value is Record<string | number, Json> =>
  typeof value === 'object' && value !== null;

/**
 * A copy of `document` with the value at `path` replaced, or removed when `value` is undefined; unchanged
 * when an earlier mutation already took the path away.
 */
function replaced(document: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(document);
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = isObject(parent) ? parent[key] : undefined;
  if (!isObject(parent)) return document;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '"', '""', ',', '\r\n', '\uFEFF', '1e309', '-0', 'NaN'),
  fc.constantFrom('99999999999999.99', '999999999999999999999.99', '999999%', '0.0000000001', '-1', '0'),
);
const hostileValue = fc.oneof(
  hostileText,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(undefined, null, true, 1e308, -1, 2 ** 53, 0.1),
);

const PROGRAMS = [SERVICE_TRADE_PROGRAM, TIERED_PROGRAM];
const PROGRAM_PATHS = PROGRAMS.map((program) => paths(program));
const TEXT_PATHS = PROGRAMS.map((program) =>
  paths(program).filter((path) => typeof at(program, path) === 'string'),
);

function at(document: Json, path: Path): Json {
  return path.reduce<Json>((value, key) => (isObject(value) ? value[key] : undefined), document);
}

const mutatedProgram = fc
  .tuple(
    fc.nat({ max: PROGRAMS.length - 1 }),
    fc.array(fc.tuple(fc.nat(), hostileValue), { minLength: 1, maxLength: 3 }),
    fc.nat({ max: 60 }),
    fc.option(fc.nat()),
  )
  .map(([which, mutations, depth, nulAt]) => {
    let program: Json = PROGRAMS[which];
    // Most of the time a single text gets a NUL character: the file stays valid otherwise and reaches the DB.
    const texts = TEXT_PATHS[which] ?? [];
    const textPath = nulAt === null ? undefined : texts[nulAt % texts.length];
    if (textPath) return replaced(program, textPath, `${at(program, textPath)}\u0000`);
    const all = PROGRAM_PATHS[which] ?? [];
    for (const [pick, value] of mutations) program = replaced(program, all[pick % all.length] ?? [], value);
    // Sometimes the first clause's rule is wrapped many levels deep, around the depth limit.
    const clauses = isObject(program) ? program.clauses : undefined;
    const first = Array.isArray(clauses) ? clauses[0] : undefined;
    if (depth > 20 && isObject(first)) {
      let rule = first.eligibility;
      for (let i = 0; i < depth; i++)
        rule = { op: depth % 2 ? 'not' : 'all', ...(depth % 2 ? { rule } : { rules: [rule] }) };
      first.eligibility = rule;
    }
    return program;
  });

const CSV_LINES = DEMO_APPLICANTS_CSV.trimEnd().split('\n');
const mutatedCsv = fc
  .array(fc.tuple(fc.nat({ max: CSV_LINES.length - 1 }), fc.nat({ max: 16 }), hostileText), { maxLength: 4 })
  .map((edits) => {
    const lines = CSV_LINES.map((line) => line.split(','));
    for (const [row, column, text] of edits) {
      const fields = lines[row];
      if (fields) fields[column] = text;
    }
    return lines.map((fields) => fields.join(',')).join('\n');
  });

describe('rules routes under generated input', () => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    for (const program of PROGRAMS) await buildProgramOfFile(t.db, program);
    admin = await signedIn(t, await buildUser(t, 'admin'), 'en-US');
  });
  afterAll(() => t?.close());

  const status = async (url: string, payload: Record<string, Json>) => {
    const response = await admin.request({ method: 'POST', url, payload });
    if (response.statusCode >= 500)
      throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
    return response.statusCode;
  };

  it('validate and import answer below 500 for any mutated program file', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedProgram, async (program) => {
        expect(await status('/api/program-files/validate', { program })).toBe(200);
        await status('/api/programs/import', { program });
      }),
      { numRuns: 150 },
    );
  });

  it('simulate answers below 500 for any mutated program file and applicants CSV', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedProgram, mutatedCsv, async (program, applicantsCsv) => {
        await status('/api/simulations', { program, applicantsCsv });
      }),
      { numRuns: 150 },
    );
  });
});
