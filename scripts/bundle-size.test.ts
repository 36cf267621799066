import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialFiles, type Manifest, measureBundles } from './bundle-size';

const manifest: Manifest = {
  'index.html': {
    file: 'assets/portal.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_react.js', '_i18n.js'],
  },
  'app.html': {
    file: 'assets/workspace.js',
    src: 'app.html',
    isEntry: true,
    imports: ['_react.js', '_antd.js'],
    dynamicImports: ['pages/chart.tsx'],
  },
  '_react.js': { file: 'assets/react.js' },
  '_i18n.js': { file: 'assets/i18n.js', imports: ['_react.js'] },
  '_antd.js': { file: 'assets/antd.js', imports: ['_style.css'] },
  '_style.css': { file: 'assets/style.css' },
  'pages/chart.tsx': { file: 'assets/chart.js', isEntry: false, imports: ['_antd.js'] },
};

const contents: Record<string, string> = {
  'assets/portal.js': 'portal();'.repeat(50),
  'assets/workspace.js': 'workspace();'.repeat(80),
  'assets/react.js': 'react'.repeat(400),
  'assets/i18n.js': '{"k":"v"}',
  'assets/antd.js': 'antd-component-'.repeat(300),
  'assets/style.css': 'body{}',
  'assets/chart.js': Array.from({ length: 2000 }, (_, i) => `c${i}`).join(';'),
};
const gz = (file: string) => gzipSync(contents[file] ?? '', { level: 9 }).length;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bundle-size-'));
  await mkdir(join(dir, 'assets'));
  await mkdir(join(dir, '.vite'));
  await writeFile(join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  for (const [file, text] of Object.entries(contents)) await writeFile(join(dir, file), text);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('initialFiles', () => {
  it('follows static imports once each and skips CSS and dynamic imports', () => {
    expect(initialFiles(manifest, 'index.html')).toEqual([
      'assets/portal.js',
      'assets/react.js',
      'assets/i18n.js',
    ]);
    expect(initialFiles(manifest, 'app.html')).toEqual([
      'assets/workspace.js',
      'assets/react.js',
      'assets/antd.js',
    ]);
  });

  it('refuses a manifest that lacks a chunk it names', () => {
    expect(() => initialFiles({ 'a.html': { file: 'a.js', imports: ['_gone.js'] } }, 'a.html')).toThrow(
      /_gone/,
    );
  });
});

describe('measureBundles', () => {
  it('sums the gzipped size of each entry’s initial JS', async () => {
    const sizes = await measureBundles(dir);
    expect(sizes.portal).toBe(gz('assets/portal.js') + gz('assets/react.js') + gz('assets/i18n.js'));
    expect(sizes.workspace).toBe(gz('assets/workspace.js') + gz('assets/react.js') + gz('assets/antd.js'));
  });
});
