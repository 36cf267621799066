import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEnterpriseStats } from '../../db/repos/enterprises.repo';
import { buildEnterprise } from '../../db/test-factories';
import { buildUser, createTestApp, signedIn, type TestApp } from '../test-support';

describe('enterprise routes', () => {
  let t: TestApp;
  let own: string;
  let other: string;
  beforeAll(async () => {
    t = await createTestApp();
    own = (await buildEnterprise(t.db, { name: '自家软件有限公司' })).id;
    other = (await buildEnterprise(t.db, { name: '别家数据服务有限公司' })).id;
    await insertEnterpriseStats(t.db.orm, [
      {
        enterpriseId: own,
        year: 2022,
        outsourcingExecUsdCents: 123_456_789n,
        offshoreExecUsdCents: 100n,
        serviceImportUsdCents: 0n,
        serviceExportUsdCents: 5n,
        source: 'test',
      },
    ]);
  });
  afterAll(() => t?.close());

  it('shows an applicant its own enterprise and hides any other as not found', async () => {
    const applicant = await signedIn(t, await buildUser(t, 'applicant', { enterpriseId: own }), 'en-US');
    const mine = await applicant.request({ url: `/api/enterprises/${own}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ id: own, name: '自家软件有限公司', sizeClass: 'small' });

    const theirs = await applicant.request({ url: `/api/enterprises/${other}` });
    const missing = await applicant.request({ url: `/api/enterprises/${crypto.randomUUID()}` });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('ENTERPRISE_NOT_FOUND');
    expect({ ...theirs.json(), requestId: '' }).toEqual({ ...missing.json(), requestId: '' });

    const profile = await applicant.request({ url: '/api/me/enterprise' });
    expect(profile.json().stats).toEqual([
      {
        year: 2022,
        outsourcingExecUsd: '1234567.89',
        offshoreExecUsd: '1.00',
        serviceImportUsd: '0.00',
        serviceExportUsd: '0.05',
      },
    ]);
  });

  it('lets staff read any enterprise and search the list with paging', async () => {
    const staff = await signedIn(t, await buildUser(t, 'intake'));
    expect((await staff.request({ url: `/api/enterprises/${other}` })).statusCode).toBe(200);
    const page = await staff.request({
      url: `/api/enterprises?q=${encodeURIComponent('数据')}&page=1&pageSize=1`,
    });
    expect(page.json()).toMatchObject({ total: 1, items: [{ id: other }] });
    const literal = await staff.request({ url: `/api/enterprises?q=${encodeURIComponent('%')}` });
    expect(literal.json().total).toBe(0);
  });
});
