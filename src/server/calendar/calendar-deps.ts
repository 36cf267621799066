// What the calendar use cases need, narrower than ServerDeps so the CLI can run them with its own clock, and
// who acts: a signed-in administrator, the CLI operator or the system loading the official data at start.
import type { ServerDeps } from '../deps';

export type CalendarDeps = Pick<ServerDeps, 'db' | 'clock'>;

export interface CalendarActor {
  /** The user, or null when nobody signed in (the CLI, start-up). */
  userId: string | null;
  /** Recorded in the audit event: a role, or 'cli' / 'system'. */
  role: string;
}
