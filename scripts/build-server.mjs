#!/usr/bin/env node
// Compiles the server and the CLI to JavaScript in dist/server: one ESM bundle of our own code per entry point
// (the `huiqi` command and the simulation worker thread), npm packages left to node_modules, the SQL
// migrations copied beside the bundle where the migration runner looks for them. Production runs this build
// (bin/huiqi.mjs with NODE_ENV=production); development runs the TypeScript source through tsx.
//   node scripts/build-server.mjs [--outdir DIR]
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const flag = process.argv.indexOf('--outdir');
const outdir = resolve(root, flag > 0 ? process.argv[flag + 1] : 'dist/server');

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    huiqi: 'src/cli/main.ts',
    'simulation-worker': 'src/server/rules/simulation-worker.ts',
  },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
cpSync(join(root, 'src/db/migrations'), join(outdir, 'migrations'), { recursive: true });
