// Content type detection on real files: each accepted type from genuine bytes, and the near misses a careless
// check would let through (a signature one byte late, a PNG signature with nothing after it, a ZIP that is
// a Word document, a truncated archive) all refused without throwing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectType, MEDIA_TYPES } from './detect-type';

/** A one-page PDF with a correct cross-reference table. */
const PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj',
    '<< /Type /Catalog /Pages 2 0 R >>',
    'endobj',
    '2 0 obj',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    'endobj',
    '3 0 obj',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>',
    'endobj',
    'xref',
    '0 4',
    '0000000000 65535 f ',
    '0000000009 00000 n ',
    '0000000058 00000 n ',
    '0000000115 00000 n ',
    'trailer',
    '<< /Size 4 /Root 1 0 R >>',
    'startxref',
    '184',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
);
/** A 1×1 RGBA PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** A 1×1 greyscale baseline JFIF JPEG. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB' +
    'AQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AP//Z',
  'base64',
);

/** A ZIP archive with uncompressed ("stored") entries, laid out as APPNOTE.TXT describes. */
function zip(entries: Record<string, string>, comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const commentBytes = Buffer.from(comment, 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(commentBytes.length, 20);
  return Buffer.concat([...locals, directory, end, commentBytes]);
}

const OFD_ENTRIES = {
  'OFD.xml':
    '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"/>',
  'Doc_0/Document.xml':
    '<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>',
};
const OFD = zip(OFD_ENTRIES);

let dir: string;
let fileCount = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'huiqi-detect-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function detect(bytes: Buffer, name = `file-${fileCount}`): Promise<string | null> {
  fileCount += 1;
  const path = join(dir, `${fileCount}-${name}`);
  await writeFile(path, bytes);
  return detectType(path);
}

describe('detecting a file type by its content', () => {
  it('recognises each accepted type from real bytes', async () => {
    expect(await detect(PDF)).toBe('pdf');
    expect(await detect(PNG)).toBe('png');
    expect(await detect(JPEG)).toBe('jpeg');
    expect(await detect(OFD)).toBe('ofd');
    expect(MEDIA_TYPES).toEqual({
      pdf: 'application/pdf',
      jpeg: 'image/jpeg',
      png: 'image/png',
      ofd: 'application/ofd',
    });
  });

  it('goes by the bytes, never the name', async () => {
    expect(await detect(PNG, 'scan.pdf')).toBe('png');
    expect(await detect(Buffer.from('Total: 1,000,000 yuan\n'), 'x.pdf')).toBeNull();
    expect(
      await detect(Buffer.from('<!DOCTYPE html><html><body>invoice</body></html>'), 'invoice.pdf'),
    ).toBeNull();
    expect(await detect(Buffer.alloc(0), 'empty.pdf')).toBeNull();
  });

  it('refuses an executable', async () => {
    const exe = Buffer.alloc(128);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(64, 0x3c);
    exe.write('PE\0\0', 64, 'latin1');
    expect(await detect(exe, 'setup.exe')).toBeNull();
  });

  it('requires the PDF signature at the very first byte', async () => {
    expect(await detect(Buffer.concat([Buffer.from(' '), PDF]))).toBeNull();
    expect(await detect(Buffer.from('%PDF'))).toBeNull();
  });

  it('requires a PNG signature to be followed by its IHDR chunk', async () => {
    expect(await detect(PNG.subarray(0, 8))).toBeNull();
    expect(
      await detect(Buffer.concat([PNG.subarray(0, 12), Buffer.from('IDAT'), PNG.subarray(16)])),
    ).toBeNull();
  });

  it('requires a JPEG to end with its end-of-image marker, tolerating zero padding', async () => {
    expect(await detect(Buffer.concat([JPEG, Buffer.alloc(4)]))).toBe('jpeg');
    expect(await detect(JPEG.subarray(0, JPEG.length - 2))).toBeNull();
    expect(await detect(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
  });

  it('reads an OFD through the ZIP central directory, past an archive comment', async () => {
    expect(await detect(zip(OFD_ENTRIES, 'signed by the tax bureau'))).toBe('ofd');
    expect(await detect(zip({ 'Doc_0/Document.xml': '<x/>', 'OFD.xml': '<x/>' }))).toBe('ofd');
  });

  it('refuses a ZIP that is not an OFD', async () => {
    const docx = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect(await detect(docx, 'report.ofd')).toBeNull();
    expect(await detect(zip({ 'Doc_0/OFD.xml': '<x/>' }))).toBeNull();
    expect(await detect(zip({ 'ofd.xml': '<x/>' }))).toBeNull();
    expect(await detect(zip({}))).toBeNull();
  });

  it('refuses a truncated or malformed ZIP without throwing', async () => {
    expect(await detect(OFD.subarray(0, OFD.length - 1))).toBeNull();
    expect(await detect(OFD.subarray(0, Math.floor(OFD.length / 2)))).toBeNull();
    expect(await detect(OFD.subarray(0, 4))).toBeNull();

    const end = OFD.length - 22;
    const moreEntries = Buffer.from(OFD);
    moreEntries.writeUInt16LE(3, end + 8);
    moreEntries.writeUInt16LE(3, end + 10);
    expect(await detect(moreEntries)).toBeNull();

    const directoryPastEnd = Buffer.from(OFD);
    directoryPastEnd.writeUInt32LE(0xfffffff0, end + 16);
    expect(await detect(directoryPastEnd)).toBeNull();

    const nameOverruns = Buffer.from(OFD);
    nameOverruns.writeUInt16LE(0xffff, OFD.readUInt32LE(end + 16) + 28);
    expect(await detect(nameOverruns)).toBeNull();
  });
});
