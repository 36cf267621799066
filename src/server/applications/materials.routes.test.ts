// Materials over HTTP: an upload streams into the file store and is kept only when its bytes are a PDF, JPEG,
// PNG or OFD, within the limits per file and per application; a lying, empty, oversized or badly named file is
// refused with its reason and leaves no row and no audit event. Submitting needs the call's materials — the
// contracts with their receipts do instead of the audit report — and the signed commitment. Downloads are
// attachments for the enterprise and the department's staff only; every other URL of another enterprise's
// application answers 404.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPdf } from '../../db/demo/demo-documents';
import { assignDepartments } from '../../db/repos/staff-departments.repo';
import { applicationMaterials, auditEvents } from '../../db/schema';
import {
  buildCall,
  buildDepartment,
  buildEnterprise,
  buildProgram,
  buildRuleVersion,
} from '../../db/test-factories';
import type { MaterialRequirements } from '../../shared/materials';
import { SERVICE_TRADE_PROGRAM } from '../rules/rules-test-support';
import {
  type Agent,
  auditActionsOf,
  buildUser,
  createTestApp,
  signedIn,
  type TestApp,
  testConfig,
} from '../test-support';

const CLAUSE = 'service-trade-volume';
const REQUIREMENTS: MaterialRequirements = {
  always: ['business_license'],
  clauses: { [CLAUSE]: [['special_audit_report'], ['contract_copies', 'fx_receipts']] },
  commitment: true,
};
const MAX_FILE = 64 * 1024;
const MAX_FILES = 6;
const PDF = demoPdf(['contract copy']);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let t: TestApp;
let callId: string;
let departmentId: string;

beforeAll(async () => {
  t = await createTestApp({
    files: { ...testConfig().files, maxFileBytes: MAX_FILE, maxFilesPerApplication: MAX_FILES },
  });
  const department = await buildDepartment(t.db, { code: 'materials-x', name: '甲局' });
  departmentId = department.id;
  const program = await buildProgram(t.db, { departmentId });
  await buildRuleVersion(t.db, program, SERVICE_TRADE_PROGRAM);
  callId = (await buildCall(t.db, program, { around: t.clock.now(), materials: REQUIREMENTS })).id;
});
afterAll(() => t.close());

async function draftOfNewEnterprise(): Promise<{ agent: Agent; id: string }> {
  const enterprise = await buildEnterprise(t.db);
  const agent = await signedIn(t, await buildUser(t, 'applicant', { enterpriseId: enterprise.id }));
  const started = await agent.request({
    method: 'POST',
    url: '/api/my/applications',
    payload: { callId, clause: CLAUSE },
  });
  expect(started.statusCode).toBe(201);
  return { agent, id: started.json().id };
}

const upload = (agent: Agent, id: string, kind: string, name: string, body: Buffer | string) =>
  agent.request({
    method: 'POST',
    url: `/api/my/applications/${id}/materials?kind=${kind}&name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: body,
  });

const detail = async (agent: Agent, id: string) =>
  (await agent.request({ url: `/api/my/applications/${id}` })).json();

const sign = (agent: Agent, id: string, body: object = { accepted: true, signerName: '王立' }) =>
  agent.request({ method: 'POST', url: `/api/my/applications/${id}/commitment`, payload: body });

async function materialRows(applicationId: string) {
  return t.db.orm
    .select()
    .from(applicationMaterials)
    .where(eq(applicationMaterials.applicationId, applicationId));
}

describe('uploading materials', () => {
  it('stores a PDF under its SHA-256, lists it in the checklist and gives the same bytes back as an attachment', async () => {
    const { agent, id } = await draftOfNewEnterprise();
    const uploaded = await upload(agent, id, 'contract_copies', '服务合同 2025.pdf', PDF);
    expect(uploaded.statusCode).toBe(201);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(uploaded.json()).toMatchObject({
      kind: 'contract_copies',
      originalName: '服务合同 2025.pdf',
      fileType: 'pdf',
      sizeBytes: PDF.length,
      sha256,
      scanStatus: 'not_scanned',
    });
    expect(readdirSync(join(t.config.files.dir, sha256.slice(0, 2), sha256.slice(2, 4)))).toEqual([sha256]);

    const shown = await detail(agent, id);
    expect(shown.materials.map((m: { kind: string }) => m.kind)).toEqual(['contract_copies']);
    expect(shown.checklist).toEqual({
      always: [{ kind: 'business_license', present: false }],
      anyOf: [
        [{ kind: 'special_audit_report', present: false }],
        [
          { kind: 'contract_copies', present: true },
          { kind: 'fx_receipts', present: false },
        ],
      ],
      commitment: { required: true, signed: false },
      complete: false,
    });

    const downloaded = await agent.request({
      url: `/api/my/applications/${id}/materials/${uploaded.json().id}`,
    });
    expect(downloaded.statusCode).toBe(200);
    expect(downloaded.rawPayload.equals(PDF)).toBe(true);
    expect(downloaded.headers).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(downloaded.headers['content-disposition']).toBe(
      `attachment; filename="____ 2025.pdf"; filename*=UTF-8''${encodeURIComponent('服务合同 2025.pdf')}`,
    );
    expect(await auditActionsOf(t.db, id)).toEqual(['application.created', 'application.material_added']);
  });

  it('refuses by content, size and name with the reason, leaving no row, no audit event and no file', async () => {
    const { agent, id } = await draftOfNewEnterprise();
    const refusals: [string, Buffer | string, number, string][] = [
      ['合同.pdf', 'this is text pretending to be a PDF', 415, 'FILE_TYPE_REFUSED'],
      ['page.png', '<html><script>alert(1)</script></html>', 415, 'FILE_TYPE_REFUSED'],
      ['empty.pdf', Buffer.alloc(0), 400, 'FILE_EMPTY'],
      ['big.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_FILE)]), 413, 'FILE_TOO_LARGE'],
      ['../../etc/passwd.pdf', PDF, 400, 'FILE_NAME_INVALID'],
      ['C:\\temp\\合同.pdf', PDF, 400, 'FILE_NAME_INVALID'],
      ['line\nbreak.pdf', PDF, 400, 'FILE_NAME_INVALID'],
      ['   ', PDF, 400, 'FILE_NAME_INVALID'],
      ['..', PDF, 400, 'FILE_NAME_INVALID'],
    ];
    for (const [name, body, status, code] of refusals) {
      const refused = await upload(agent, id, 'contract_copies', name, body);
      expect({ name, status: refused.statusCode, code: refused.json().code }).toEqual({ name, status, code });
      expect(refused.json().message).not.toBe(code);
    }
    expect(await materialRows(id)).toEqual([]);
    expect(await auditActionsOf(t.db, id)).toEqual(['application.created']);
    expect(readdirSync(join(t.config.files.dir, 'tmp'))).toEqual([]);
  });

  it('takes a body only as application/octet-stream and a kind it knows', async () => {
    const { agent, id } = await draftOfNewEnterprise();
    const json = await agent.request({
      method: 'POST',
      url: `/api/my/applications/${id}/materials?kind=contract_copies&name=a.pdf`,
      payload: { not: 'a file' },
    });
    expect([json.statusCode, json.json().code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const badKind = await upload(agent, id, 'selfie', 'a.pdf', PDF);
    expect(badKind.statusCode).toBe(400);
    expect(await materialRows(id)).toEqual([]);
  });

  it('holds the per-application limit under concurrent uploads', async () => {
    const { agent, id } = await draftOfNewEnterprise();
    const results = await Promise.all(
      Array.from({ length: MAX_FILES + 4 }, (_, i) => upload(agent, id, 'other', `附件${i}.png`, PNG)),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_FILES);
    expect(results.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(
      Array(4).fill('MATERIALS_LIMIT_REACHED'),
    );
    expect(await materialRows(id)).toHaveLength(MAX_FILES);
  });

  it('removes a material as a mark kept on record, after which it is gone from the list and the URL', async () => {
    const { agent, id } = await draftOfNewEnterprise();
    const material = (await upload(agent, id, 'business_license', '执照.png', PNG)).json();
    const removed = await agent.request({
      method: 'DELETE',
      url: `/api/my/applications/${id}/materials/${material.id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await detail(agent, id)).materials).toEqual([]);
    const again = await agent.request({ url: `/api/my/applications/${id}/materials/${material.id}` });
    expect([again.statusCode, again.json().code]).toEqual([404, 'MATERIAL_NOT_FOUND']);
    const [row] = await materialRows(id);
    expect(row?.removedAt).not.toBeNull();
    expect(await auditActionsOf(t.db, id)).toEqual([
      'application.created',
      'application.material_added',
      'application.material_removed',
    ]);
  });
});

describe('the commitment and a complete submission', () => {
  it('refuses to submit until the materials and the commitment are there, contracts instead of an audit report', async () => {
    const { agent, id } = await draftOfNewEnterprise();
    const submit = () => agent.request({ method: 'POST', url: `/api/my/applications/${id}/submit` });
    const first = await submit();
    expect([first.statusCode, first.json().code]).toEqual([409, 'MATERIALS_INCOMPLETE']);
    expect(first.json().message).toContain('营业执照');
    expect(first.json().message).toContain('全部合同复印件 + 收汇凭证');
    expect(first.json().message).toContain('信用承诺书');

    await upload(agent, id, 'business_license', '执照.pdf', demoPdf(['licence']));
    await upload(agent, id, 'contract_copies', '合同.pdf', PDF);
    const partial = await submit();
    expect(partial.json().message).toContain('收汇凭证');
    expect(partial.json().message).not.toContain('营业执照');

    await upload(agent, id, 'fx_receipts', '收汇凭证.jpg', PNG);
    expect((await sign(agent, id, { accepted: false, signerName: '王立' })).json().code).toBe(
      'COMMITMENT_NOT_ACCEPTED',
    );
    expect((await sign(agent, id, { accepted: true, signerName: '   ' })).json().code).toBe(
      'COMMITMENT_NAME_REQUIRED',
    );
    const signed = await sign(agent, id);
    expect(signed.statusCode).toBe(200);
    expect(signed.json().commitment).toMatchObject({
      signerName: '王立',
      text: expect.stringContaining('郑重承诺'),
    });
    expect(signed.json().checklist.complete).toBe(true);

    const done = await submit();
    expect([done.statusCode, done.json().status]).toEqual([200, 'submitted']);
    const late = await upload(agent, id, 'other', '补充.pdf', demoPdf(['late']));
    expect([late.statusCode, late.json().code]).toEqual([409, 'APPLICATION_NOT_EDITABLE']);
    expect((await sign(agent, id)).json().code).toBe('APPLICATION_NOT_EDITABLE');
    const [signature] = await t.db.orm
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'application.commitment_signed')));
    expect(signature?.after).toMatchObject({
      signerName: '王立',
      textSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});

describe('who reaches materials', () => {
  it('answers 404 to another enterprise on every material URL, and to staff of another department', async () => {
    const owner = await draftOfNewEnterprise();
    const material = (await upload(owner.agent, owner.id, 'contract_copies', '合同.pdf', PDF)).json();
    const other = await draftOfNewEnterprise();
    const base = `/api/my/applications/${owner.id}`;
    const attempts = [
      other.agent.request({ url: `${base}/materials/${material.id}` }),
      other.agent.request({ method: 'DELETE', url: `${base}/materials/${material.id}` }),
      upload(other.agent, owner.id, 'contract_copies', 'x.pdf', PDF),
      sign(other.agent, owner.id),
      // Another application's id with this material's id finds nothing either.
      other.agent.request({ url: `/api/my/applications/${other.id}/materials/${material.id}` }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode).toBe(404);
    expect(await materialRows(owner.id)).toHaveLength(1);

    const inDepartment = await buildUser(t, 'intake');
    await assignDepartments(t.db.orm, inDepartment.id, [departmentId]);
    const outside = await buildUser(t, 'intake');
    await assignDepartments(t.db.orm, outside.id, [
      (await buildDepartment(t.db, { code: 'materials-y', name: '乙局' })).id,
    ]);
    const staffUrl = `/api/applications/${owner.id}/materials/${material.id}`;
    // A draft is the enterprise's own: not even its department's staff read its files.
    expect((await (await signedIn(t, inDepartment)).request({ url: staffUrl })).statusCode).toBe(404);

    await t.db.orm.execute(sql`UPDATE applications SET status = 'submitted' WHERE id = ${owner.id}`);
    const staff = await (await signedIn(t, inDepartment)).request({ url: staffUrl });
    expect(staff.statusCode).toBe(200);
    expect(staff.rawPayload.equals(PDF)).toBe(true);
    expect((await (await signedIn(t, outside)).request({ url: staffUrl })).statusCode).toBe(404);
  });
});
