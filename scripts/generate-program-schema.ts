// Writes src/shared/program-file.schema.json from the zod schema the code validates with, so the published
// JSON Schema can never drift from the validator. Run: node bin/run-ts.mjs scripts/generate-program-schema.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { programFileSchema } from '../src/shared/program-file';

export const PROGRAM_SCHEMA_PATH = fileURLToPath(
  new URL('../src/shared/program-file.schema.json', import.meta.url),
);

/** The JSON Schema text exactly as committed: draft 2020-12, two-space indent, trailing newline. */
export function programSchemaText(): string {
  const schema = z.toJSONSchema(programFileSchema, { target: 'draft-2020-12', io: 'input' });
  const document = {
    ...schema,
    $id: 'https://huiqi.example/schemas/program-file.schema.json',
    title: 'Huiqi program definition file',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(PROGRAM_SCHEMA_PATH, programSchemaText());
  console.log(`wrote ${PROGRAM_SCHEMA_PATH}`);
}
