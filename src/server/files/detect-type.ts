// What an uploaded file really is, judged by its bytes and never by its name: an applicant can call anything
// "invoice.pdf". Only the few bytes each check needs are read (the head, the tail, a ZIP's central directory),
// so a large upload is never held in memory. Every check is strict: a file that merely looks close is refused.
import { type FileHandle, open } from 'node:fs/promises';

export type DetectedType = 'pdf' | 'jpeg' | 'png' | 'ofd';

export const MEDIA_TYPES: Record<DetectedType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  ofd: 'application/ofd',
};

const PDF_START = Buffer.from('%PDF-', 'latin1');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IHDR = Buffer.from('IHDR', 'latin1');
/** IHDR's data is always 13 bytes; any other length is not a PNG a viewer will open. */
const PNG_IHDR_LENGTH = 13;
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff]);
const JPEG_END = Buffer.from([0xff, 0xd9]);
/** Some encoders pad a JPEG with zero bytes after its end marker; this much padding is tolerated. */
const JPEG_TAIL_BYTES = 64;
const ZIP_LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const HEAD_BYTES = 16;

/** Reads the file's content type, or null when it is none of the accepted ones. I/O errors (a missing file)
 *  still throw: they are the caller's fault, not the content's. */
export async function detectType(path: string): Promise<DetectedType | null> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = await readAt(file, 0, Math.min(HEAD_BYTES, size));
    if (startsWith(head, PDF_START)) return 'pdf';
    if (isPng(head)) return 'png';
    if (startsWith(head, JPEG_START)) return (await endsLikeJpeg(file, size)) ? 'jpeg' : null;
    if (startsWith(head, ZIP_LOCAL_HEADER))
      return (await zipHasRootEntry(file, size, 'OFD.xml')) ? 'ofd' : null;
    return null;
  } finally {
    await file.close();
  }
}

/** Reads exactly `length` bytes at `position`, or fewer only when the file ends first. */
async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await file.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}

/** The signature alone is eight easily copied bytes; a real PNG always follows it with its IHDR chunk. */
function isPng(head: Buffer): boolean {
  return (
    head.length >= 16 &&
    startsWith(head, PNG_SIGNATURE) &&
    head.readUInt32BE(8) === PNG_IHDR_LENGTH &&
    head.subarray(12, 16).equals(PNG_IHDR)
  );
}

/** A JPEG is complete only when its end-of-image marker closes it; the marker may not overlap the start. */
async function endsLikeJpeg(file: FileHandle, size: number): Promise<boolean> {
  const from = Math.max(JPEG_START.length, size - JPEG_TAIL_BYTES);
  const tail = await readAt(file, from, size - from);
  let end = tail.length;
  while (end > 0 && tail[end - 1] === 0x00) end -= 1;
  return end >= JPEG_END.length && tail.subarray(end - JPEG_END.length, end).equals(JPEG_END);
}

// ZIP layout (APPNOTE.TXT): the End Of Central Directory record closes the file, followed only by its comment
// of at most 65,535 bytes, and points at the central directory that lists every entry.
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_LENGTH = 22;
const EOCD_SEARCH_BYTES = EOCD_LENGTH + 0xffff;
const ENTRY_SIGNATURE = 0x02014b50;
const ENTRY_FIXED_LENGTH = 46;
/** Tens of thousands of entries; no real OFD comes near, and it bounds what a forged header can make us read. */
const MAX_CENTRAL_DIRECTORY_BYTES = 4 * 1024 * 1024;

interface CentralDirectory {
  offset: number;
  size: number;
  entries: number;
}

/** True when the ZIP's central directory is well formed and lists `name` at the root. A malformed or
 *  truncated archive answers false rather than throwing: it is a refused upload, not a server error. */
async function zipHasRootEntry(file: FileHandle, size: number, name: string): Promise<boolean> {
  const directory = await findCentralDirectory(file, size);
  if (!directory || directory.size > MAX_CENTRAL_DIRECTORY_BYTES) return false;
  const bytes = await readAt(file, directory.offset, directory.size);
  if (bytes.length !== directory.size) return false;
  const names = entryNames(bytes, directory.entries);
  return names?.includes(name) ?? false;
}

async function findCentralDirectory(file: FileHandle, size: number): Promise<CentralDirectory | null> {
  const from = Math.max(0, size - EOCD_SEARCH_BYTES);
  const tail = await readAt(file, from, size - from);
  // Search backwards, and only accept a record whose comment length reaches the end of the file exactly, so
  // the signature bytes appearing inside a comment or inside compressed data cannot be taken for the record.
  for (let at = tail.length - EOCD_LENGTH; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
    if (at + EOCD_LENGTH + tail.readUInt16LE(at + 20) !== tail.length) continue;
    return parseEndRecord(tail.subarray(at, at + EOCD_LENGTH), from + at);
  }
  return null;
}

function parseEndRecord(record: Buffer, recordOffset: number): CentralDirectory | null {
  const disk = record.readUInt16LE(4);
  const directoryDisk = record.readUInt16LE(6);
  const entriesOnDisk = record.readUInt16LE(8);
  const entries = record.readUInt16LE(10);
  const size = record.readUInt32LE(12);
  const offset = record.readUInt32LE(16);
  // Split archives and ZIP64 (0xFFFF / 0xFFFFFFFF placeholders) are beyond anything an upload limit allows.
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entries) return null;
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null;
  if (offset + size > recordOffset) return null;
  return { offset, size, entries };
}

/** The entry names in a central directory, or null unless it holds exactly `count` well-formed entries. */
function entryNames(bytes: Buffer, count: number): string[] | null {
  const names: string[] = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + ENTRY_FIXED_LENGTH > bytes.length || bytes.readUInt32LE(at) !== ENTRY_SIGNATURE) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const next =
      at + ENTRY_FIXED_LENGTH + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > bytes.length) return null;
    // Names are compared byte for byte, so the encoding (CP437 or UTF-8) does not matter for "OFD.xml".
    names.push(bytes.toString('latin1', at + ENTRY_FIXED_LENGTH, at + ENTRY_FIXED_LENGTH + nameLength));
    at = next;
  }
  return at === bytes.length ? names : null;
}
