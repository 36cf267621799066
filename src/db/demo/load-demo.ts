// Loads the demo (a fictional 天河区 registry and the seed's 2023 program) into an empty database, in one
// transaction with its audit events, so a fresh clone shows a working system. Development and demos only:
// the configuration refuses the demo in production.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseUsd, parseYuan } from '../../core/money/money';
import { projectPath } from '../../project-root';
import { SYSTEM } from '../../shared/actor';
import type { AuditEvent } from '../../shared/audit-events';
import { AppError } from '../../shared/errors';
import { t } from '../../shared/i18n';
import type { FileType } from '../../shared/materials';
import { parseProgramFile } from '../../shared/program-file';
import { recordAudit } from '../audit';
import type { Database, Orm, Tx } from '../client';
import { changeStatus, insertApplication, signCommitment, updateDeclared } from '../repos/applications.repo';
import { insertDepartment } from '../repos/departments.repo';
import { insertEnterpriseStats, insertEnterprises } from '../repos/enterprises.repo';
import { insertMaterial } from '../repos/materials.repo';
import { insertPolicy } from '../repos/policies.repo';
import { insertCalls, insertProgram, insertRuleVersion } from '../repos/programs.repo';
import { assignDepartments } from '../repos/staff-departments.repo';
import { insertRegionStats } from '../repos/statistics.repo';
import { isDatabaseEmpty, lockSetup } from '../repos/system.repo';
import { existingUsernames, insertUser } from '../repos/users.repo';
import {
  DEMO_APPLICATIONS,
  DEMO_CALLS,
  DEMO_DEPARTMENT,
  DEMO_ENTERPRISES,
  DEMO_POLICIES,
  DEMO_PROGRAMS,
  DEMO_REGION_STATS,
  DEMO_STATS,
  DEMO_USERS,
} from './data';
import type { DemoApplication } from './data-types';
import { demoPdf } from './demo-documents';
import { placeOpenRound } from './open-round';

export interface DemoCredential {
  role: string;
  username: string;
  password: string;
}

export interface LoadDemoOptions {
  passwordHasher: (password: string) => Promise<string>;
  now: Date;
  /** Signs the demo's audit events like every other. */
  auditKey: string;
  /** The example rule file of the 2023 program; loaded as its rule version 1 when it exists. */
  ruleFile?: URL;
  /** Puts a demo document into the file store (before the transaction: the store is content-addressed). */
  storeDocument: (bytes: Buffer) => Promise<StoredDocument>;
}

export interface StoredDocument {
  sha256: string;
  size: number;
  type: FileType;
}

const ruleFileOf = (code: string) => pathToFileURL(projectPath('programs', `${code}.json`));
const RULE_PROGRAM_CODE = 'tianhe-2023-service-trade';
/** The open program's rules: its call takes applications under their clauses. */
const OPEN_PROGRAM_CODE = 'tianhe-2026-service-trade';
const DEMO_REQUEST_ID = 'demo-load';
const STATS_SOURCE = 'demo';

function readRuleFile(file: URL): unknown | undefined {
  if (!existsSync(file)) return undefined;
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = parseProgramFile(json, 'en-US');
  if (!parsed.ok) {
    throw new AppError('DEMO_RULE_FILE_INVALID', 'internal', { file: file.pathname }, parsed.errors);
  }
  return json;
}

function idOf(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new AppError('DEMO_DATA_INCONSISTENT', 'internal', { what, key });
  return id;
}

/** Inserts the demo when the database is empty; otherwise does nothing and says so. */
export async function loadDemoIfEmpty(
  db: Database,
  opts: LoadDemoOptions,
): Promise<{ loaded: boolean; credentials: DemoCredential[] }> {
  if (!(await isDatabaseEmpty(db.orm))) return { loaded: false, credentials: [] };
  const rules = new Map<string, unknown>();
  for (const [code, file] of [
    [RULE_PROGRAM_CODE, opts.ruleFile ?? ruleFileOf(RULE_PROGRAM_CODE)],
    [OPEN_PROGRAM_CODE, ruleFileOf(OPEN_PROGRAM_CODE)],
  ] as const) {
    const definition = readRuleFile(file);
    if (definition !== undefined) rules.set(code, definition);
  }
  // Argon2 is slow on purpose: hash before the transaction so it stays short.
  const hashes = await Promise.all(DEMO_USERS.map((u) => opts.passwordHasher(u.password)));
  const documents = new Map<string, StoredDocument>();
  for (const material of DEMO_APPLICATIONS.flatMap((a) => a.materials ?? [])) {
    documents.set(material.name, await opts.storeDocument(demoPdf(material.lines)));
  }
  const loaded = await db.orm.transaction(async (tx) => {
    await lockSetup(tx);
    if (!(await isDatabaseEmpty(tx))) return false;
    await insertDemo(tx, { at: opts.now, key: opts.auditKey }, { hashes, rules, documents });
    return true;
  });
  if (!loaded) return { loaded: false, credentials: [] };
  return {
    loaded: true,
    credentials: DEMO_USERS.map(({ role, username, password }) => ({ role, username, password })),
  };
}

/** The demo accounts still present in the database, for the start-up banner of a development server. */
export async function presentDemoCredentials(orm: Orm): Promise<DemoCredential[]> {
  const present = await existingUsernames(
    orm,
    DEMO_USERS.map((u) => u.username),
  );
  return DEMO_USERS.filter((u) => present.has(u.username)).map(({ role, username, password }) => ({
    role,
    username,
    password,
  }));
}

interface DemoInputs {
  hashes: string[];
  rules: ReadonlyMap<string, unknown>;
  /** The stored demo documents by the name they are uploaded under. */
  documents: ReadonlyMap<string, StoredDocument>;
}

type DemoAudit = (event: AuditEvent) => Promise<unknown>;

async function insertDemo(
  tx: Tx,
  { at: now, key }: { at: Date; key: string },
  { hashes, rules, documents }: DemoInputs,
): Promise<void> {
  const audit = (event: AuditEvent) =>
    recordAudit(tx, { actor: SYSTEM, at: now, requestId: DEMO_REQUEST_ID, key }, event);

  const department = await insertDepartment(tx, { ...DEMO_DEPARTMENT, createdAt: now });
  await audit({
    action: 'department.created',
    entityId: department.id,
    after: department,
  });
  const departmentIds = new Map([[department.code, department.id]]);

  for (const { departmentCode, ...policy } of DEMO_POLICIES) {
    const row = await insertPolicy(tx, {
      ...policy,
      clauses: [...policy.clauses],
      departmentId: departmentCode ? idOf(departmentIds, departmentCode, 'department') : null,
      createdAt: now,
    });
    await audit({ action: 'policy.created', entityId: row.id, after: row });
  }

  const enterpriseIds = await insertEnterprises(
    tx,
    DEMO_ENTERPRISES.map((e) => ({ ...e, uscc: e.uscc.toUpperCase(), createdAt: now })),
  );
  for (const e of DEMO_ENTERPRISES) {
    const id = idOf(enterpriseIds, e.uscc.toUpperCase(), 'enterprise');
    await audit({ action: 'enterprise.created', entityId: id, after: { ...e } });
  }

  await insertEnterpriseStats(
    tx,
    DEMO_STATS.map((s) => ({
      enterpriseId: idOf(enterpriseIds, s.uscc.toUpperCase(), 'enterprise'),
      year: s.year,
      outsourcingExecUsdCents: parseUsd(s.outsourcingExecUsd),
      offshoreExecUsdCents: parseUsd(s.offshoreExecUsd),
      serviceImportUsdCents: parseUsd(s.serviceImportUsd),
      serviceExportUsdCents: parseUsd(s.serviceExportUsd),
      source: STATS_SOURCE,
    })),
  );
  await insertRegionStats(
    tx,
    DEMO_REGION_STATS.map((r) => ({
      regionCode: r.regionCode,
      regionName: r.regionName,
      level: r.level,
      parentCode: r.parentCode,
      year: r.year,
      outsourcingExecUsdCents: parseUsd(r.outsourcingExecUsd),
      offshoreExecUsdCents: parseUsd(r.offshoreExecUsd),
      serviceImportUsdCents: parseUsd(r.serviceImportUsd),
      serviceExportUsdCents: parseUsd(r.serviceExportUsd),
      newlyRegistered: r.newlyRegistered,
    })),
  );
  const years = [...new Set(DEMO_STATS.map((s) => s.year))].sort();
  await audit({
    action: 'statistics.imported',
    entityId: 'registry',
    after: {
      source: STATS_SOURCE,
      years,
      enterpriseRows: DEMO_STATS.length,
      regionRows: DEMO_REGION_STATS.length,
    },
  });

  const round = placeOpenRound(DEMO_PROGRAMS, DEMO_CALLS, now);
  const programIds = new Map<string, string>();
  for (const { departmentCode, budget, basis, milestones, ...program } of round.programs) {
    const row = await insertProgram(tx, {
      ...program,
      departmentId: idOf(departmentIds, departmentCode, 'department'),
      budgetFen: parseYuan(budget),
      basis: [...basis],
      milestones: [...milestones],
      createdAt: now,
    });
    programIds.set(row.code, row.id);
    await audit({
      action: 'program.created',
      entityId: row.id,
      after: { ...row, basis, milestones },
    });
    const definition = rules.get(row.code);
    if (definition !== undefined) {
      const rule = await insertRuleVersion(tx, {
        programId: row.id,
        definition,
        createdBy: null,
        now,
      });
      await audit({
        action: 'program.rule_version_created',
        entityId: row.id,
        after: rule,
      });
    }
  }

  const insertedCalls = await insertCalls(
    tx,
    round.calls.map(({ programCode, opensAt, closesAt, ...call }) => ({
      ...call,
      programId: idOf(programIds, programCode, 'program'),
      opensAt: new Date(opensAt),
      closesAt: new Date(closesAt),
      createdAt: now,
    })),
  );
  for (const call of insertedCalls) {
    await audit({ action: 'call.created', entityId: call.id, after: call });
  }

  const userIds = new Map<string, string>();
  for (const [i, user] of DEMO_USERS.entries()) {
    const enterpriseId = user.enterpriseUscc
      ? idOf(enterpriseIds, user.enterpriseUscc.toUpperCase(), 'enterprise')
      : null;
    const id = await insertUser(tx, {
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      enterpriseId,
      passwordHash: hashes[i] as string,
      locale: 'zh-CN',
      createdBy: null,
      now,
      totpOptionalInDemo: user.totpOptional ?? false,
    });
    userIds.set(user.username, id);
    // The bureau's staff work for its department; the administrator runs the whole platform.
    if (user.role !== 'applicant' && user.role !== 'admin') await assignDepartments(tx, id, [department.id]);
    // Never the password or its hash: who the user is, not how they sign in.
    await audit({
      action: 'user.created',
      entityId: id,
      after: { username: user.username, displayName: user.displayName, role: user.role, enterpriseId },
    });
  }

  const callIds = new Map(insertedCalls.map((c) => [c.code, c.id]));
  for (const demo of DEMO_APPLICATIONS) {
    const userId = idOf(userIds, demo.username, 'user');
    const user = DEMO_USERS.find((u) => u.username === demo.username);
    const enterpriseId = idOf(enterpriseIds, user?.enterpriseUscc?.toUpperCase() ?? '', 'enterprise');
    await insertDemoApplication(tx, audit, now, demo, {
      userId,
      enterpriseId,
      callId: idOf(callIds, demo.callCode, 'call'),
      documents,
    });
  }
}

/** One demo application at its stage: figures, materials and commitment, then submitted when it says so. */
async function insertDemoApplication(
  tx: Tx,
  audit: DemoAudit,
  now: Date,
  demo: DemoApplication,
  ids: {
    userId: string;
    enterpriseId: string;
    callId: string;
    documents: ReadonlyMap<string, StoredDocument>;
  },
): Promise<void> {
  const { userId, enterpriseId, callId } = ids;
  const created = await insertApplication(tx, {
    callId,
    enterpriseId,
    clause: demo.clause,
    createdBy: userId,
    createdAt: now,
  });
  await audit({
    action: 'application.created',
    entityId: created.id,
    after: { callId, enterpriseId, clause: demo.clause },
  });
  let application = await updateDeclared(tx, created.id, demo.declared, now);
  await audit({
    action: 'application.declared_updated',
    entityId: created.id,
    before: {},
    after: demo.declared,
  });
  for (const material of demo.materials ?? []) {
    const stored = ids.documents.get(material.name);
    if (!stored)
      throw new AppError('DEMO_DATA_INCONSISTENT', 'internal', { what: 'document', key: material.name });
    const row = await insertMaterial(tx, {
      applicationId: created.id,
      kind: material.kind,
      sha256: stored.sha256,
      sizeBytes: stored.size,
      fileType: stored.type,
      originalName: material.name,
      uploadedBy: userId,
      uploadedAt: now,
    });
    await audit({
      action: 'application.material_added',
      entityId: created.id,
      after: {
        materialId: row.id,
        kind: row.kind,
        sha256: row.sha256,
        sizeBytes: row.sizeBytes,
        fileType: row.fileType,
        originalName: row.originalName,
      },
    });
  }
  if (demo.commitmentSigner) {
    const text = t('zh-CN', 'common.commitmentText');
    application = await signCommitment(tx, created.id, {
      text,
      signerName: demo.commitmentSigner,
      signedBy: userId,
      at: now,
    });
    await audit({
      action: 'application.commitment_signed',
      entityId: created.id,
      after: {
        signerName: demo.commitmentSigner,
        textSha256: createHash('sha256').update(text).digest('hex'),
      },
    });
  }
  if (demo.status === 'submitted') {
    await changeStatus(tx, application, { action: 'submit', to: 'submitted', actorId: userId, at: now });
    await audit({
      action: 'application.status_changed',
      entityId: created.id,
      before: { status: 'draft' },
      after: { status: 'submitted', action: 'submit' },
    });
  }
}
