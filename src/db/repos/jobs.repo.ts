// Reading the job queue's own table (pg-boss keeps it in the `pgboss` schema): how many jobs of a name stand in
// each state, for tests and for the operator.
import type { Database } from '../client';

export async function jobCounts(db: Database, name: string): Promise<Record<string, number>> {
  const { rows } = await db.executeSql(
    'SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state',
    [name],
  );
  return Object.fromEntries((rows as { state: string; n: number }[]).map((r) => [r.state, r.n]));
}
