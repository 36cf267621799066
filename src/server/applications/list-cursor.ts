// The staff list's cursor: the last row's sort key and id, with the sort it was made for, as base64url JSON.
// Opaque to clients; a cursor that does not decode, or comes from another sort or order, is refused rather than
// read as the start of a different sequence.
import { z } from 'zod';
import type { StaffListKey } from '../../db/repos/staff-list.repo';
import { STAFF_LIST_SORTS, type StaffListOrder, type StaffListSort } from '../../shared/api/applications';
import { uuid } from '../../shared/api/primitives';
import { AppError } from '../../shared/errors';

const payload = z.strictObject({
  sort: z.enum(STAFF_LIST_SORTS),
  order: z.enum(['asc', 'desc']),
  // Microseconds, as PostgreSQL keeps them: a key cut to milliseconds would skip or repeat rows.
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  id: uuid,
});

interface Sorting {
  sort: StaffListSort;
  order: StaffListOrder;
}

export function encodeListCursor(sorting: Sorting, key: StaffListKey): string {
  return Buffer.from(JSON.stringify({ ...sorting, ...key })).toString('base64url');
}

/** The key a cursor names; throws APPLICATION_CURSOR_INVALID (400) unless it was made for `sorting`. */
export function decodeListCursor(cursor: string, sorting: Sorting): StaffListKey {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = payload.safeParse(decoded);
  if (!parsed.success || parsed.data.sort !== sorting.sort || parsed.data.order !== sorting.order) {
    throw new AppError('APPLICATION_CURSOR_INVALID', 'validation');
  }
  return { at: parsed.data.at, id: parsed.data.id };
}
