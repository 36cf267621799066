// Encryption at rest for secrets the server must read back (TOTP secrets): AES-256-GCM, a fresh 12-byte IV per
// value, the auth tag stored beside it so any tampering fails to decrypt instead of yielding garbage.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

const VERSION = 'v1';

export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** Builds a sealer from the configured key; any string is stretched to 32 bytes with SHA-256. */
export function createSealer(encryptionKey: string): Sealer {
  const key = createHash('sha256').update(encryptionKey).digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join(
        ':',
      );
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new Error('sealed value: bad format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/** SHA-256 hex digest, used to store session tokens so a database leak yields no usable cookie. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A URL-safe token derived from `value` with HMAC-SHA-256 under `secret`: unforgeable without the secret. */
export function hmacToken(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

/** A URL-safe random token of `bytes` random bytes. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Constant-time string comparison (lengths may leak; contents do not). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
