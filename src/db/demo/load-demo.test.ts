import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MaterialKind, type MaterialRequirements, materialChecklist } from '../../shared/materials';
import { verifyAuditChain } from '../audit-verify';
import { type Database, queryRows } from '../client';
import { findProgramByCode } from '../repos/programs.repo';
import { enterpriseStats, enterprises, regionStats, users } from '../schema';
import { createTestDatabase } from '../test-db';
import { DEMO_ENTERPRISES, DEMO_REGION_STATS, DEMO_STATS, DEMO_USERS } from './data';
import { loadDemoIfEmpty } from './load-demo';

const NOW = new Date('2026-11-25T01:00:00.000Z');
const KEY = 'demo-test-audit-key-of-32-characters!';
const fakeHash = async (pw: string) => `test-hash:${pw.length}`;
/** The demo's documents on disk under their SHA-256, as the file store keeps them. */
const documentsDir = mkdtempSync(join(tmpdir(), 'huiqi-demo-documents-'));
async function storeDocument(bytes: Buffer) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await writeFile(join(documentsDir, sha256), bytes);
  return { sha256, size: bytes.length, type: 'pdf' as const };
}
const OPTIONS = { passwordHasher: fakeHash, now: NOW, auditKey: KEY, storeDocument };
let db: Database;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(() => db.close());
afterAll(() => rm(documentsDir, { recursive: true, force: true }));

describe('loadDemoIfEmpty', () => {
  it('loads the demo into an empty database, with a valid audit trail, and nothing the second time', async () => {
    const first = await loadDemoIfEmpty(db, { ...OPTIONS });
    expect(first.loaded).toBe(true);
    expect(first.credentials.map((c) => c.username).sort()).toEqual(
      ['admin', 'applicant', 'applicant2', 'approver', 'evaluator', 'expert', 'finance', 'intake'].sort(),
    );
    expect(new Set(first.credentials.map((c) => c.role)).size).toBe(7);

    const [enterpriseCount] = await db.orm.select({ n: count() }).from(enterprises);
    expect(enterpriseCount?.n).toBe(DEMO_ENTERPRISES.length);
    const [statCount] = await db.orm.select({ n: count() }).from(enterpriseStats);
    expect(statCount?.n).toBe(DEMO_STATS.length);
    const [regionCount] = await db.orm.select({ n: count() }).from(regionStats);
    expect(regionCount?.n).toBe(DEMO_REGION_STATS.length);

    const program = await findProgramByCode(db.orm, 'tianhe-2023-service-trade');
    expect(program?.budgetFen).toBe(129_960_000n);
    expect(program?.calls).toHaveLength(1);

    const audit = await verifyAuditChain(db.orm, KEY);
    expect(audit.ok).toBe(true);
    expect(audit.checked).toBeGreaterThan(DEMO_ENTERPRISES.length);

    const second = await loadDemoIfEmpty(db, { ...OPTIONS });
    expect(second).toEqual({ loaded: false, credentials: [] });
    const [after] = await db.orm.select({ n: count() }).from(users);
    expect(after?.n).toBe(DEMO_USERS.length);
  });

  it('links each demo applicant to its enterprise and keeps secrets out of the audit log', async () => {
    await loadDemoIfEmpty(db, { ...OPTIONS });
    const applicants = await db.orm
      .select({ username: users.username, uscc: enterprises.uscc, hash: users.passwordHash })
      .from(users)
      .innerJoin(enterprises, eq(enterprises.id, users.enterpriseId))
      .where(eq(users.role, 'applicant'));
    expect(applicants.map((a) => a.username).sort()).toEqual(['applicant', 'applicant2']);
    expect(new Set(applicants.map((a) => a.uscc)).size).toBe(2);
    const leaks = await queryRows(
      db.orm,
      sql`SELECT 1 FROM audit_events WHERE after::text LIKE '%test-hash%' OR after::text LIKE '%Huiqi-demo%'`,
    );
    expect(leaks).toEqual([]);
  });

  it('pins the example rule file as the 2023 program rule version 1', async () => {
    const ruleFile = new URL('../../../programs/tianhe-2023-service-trade.json', import.meta.url);
    await loadDemoIfEmpty(db, { ...OPTIONS, ruleFile });
    const program = await findProgramByCode(db.orm, 'tianhe-2023-service-trade');
    expect(program?.currentRule).toMatchObject({ version: 1 });
    expect(program?.currentRule?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the open call its rules and each demo applicant an application at its own stage', async () => {
    await loadDemoIfEmpty(db, { ...OPTIONS });
    const open = await findProgramByCode(db.orm, 'tianhe-2026-service-trade');
    expect(open?.currentRule).toMatchObject({ version: 1 });
    const rows = await queryRows<{ username: string; status: string; clause: string; changes: number }>(
      db.orm,
      sql`SELECT u.username, a.status, a.clause,
            (SELECT count(*)::int FROM application_status_changes c WHERE c.application_id = a.id) AS changes
          FROM applications a JOIN users u ON u.enterprise_id = a.enterprise_id
          JOIN calls k ON k.id = a.call_id
          WHERE k.code = 'tianhe-2026-service-trade-call' ORDER BY u.username`,
    );
    expect(rows).toEqual([
      { username: 'applicant', status: 'draft', clause: 'service-trade-volume', changes: 0 },
      { username: 'applicant2', status: 'submitted', clause: 'service-trade-volume', changes: 1 },
    ]);
    expect((await verifyAuditChain(db.orm, KEY)).ok).toBe(true);
    const staff = await queryRows<{ username: string }>(
      db.orm,
      sql`SELECT u.username FROM staff_departments s JOIN users u ON u.id = s.user_id ORDER BY u.username`,
    );
    expect(staff.map((s) => s.username)).toEqual(['approver', 'evaluator', 'expert', 'finance', 'intake']);
  });

  it('hands applicant2’s application in complete: contract copies instead of an audit report, and signed', async () => {
    await loadDemoIfEmpty(db, { ...OPTIONS });
    const rows = await queryRows<{
      username: string;
      kinds: string[] | null;
      files: string[] | null;
      signer: string | null;
      materials: MaterialRequirements;
      clause: string;
    }>(
      db.orm,
      sql`SELECT u.username, a.clause, k.materials, a.commitment_signer_name AS signer,
            array_agg(m.kind ORDER BY m.kind) FILTER (WHERE m.id IS NOT NULL) AS kinds,
            array_agg(m.sha256 ORDER BY m.kind) FILTER (WHERE m.id IS NOT NULL) AS files
          FROM applications a JOIN users u ON u.enterprise_id = a.enterprise_id
          JOIN calls k ON k.id = a.call_id
          LEFT JOIN application_materials m ON m.application_id = a.id AND m.removed_at IS NULL
          GROUP BY u.username, a.clause, k.materials, a.commitment_signer_name ORDER BY u.username`,
    );
    const [draft, submitted] = rows;
    expect(draft).toMatchObject({ username: 'applicant', kinds: ['business_license'], signer: null });
    expect(submitted).toMatchObject({
      username: 'applicant2',
      kinds: ['bank_account', 'business_license', 'contract_copies', 'fx_receipts'],
      signer: '郑璞',
    });
    if (!draft || !submitted) throw new Error('two demo applications');
    const check = (row: typeof draft) =>
      materialChecklist(row.materials, row.clause, (row.kinds ?? []) as MaterialKind[], row.signer !== null);
    expect(check(submitted).complete).toBe(true);
    expect(check(draft).complete).toBe(false);
    for (const sha256 of submitted.files ?? []) {
      expect(readFileSync(join(documentsDir, sha256)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('loads nothing when the database already has a user', async () => {
    await db.orm.execute(
      sql`INSERT INTO users (username, display_name, role, password_hash) VALUES ('root', 'Root', 'admin', 'x')`,
    );
    expect(await loadDemoIfEmpty(db, { ...OPTIONS })).toEqual({
      loaded: false,
      credentials: [],
    });
  });
});
