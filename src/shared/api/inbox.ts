// The applicant's inbox over the API: the status changes of the enterprise's applications, newest first.
import { z } from 'zod';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES } from '../application-workflow';
import { uuid } from './primitives';

export const inboxMessageSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  callTitle: z.string(),
  clause: z.string(),
  action: z.enum(APPLICATION_ACTIONS),
  toStatus: z.enum(APPLICATION_STATUSES),
  reason: z.string().nullable(),
  at: z.string(),
  read: z.boolean(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

export const inboxSchema = z.object({ unread: z.number().int(), items: z.array(inboxMessageSchema) });
export type Inbox = z.infer<typeof inboxSchema>;

/** Messages to mark read; none named: all of them. */
export const markReadBody = z.strictObject({ ids: z.array(uuid).max(500).optional() });
