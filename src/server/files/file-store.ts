// Where uploaded documents live. The use cases only see FileStore, so an object store can replace the local
// folder later without touching them. Files are content-addressed by SHA-256: the same bytes uploaded twice
// (by two applicants, or twice by one) are one file, and a stored file can never change under its name.
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type DetectedType, detectType } from './detect-type';

export interface StoredFile {
  sha256: string;
  size: number;
  type: DetectedType;
}

export type PutResult =
  | { ok: true; file: StoredFile }
  | { ok: false; reason: 'empty' | 'too_large' | 'type_refused' };

export interface FileStore {
  /** Streams the body to storage, hashing as it goes; never holds it whole in memory. Stops reading and
   *  discards as soon as more than maxBytes arrive. Stores content-addressed: the same bytes twice are one file. */
  put(
    body: NodeJS.ReadableStream | AsyncIterable<Uint8Array>,
    limits: { maxBytes: number },
  ): Promise<PutResult>;
  /** A read stream of a stored file, or null when absent. sha256 must be 64 lowercase hex chars, else null (never a path from user input). */
  open(sha256: string): Promise<NodeJS.ReadableStream | null>;
  has(sha256: string): Promise<boolean>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const DIR_MODE = 0o700;
const TEMP_FILE_MODE = 0o600;
const STORED_FILE_MODE = 0o400;

/** A FileStore in a local folder: `root/ab/cd/<sha256>`, with uploads in progress under `root/tmp`. */
export function localFileStore(root: string): FileStore {
  const tempDir = join(root, 'tmp');
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  return {
    async put(body, limits) {
      await mkdir(tempDir, { recursive: true, mode: DIR_MODE });
      const temp = join(tempDir, randomBytes(16).toString('hex'));
      // Every path out of here, refusals and thrown I/O errors alike, leaves no temp file behind; after a
      // successful move the temp name no longer exists and removing it is a no-op.
      try {
        const written = await writeMeasured(body, temp, limits.maxBytes);
        if (!written) return { ok: false, reason: 'too_large' };
        if (written.size === 0) return { ok: false, reason: 'empty' };
        const type = await detectType(temp);
        if (!type) return { ok: false, reason: 'type_refused' };
        await moveIntoPlace(temp, pathOf(written.sha256));
        return { ok: true, file: { sha256: written.sha256, size: written.size, type } };
      } finally {
        await rm(temp, { force: true });
      }
    },

    async open(sha256) {
      if (!SHA256_HEX.test(sha256)) return null;
      try {
        const handle = await open(pathOf(sha256), 'r');
        return handle.createReadStream();
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async has(sha256) {
      return SHA256_HEX.test(sha256) && exists(pathOf(sha256));
    },
  };
}

class TooLarge extends Error {}

/** Writes the body to `temp` while hashing and counting it; null as soon as it exceeds maxBytes. */
async function writeMeasured(
  body: NodeJS.ReadableStream | AsyncIterable<Uint8Array>,
  temp: string,
  maxBytes: number,
): Promise<{ sha256: string; size: number } | null> {
  const hash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new TooLarge());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // The file is created before any byte flows (exclusively, never following an existing name) and closed
  // before returning, so the caller's cleanup always finds it and never races a late open.
  const file = await open(temp, 'wx', TEMP_FILE_MODE);
  try {
    // On TooLarge, pipeline destroys the body too: an HTTP request stops being read instead of stalling with
    // unread bytes, and an async generator is returned so its own cleanup runs.
    await pipeline(body, measure, async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) await file.write(chunk);
    });
  } catch (error) {
    if (error instanceof TooLarge) return null;
    throw error;
  } finally {
    await file.close();
  }
  return { sha256: hash.digest('hex'), size };
}

/** Moves a complete temp file to its content address, read-only. When the address is already taken the
 *  existing file holds the same bytes, so it is kept and the temp file is left for the caller to remove. */
async function moveIntoPlace(temp: string, target: string): Promise<void> {
  if (await exists(target)) return;
  await chmod(temp, STORED_FILE_MODE);
  await mkdir(dirname(target), { recursive: true, mode: DIR_MODE });
  try {
    // Two puts of the same bytes can both get here; on POSIX the second rename replaces the first with
    // identical bytes, which no reader can tell apart.
    await rename(temp, target);
  } catch (error) {
    // Windows refuses to rename over an existing file; a concurrent put having won is success all the same.
    if (await exists(target)) return;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}
