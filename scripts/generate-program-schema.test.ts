import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseProgramFile } from '../src/shared/program-file';
import { PROGRAM_SCHEMA_PATH, programSchemaText } from './generate-program-schema';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('program definition files', () => {
  test('the committed JSON Schema is exactly the one generated from the zod schema', () => {
    expect(readFileSync(PROGRAM_SCHEMA_PATH, 'utf8')).toBe(programSchemaText());
  });

  test.each(['tianhe-2023-service-trade.json', 'tianhe-2023-tiered.json'])(
    'the example %s is valid',
    (file) => {
      const result = parseProgramFile(JSON.parse(read(`../programs/${file}`)));
      expect(result.ok ? [] : result.errors).toEqual([]);
    },
  );

  test('the schema describes the examples: required keys and the recursive eligibility rule', () => {
    const schema = JSON.parse(programSchemaText());
    expect(schema.required).toContain('clauses');
    expect(Object.keys(schema.$defs)).toContain('EligibilityRule');
    const example = JSON.parse(read('../programs/tianhe-2023-service-trade.json'));
    for (const key of Object.keys(example)) expect(Object.keys(schema.properties)).toContain(key);
  });
});
