// The folder of the project (where package.json, programs/ and dist/ are), found from this module's own
// location so it is the same from TypeScript source (src/…) and from the compiled bundle (dist/server/…).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'huiqi'
    ) {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no Huiqi package.json above ${from}`);
  }
}

export const PROJECT_ROOT: string = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project. */
export const projectPath = (...parts: string[]): string => join(PROJECT_ROOT, ...parts);
