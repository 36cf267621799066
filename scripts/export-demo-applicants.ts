// Writes programs/tianhe-2023-applicants.csv from the demo data, so the simulation example runs on exactly
// the enterprises the demo database holds. Run: node bin/run-ts.mjs scripts/export-demo-applicants.ts
import { writeFile } from 'node:fs/promises';
import { demoApplicantsCsv } from '../src/db/demo/data';

await writeFile(
  new URL('../programs/tianhe-2023-applicants.csv', import.meta.url),
  demoApplicantsCsv(),
  'utf8',
);
process.stdout.write('wrote programs/tianhe-2023-applicants.csv\n');
