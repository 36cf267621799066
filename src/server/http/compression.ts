// Compresses API answers above 1 KiB (program lists, OpenAPI, audit pages) with brotli or gzip, whichever the
// client prefers. Request bodies are never decompressed: the body limit must bound what the parser sees.
// The web app's files carry their own precompressed copies and switch this off per route.
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

export const COMPRESS_THRESHOLD_BYTES = 1024;

export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    globalDecompression: false,
  });
}
