// Statements that every request runs (the session read, the program list) are prepared once per database
// handle: drizzle then builds their SQL text once instead of on each call — which a profile under load showed
// costing more than the query itself — and a PostgreSQL server parses and plans them once per pooled connection.
import type { Orm, Tx } from './client';

/**
 * `build` runs once per database handle (a transaction is a handle of its own); later calls return the same
 * prepared statement.
 */
export function preparedPerDatabase<Q>(build: (db: Orm | Tx) => Q): (db: Orm | Tx) => Q {
  const prepared = new WeakMap<Orm | Tx, Q>();
  return (db) => {
    let statement = prepared.get(db);
    if (statement === undefined) {
      statement = build(db);
      prepared.set(db, statement);
    }
    return statement;
  };
}
