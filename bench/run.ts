// `npm run bench`: every benchmark in one run, written to docs/benchmarks.md. Targets are ratios against a
// reference measured in the same run, because the machines are shared and noisy.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { measureBundles } from '../scripts/bundle-size';
import { benchStaffList, benchSubmission } from './applications.bench';
import { type BenchSection, benchReadThroughput, benchStartup } from './http.bench';
import { benchSimulate } from './simulate.bench';

const only = new Set(process.argv.slice(2));
// The commands are measured as production runs them: the compiled build (bin/huiqi.mjs with HUIQI_COMPILED=1),
// not the TypeScript source through tsx's loader.
execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
process.env.HUIQI_COMPILED = '1';
const want = (name: string) => only.size === 0 || only.has(name);
const sections: BenchSection[] = [];

async function section(name: string, run: () => Promise<BenchSection>) {
  if (!want(name)) return;
  console.log(`bench: ${name} …`);
  const result = await run();
  console.log([`## ${result.title}`, ...result.lines].join('\n'));
  sections.push(result);
}

await section('bundles', async () => {
  execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  const sizes = await measureBundles();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  return {
    title: 'Gzipped JavaScript of a first load (target: portal < 200 kB)',
    lines: [
      '| bundle | gzipped JS |',
      '| --- | --- |',
      `| public portal (\`/\`) | ${kb(sizes.portal)} |`,
      `| workspace (\`/app/\`) | ${kb(sizes.workspace)} |`,
    ],
  };
});
await section('startup', benchStartup);
await section('http', () => benchReadThroughput());
await section('submit', () => benchSubmission());
await section('list', benchStaffList);
await section('simulate', async () => {
  const result = await benchSimulate();
  return { title: result.title, lines: result.lines };
});

if (only.size === 0) {
  const doc = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (a subset: `npm run bench -- bundles startup http submit list simulate`). Figures are from one',
    `run on a ${cpus().length}-core machine with ${(totalmem() / 2 ** 30).toFixed(0)} GiB of memory, ` +
      `${new Date().toISOString().slice(0, 10)}; the targets are ratios against a reference measured in the same run.`,
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', ...s.lines, '']),
  ].join('\n');
  writeFileSync('docs/benchmarks.md', doc);
  console.log('wrote docs/benchmarks.md');
}
