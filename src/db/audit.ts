// The audit log (操作日志): append-only and tamper-evident. Events are hash-chained per stream (one record,
// e.g. `program:<id>`) rather than in one global chain, so two transactions on different records never wait
// for each other; only writers on the same record serialise, on that stream's head row. Each hash is an HMAC
// under a key from the configuration that the database does not hold: whoever can edit rows still cannot
// forge a chain that verifies. Checkpoints (audit-verify.ts) catch what a chain alone cannot: a truncated
// tail with its head moved back, or a whole stream dropped. See docs/database.md.
import { createHash, createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, auditIdentity } from '../shared/actor';
import { AUDIT_EVENTS, type AuditEvent } from '../shared/audit-events';
import type { Tx } from './client';
import { auditEvents, auditStreams } from './schema';

/** Who acted, for which request, when, and the key that signs the chain. */
export interface AuditMeta {
  actor: Actor;
  requestId?: string | null;
  at: Date;
  key: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Turns a value into plain JSON the way jsonb will give it back: bigint → string, Date → ISO string. */
export function toAuditJson(value: unknown): Json | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => toAuditJson(v) ?? null);
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const json = toAuditJson(v);
    if (json !== undefined) out[k] = json;
  }
  return out;
}

/** JSON with object keys sorted at every level, so equal values always hash equally. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as Json)}`).join(',')}}`;
}

export interface HashedFields {
  stream: string;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Json | null;
  after: Json | null;
  requestId: string | null;
}

/**
 * The link's hash: HMAC-SHA256 under the audit key of the previous hash and the event's canonical JSON. With
 * `key` null, the plain sha256 that events written before the chain was keyed carry.
 */
export function eventHash(key: string | null, prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
    stream: e.stream,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
    requestId: e.requestId,
  });
  const digest = key === null ? createHash('sha256') : createHmac('sha256', key);
  return digest.update(prevHash).update(body).digest('hex');
}

/** A payload as the log stores it, checked against the catalogue's schema (a wrong payload is a bug). */
function payload(event: AuditEvent, key: 'before' | 'after'): Json | null {
  const spec: { entity: string; before?: z.ZodType; after?: z.ZodType } = AUDIT_EVENTS[event.action];
  const schema = spec[key];
  const json = toAuditJson(event[key]) ?? null;
  if (!schema) return json;
  const checked = schema.safeParse(json);
  if (!checked.success) {
    throw new Error(`audit ${event.action}: ${key} does not match its schema: ${checked.error.message}`);
  }
  return json;
}

/** Appends one event to its stream inside the caller's transaction (so it commits or rolls back with it). */
export async function recordAudit(tx: Tx, meta: AuditMeta, event: AuditEvent): Promise<void> {
  const entityType = AUDIT_EVENTS[event.action].entity;
  const stream = event.stream ?? `${entityType}:${event.entityId}`;
  await tx.insert(auditStreams).values({ stream, lastSeq: 0, lastHash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(auditStreams).where(eq(auditStreams.stream, stream)).for('update');
  if (!head) throw new Error(`audit stream ${stream} vanished inside its transaction`);
  const fields: HashedFields = {
    stream,
    seq: head.lastSeq + 1,
    occurredAt: meta.at,
    ...auditIdentity(meta.actor),
    action: event.action,
    entityType,
    entityId: event.entityId,
    before: payload(event, 'before'),
    after: payload(event, 'after'),
    requestId: meta.requestId ?? null,
  };
  const hash = eventHash(meta.key, head.lastHash, fields);
  await tx.insert(auditEvents).values({ ...fields, prevHash: head.lastHash, hash, keyed: true });
  await tx
    .update(auditStreams)
    .set({ lastSeq: fields.seq, lastHash: hash })
    .where(eq(auditStreams.stream, stream));
}
