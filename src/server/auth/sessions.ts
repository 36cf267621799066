// Session tokens: 32 random bytes in the cookie, their sha256 in the database. Expiry is idle-based and
// slides forward as the user works, refreshed at most once a minute so reads do not turn into writes, but
// never past the session's absolute end: a stolen cookie cannot be kept alive by using it.
import type { Orm, Tx } from '../../db/client';
import { findLiveSessionWithUser, insertSession, touchSession } from '../../db/repos/sessions.repo';
import { hmacToken, randomToken, sha256Hex } from '../crypto';
import type { AuthContext } from '../http/context';

const TOUCH_INTERVAL_MS = 60_000;
const HOUR_MS = 3_600_000;

export interface NewSession {
  token: string;
  sessionId: string;
  maxAgeSeconds: number;
}

export interface SessionLifetime {
  /** Idle expiry, slid forward by use. */
  ttlHours: number;
  /** Absolute expiry from sign-in. */
  absoluteHours: number;
}

const earlier = (a: Date, b: Date) => (a < b ? a : b);

export async function createSession(
  tx: Tx | Orm,
  userId: string,
  options: SessionLifetime & { now: Date; userAgent: string | undefined },
): Promise<NewSession> {
  const token = randomToken(32);
  const sessionId = sha256Hex(token);
  const absoluteExpiresAt = new Date(options.now.getTime() + options.absoluteHours * HOUR_MS);
  const expiresAt = earlier(new Date(options.now.getTime() + options.ttlHours * HOUR_MS), absoluteExpiresAt);
  await insertSession(tx, {
    id: sessionId,
    userId,
    createdAt: options.now,
    lastSeenAt: options.now,
    expiresAt,
    absoluteExpiresAt,
    userAgent: options.userAgent?.slice(0, 300).replaceAll('\u0000', '') ?? null,
  });
  return { token, sessionId, maxAgeSeconds: Math.min(options.ttlHours, options.absoluteHours) * 3600 };
}

/** The CSRF token of a session: derived from its id with the server's secret, so it changes with the session. */
export function sessionCsrfToken(sessionId: string, secret: string): string {
  return hmacToken(secret, `csrf:${sessionId}`);
}

export interface SessionKeys {
  /** sha256 of the token: the session row's id. */
  sessionId: string;
  csrfToken: string;
}

/** What a session token stands for: its row id and its CSRF token; null for a token of the wrong shape. */
export function sessionKeys(token: string, secret: string): SessionKeys | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const sessionId = sha256Hex(token);
  return { sessionId, csrfToken: sessionCsrfToken(sessionId, secret) };
}

/** The signed-in user of a session, or null when the session is unknown, expired or the user disabled. */
export async function resolveSession(
  orm: Orm,
  sessionId: string,
  options: SessionLifetime & { now: Date },
): Promise<AuthContext | null> {
  // Read from PostgreSQL on every request, never cached in memory: a sign-out or a disabled account takes
  // effect at once on every instance.
  const found = await findLiveSessionWithUser(orm, sessionId, options.now);
  if (!found) return null;
  const { session, user, departmentIds, dataVersions } = found;
  if (options.now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    const idle = new Date(options.now.getTime() + options.ttlHours * HOUR_MS);
    await touchSession(orm, sessionId, options.now, earlier(idle, session.absoluteExpiresAt));
  }
  return { sessionId, user, departmentIds, dataVersions };
}
