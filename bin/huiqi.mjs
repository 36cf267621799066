#!/usr/bin/env node
// The `huiqi` command. In production it runs the compiled JavaScript of `npm run build` (dist/server); in
// development and tests it runs the TypeScript source through tsx's loader, so a change needs no rebuild.
import { existsSync, readFileSync } from 'node:fs';

const missingBuild = () =>
  ['zh-CN', 'en-US']
    .map((locale) => {
      const file = new URL(`../src/shared/locales/${locale}/cli.json`, import.meta.url);
      return JSON.parse(readFileSync(file, 'utf8')).errors.COMPILED_BUILD_MISSING;
    })
    .join('\n');

const compiled = new URL('../dist/server/huiqi.js', import.meta.url);
if (process.env.NODE_ENV === 'production' || process.env.HUIQI_COMPILED === '1') {
  if (!existsSync(compiled)) {
    process.stderr.write(`${missingBuild()}\n`);
    process.exit(1);
  }
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
