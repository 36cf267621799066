import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { PRECOMPRESS_THRESHOLD_BYTES, precompress } from './precompress';

describe('precompressing the built web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huiqi-precompress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes brotli and gzip copies of large text files that decompress to the original', async () => {
    mkdirSync(join(dir, 'assets'));
    const script = 'console.log("惠企");\n'.repeat(200);
    writeFileSync(join(dir, 'assets', 'main-abc.js'), script);
    writeFileSync(join(dir, 'index.html'), `<p>${'x'.repeat(PRECOMPRESS_THRESHOLD_BYTES)}</p>`);
    writeFileSync(join(dir, 'small.css'), 'a{}');
    writeFileSync(join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 1));

    const done = await precompress(dir);

    expect(done).toEqual([join(dir, 'assets', 'main-abc.js'), join(dir, 'index.html')]);
    const br = readFileSync(join(dir, 'assets', 'main-abc.js.br'));
    const gz = readFileSync(join(dir, 'assets', 'main-abc.js.gz'));
    expect(brotliDecompressSync(br).toString()).toBe(script);
    expect(gunzipSync(gz).toString()).toBe(script);
    expect(br.length).toBeLessThan(script.length / 10);
    expect(existsSync(join(dir, 'small.css.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'logo.png.gz'))).toBe(false);
  });
});
