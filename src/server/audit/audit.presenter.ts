// An audit row as the API shows it: ids as strings, the time as ISO.
import type { AuditEventRow } from '../../db/repos/audit-events.repo';
import type { AuditEvent } from '../../shared/api/audit';

export function presentAuditEvent(row: AuditEventRow): AuditEvent {
  return { ...row, id: row.id.toString(), occurredAt: row.occurredAt.toISOString() };
}
