// The audit log as its readers search it: by actor, action, kind of record and days, page by page, each
// event with its details; and only for the roles the table allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, AuditEventsResponse } from '../../shared/api/audit';
import { type Agent, buildUser, createTestApp, signedIn, type TestApp } from '../test-support';

describe('audit log search', () => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t, await buildUser(t, 'admin', { username: 'auditadmin' }));
    // Three changes of language by the admin, eleven hours apart (the session stays alive): 09:00 and 20:00
    // on 2026-03-02 and 07:00 on 03-03 in Shanghai, three events on the admin's own stream.
    for (const locale of ['en-US', 'zh-CN', 'en-US']) {
      await admin.request({ method: 'PUT', url: '/api/me/locale', payload: { locale } });
      t.clock.advance(11 * 3_600_000);
    }
  });
  afterAll(() => t?.close());

  const search = async (query: string) => {
    const response = await admin.request({ url: `/api/audit/events?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as AuditEventsResponse;
  };

  it('filters by action and actor, newest first, with each event’s details', async () => {
    const { items } = await search('action=user.locale_changed&actor=auditadmin');
    expect(items.map((e) => (e.after as { locale: string }).locale)).toEqual(['en-US', 'zh-CN', 'en-US']);
    const [newest] = items as [AuditEvent];
    expect(newest).toMatchObject({
      action: 'user.locale_changed',
      entityType: 'user',
      actorRole: 'admin',
      before: { locale: 'zh-CN' },
      after: { locale: 'en-US' },
    });
    expect(newest.requestId).toEqual(expect.any(String));
    expect((await search('action=user.locale_changed&actor=nobody')).items).toEqual([]);
  });

  it('filters by a range of days in Asia/Shanghai and by kind of record', async () => {
    const first = await search('action=user.locale_changed&from=2026-03-02&to=2026-03-02');
    expect(first.items.map((e) => e.occurredAt)).toEqual([
      '2026-03-02T12:00:00.000Z',
      '2026-03-02T01:00:00.000Z',
    ]);
    const second = await search('action=user.locale_changed&from=2026-03-03');
    expect(second.items.map((e) => e.occurredAt)).toEqual(['2026-03-02T23:00:00.000Z']);
    const calendar = await search('entityType=calendar_year');
    expect(calendar.items.every((e) => e.entityType === 'calendar_year')).toBe(true);
  });

  it('pages through the log with a keyset cursor', async () => {
    const first = await search('action=user.locale_changed&limit=2');
    expect(first.items).toHaveLength(2);
    const second = await search(`action=user.locale_changed&limit=2&before=${first.nextBefore}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextBefore).toBeUndefined();
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(3);
  });

  it('refuses an unknown action or a malformed date, and roles outside the table', async () => {
    expect((await admin.request({ url: '/api/audit/events?action=user.hacked' })).statusCode).toBe(400);
    expect((await admin.request({ url: '/api/audit/events?from=2026-13-45x' })).statusCode).toBe(400);
    const intake = await signedIn(t, await buildUser(t, 'intake'));
    expect((await intake.request({ url: '/api/audit/events' })).statusCode).toBe(403);
  });
});
