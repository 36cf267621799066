// A read that every visit repeats and few writes change (the program list) is kept in the server's memory
// together with the version its data had: a counter per body of data that a trigger on each of its tables raises
// inside the writing transaction (migration 0013). A request reads the versions with its session, in the query it
// runs anyway, and uses the copy only when its version is the one the request saw; otherwise it reads anew. The
// copy is derived data, one per instance and per database: it is never served after a write that the request
// could see, and a restart loses nothing.
import { eq, sql } from 'drizzle-orm';
import type { Orm } from './client';
import { preparedPerDatabase } from './prepared';
import { dataVersions } from './schema';

export const DATA_VERSION_NAMES = ['programs'] as const;
export type DataVersionName = (typeof DATA_VERSION_NAMES)[number];
/** The versions a request saw, read in one statement with its session. */
export type DataVersions = Partial<Record<DataVersionName, number>>;

/** A column for a select: every data version as one JSON object, `{ "programs": 12 }`. */
export const dataVersionsColumn = sql<DataVersions>`(SELECT json_object_agg(name, version) FROM data_versions)`;

const versionOf = preparedPerDatabase((db) =>
  db
    .select({ version: dataVersions.version })
    .from(dataVersions)
    .where(eq(dataVersions.name, sql.placeholder('name')))
    .prepare('huiqi_data_version'),
);

export async function readDataVersion(db: Orm, name: DataVersionName): Promise<number> {
  const [row] = await versionOf(db).execute({ name });
  if (!row) throw new Error(`data version ${name} is missing: migration 0013 inserts it`);
  return row.version;
}

export interface VersionedRead<T> {
  /**
   * The data as of at least `seen`, the version the caller read (with its session); without it, the version is
   * read first. Either way the version is read before the data, so a copy is never older than its version says.
   */
  get(db: Orm, seen?: number): Promise<T>;
}

export function versionedRead<T>(name: DataVersionName, load: (db: Orm) => Promise<T>): VersionedRead<T> {
  const copies = new WeakMap<Orm, { version: number; value: T }>();
  return {
    async get(db, seen) {
      const version = seen ?? (await readDataVersion(db, name));
      const copy = copies.get(db);
      if (copy?.version === version) return copy.value;
      const value = await load(db);
      if (copy === undefined || version > copy.version) copies.set(db, { version, value });
      return value;
    },
  };
}
