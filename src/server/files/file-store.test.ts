// The local file store on a real folder: a stored upload reads back byte for byte under its SHA-256, the same
// bytes are stored once however many times (or how concurrently) they arrive, and every refusal (empty, too
// large, not an accepted type) leaves nothing behind, neither in place nor half-written in the temp folder.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FileStore, localFileStore } from './file-store';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const LIMITS = { maxBytes: 1024 * 1024 };

let root: string;
let store: FileStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'huiqi-files-'));
  store = localFileStore(root);
});
afterEach(() => rm(root, { recursive: true, force: true }));

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file under the root, as paths relative to it. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** `total` bytes of a PDF: its header, then filler, in chunks of `chunkSize`. */
async function* pdfInChunks(total: number, chunkSize: number): AsyncGenerator<Uint8Array> {
  yield PDF;
  for (let sent = PDF.length; sent < total; sent += chunkSize) {
    yield new Uint8Array(Math.min(chunkSize, total - sent)).fill(0x20);
  }
}

describe('the local file store', () => {
  it('stores a PDF under its SHA-256 and streams the same bytes back', async () => {
    const result = await store.put(Readable.from([PDF]), LIMITS);

    const hash = sha256(PDF);
    expect(result).toEqual({ ok: true, file: { sha256: hash, size: PDF.length, type: 'pdf' } });
    expect(await store.has(hash)).toBe(true);
    const stream = await store.open(hash);
    expect(stream).not.toBeNull();
    if (stream) expect(await readAll(stream)).toEqual(PDF);
    expect(await filesOnDisk()).toEqual([join(hash.slice(0, 2), hash.slice(2, 4), hash)]);
    expect((await stat(join(root, hash.slice(0, 2), hash.slice(2, 4), hash))).mode & 0o777).toBe(0o400);
  });

  it('stores the same bytes once', async () => {
    const first = await store.put(Readable.from([PDF]), LIMITS);
    const second = await store.put(Readable.from([PDF.subarray(0, 10), PDF.subarray(10)]), LIMITS);

    expect(second).toEqual(first);
    expect(await filesOnDisk()).toHaveLength(1);
  });

  it('stores ten concurrent uploads of the same bytes as one file, all of them ok', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.put(Readable.from([PDF]), LIMITS)),
    );

    expect(results.every((result) => result.ok && result.file.sha256 === sha256(PDF))).toBe(true);
    expect(await filesOnDisk()).toHaveLength(1);
  });

  it('refuses an empty body', async () => {
    expect(await store.put(Readable.from([]), LIMITS)).toEqual({ ok: false, reason: 'empty' });
    expect(await filesOnDisk()).toEqual([]);
  });

  it('refuses one byte over the limit and leaves nothing behind', async () => {
    const body = Readable.from(pdfInChunks(LIMITS.maxBytes + 1, 64 * 1024));

    expect(await store.put(body, LIMITS)).toEqual({ ok: false, reason: 'too_large' });
    expect(await filesOnDisk()).toEqual([]);
    // The source is destroyed, not left paused with unread bytes (an HTTP request would stall).
    expect(body.destroyed).toBe(true);
  });

  it('accepts exactly the limit', async () => {
    const result = await store.put(pdfInChunks(LIMITS.maxBytes, 64 * 1024), LIMITS);
    expect(result.ok && result.file.size).toBe(LIMITS.maxBytes);
  });

  it('stops reading an endless body as soon as it passes the limit', async () => {
    let sent = 0;
    let finished = false;
    async function* endless(): AsyncGenerator<Uint8Array> {
      try {
        yield PDF;
        for (;;) {
          sent += 4096;
          yield new Uint8Array(4096);
        }
      } finally {
        finished = true;
      }
    }

    expect(await store.put(endless(), LIMITS)).toEqual({ ok: false, reason: 'too_large' });
    expect(finished).toBe(true);
    expect(sent).toBeLessThan(LIMITS.maxBytes + 64 * 1024);
    expect(await filesOnDisk()).toEqual([]);
  });

  it('refuses a text file posing as a PDF and leaves nothing behind', async () => {
    const lie = Buffer.from('This is not a PDF, whatever its name says.\n');
    expect(await store.put(Readable.from([lie]), LIMITS)).toEqual({ ok: false, reason: 'type_refused' });
    expect(await store.has(sha256(lie))).toBe(false);
    expect(await filesOnDisk()).toEqual([]);
  });

  it('streams a 5 MiB body sent in many small chunks', async () => {
    const total = 5 * 1024 * 1024;
    const expected = createHash('sha256');
    for await (const chunk of pdfInChunks(total, 4096)) expected.update(chunk);

    const result = await store.put(pdfInChunks(total, 4096), { maxBytes: 8 * 1024 * 1024 });

    expect(result).toEqual({ ok: true, file: { sha256: expected.digest('hex'), size: total, type: 'pdf' } });
  });

  it('answers null for an absent file and for anything that is not a SHA-256', async () => {
    await store.put(Readable.from([PDF]), LIMITS);
    const hash = sha256(PDF);

    expect(await store.open(sha256(Buffer.from('absent')))).toBeNull();
    expect(await store.has(sha256(Buffer.from('absent')))).toBe(false);
    for (const id of [hash.toUpperCase(), `${hash}0`, hash.slice(1), '../../etc/passwd', `../${hash}`, '']) {
      expect(await store.open(id)).toBeNull();
      expect(await store.has(id)).toBe(false);
    }
  });
});
