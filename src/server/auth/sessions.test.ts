// The session read that runs before every signed-in request: one query for the session and its user, from
// PostgreSQL each time (no copy in memory, so revocation is immediate on every instance), with the last-seen
// time written at most once a minute and the idle expiry sliding, but never past the absolute end.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteSession } from '../../db/repos/sessions.repo';
import { setDisabled } from '../../db/repos/users.repo';
import { sessions } from '../../db/schema';
import { buildUser, createTestApp, type TestApp } from '../test-support';
import { createSession, resolveSession, sessionKeys } from './sessions';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('resolveSession', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const lifetime = { ttlHours: 2, absoluteHours: 3 };
  const open = async (userId: string) =>
    createSession(t.db.orm, userId, { ...lifetime, now: t.clock.now(), userAgent: 'test' });
  const resolve = (token: string) => {
    const keys = sessionKeys(token, t.config.sessionSecret);
    return keys && resolveSession(t.db.orm, keys.sessionId, { ...lifetime, now: t.clock.now() });
  };
  const row = async (id: string) => {
    const [found] = await t.db.orm.select().from(sessions).where(eq(sessions.id, id));
    return found;
  };

  it('writes last-seen at most once a minute and slides the idle expiry up to the absolute end', async () => {
    const user = await buildUser(t, 'intake');
    const session = await open(user.id);
    const signedInAt = t.clock.now().getTime();

    t.clock.advance(59_000);
    expect((await resolve(session.token))?.user.id).toBe(user.id);
    expect((await row(session.sessionId))?.lastSeenAt.getTime()).toBe(signedInAt);

    t.clock.advance(1_000);
    await resolve(session.token);
    const touched = await row(session.sessionId);
    expect(touched?.lastSeenAt.getTime()).toBe(signedInAt + MINUTE);
    expect(touched?.expiresAt.getTime()).toBe(signedInAt + MINUTE + 2 * HOUR);

    t.clock.advance(30_000);
    await resolve(session.token);
    expect((await row(session.sessionId))?.lastSeenAt.getTime()).toBe(signedInAt + MINUTE);

    // Used every 90 minutes, the session would idle-slide forever; the absolute end stops it.
    t.clock.advance(90 * MINUTE);
    await resolve(session.token);
    expect((await row(session.sessionId))?.expiresAt.getTime()).toBe(signedInAt + 3 * HOUR);
    t.clock.advance(signedInAt + 3 * HOUR - t.clock.now().getTime());
    expect(await resolve(session.token)).toBeNull();
  });

  it('ends at once when the user is disabled or the session deleted', async () => {
    const user = await buildUser(t, 'intake');
    const kept = await open(user.id);
    const ended = await open(user.id);
    expect(await resolve(kept.token)).not.toBeNull();
    expect(await resolve(ended.token)).not.toBeNull();

    await deleteSession(t.db.orm, ended.sessionId);
    expect(await resolve(ended.token)).toBeNull();
    expect(await resolve(kept.token)).not.toBeNull();

    await t.db.orm.transaction((tx) => setDisabled(tx, user.id, t.clock.now(), t.clock.now()));
    expect(await resolve(kept.token)).toBeNull();
  });

  it('ends when idle past its lifetime', async () => {
    const user = await buildUser(t, 'intake');
    const session = await open(user.id);
    t.clock.advance(2 * HOUR);
    expect(await resolve(session.token)).toBeNull();
  });
});
