// Gzipped JavaScript each web entry loads before it can render: the entry chunk and everything it imports
// statically, read from Vite's build manifest. Dynamic imports (lazy pages, the chart) are not counted —
// they are what keeps the first load small. Run after `vite build`; exits non-zero past the portal budget.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The portal's first load must stay under this many gzipped bytes. */
export const PORTAL_BUDGET_BYTES = 200 * 1024;

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The JS files an entry loads initially: itself and its static imports, transitively, each once. */
export function initialFiles(manifest: Manifest, entryKey: string): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    if (chunk.file.endsWith('.js')) files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryKey);
  return files;
}

function entryKey(manifest: Manifest, html: string): string {
  const key = Object.keys(manifest).find(
    (k) => manifest[k]?.isEntry && (k === html || k.endsWith(`/${html}`)),
  );
  if (!key) throw new Error(`no entry for ${html} in the manifest; was the build run with manifest: true?`);
  return key;
}

async function gzippedSize(dir: string, files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) total += gzipSync(await readFile(join(dir, file)), { level: 9 }).length;
  return total;
}

/** Gzipped bytes of the initial JS of the portal (index.html) and the workspace (app.html). */
export async function measureBundles(dir = 'dist/web'): Promise<{ portal: number; workspace: number }> {
  const manifest = JSON.parse(await readFile(join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  return {
    portal: await gzippedSize(dir, initialFiles(manifest, entryKey(manifest, 'index.html'))),
    workspace: await gzippedSize(dir, initialFiles(manifest, entryKey(manifest, 'app.html'))),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = await measureBundles(process.argv[2]);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`portal    ${kb(sizes.portal)} gzipped JS (budget ${kb(PORTAL_BUDGET_BYTES)})`);
  console.log(`workspace ${kb(sizes.workspace)} gzipped JS`);
  if (sizes.portal >= PORTAL_BUDGET_BYTES) process.exitCode = 1;
}
