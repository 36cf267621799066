// Session tokens: 32 random bytes in the cookie, their sha256 in the database. Expiry is idle-based and
// slides forward as the user works, refreshed at most once a minute so reads do not turn into writes.
import type { Orm, Tx } from '../../db/client';
import { findLiveSession, insertSession, touchSession } from '../../db/repos/sessions.repo';
import { findUserById, type UserView } from '../../db/repos/users.repo';
import { randomToken, sha256Hex } from '../crypto';

const TOUCH_INTERVAL_MS = 60_000;

export interface NewSession {
  token: string;
  sessionId: string;
  maxAgeSeconds: number;
}

export async function createSession(
  tx: Tx | Orm,
  userId: string,
  options: { now: Date; ttlHours: number; userAgent: string | undefined },
): Promise<NewSession> {
  const token = randomToken(32);
  const sessionId = sha256Hex(token);
  const ttlMs = options.ttlHours * 3_600_000;
  await insertSession(tx, {
    id: sessionId,
    userId,
    createdAt: options.now,
    lastSeenAt: options.now,
    expiresAt: new Date(options.now.getTime() + ttlMs),
    userAgent: options.userAgent?.slice(0, 300).replaceAll('\u0000', '') ?? null,
  });
  return { token, sessionId, maxAgeSeconds: options.ttlHours * 3600 };
}

/** The signed-in user for a cookie token, or null when the session is unknown, expired or the user disabled. */
export async function resolveSession(
  orm: Orm,
  token: string,
  options: { now: Date; ttlHours: number },
): Promise<{ sessionId: string; user: UserView } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const sessionId = sha256Hex(token);
  const session = await findLiveSession(orm, sessionId, options.now);
  if (!session) return null;
  const user = await findUserById(orm, session.userId);
  if (!user || user.disabledAt) return null;
  if (options.now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    const expiresAt = new Date(options.now.getTime() + options.ttlHours * 3_600_000);
    await touchSession(orm, sessionId, options.now, expiresAt);
  }
  return { sessionId, user };
}
