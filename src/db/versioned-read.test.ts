// The program list kept in memory with its data version: reused while the version holds, read anew after any
// write to a table the list reads (every such table has the trigger), never after a write that rolled back.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from './client';
import { allProgramDetailsQuery, listProgramDetails } from './repos/programs.repo';
import { createTestDatabase } from './test-db';
import { buildCall, buildProgram } from './test-factories';
import { readDataVersion, versionedRead } from './versioned-read';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

/** The program list as a versioned read that counts its loads. */
function countingList() {
  const counter = { loads: 0 };
  const read = versionedRead('programs', (orm) => {
    counter.loads++;
    return listProgramDetails(orm);
  });
  return { read, counter };
}

/** Every relation a plan scans, from EXPLAIN's JSON. */
function relationsIn(plan: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(plan)) for (const item of plan) relationsIn(item, into);
  else if (typeof plan === 'object' && plan !== null) {
    for (const [key, value] of Object.entries(plan)) {
      if (key === 'Relation Name' && typeof value === 'string') into.add(value);
      else relationsIn(value, into);
    }
  }
  return into;
}

describe('versioned reads', () => {
  it('every table the program list reads raises the programs version on a write', async () => {
    const query = allProgramDetailsQuery(db.orm).toSQL();
    expect(query.params).toEqual([]);
    const [explained] = await queryRows<{ 'QUERY PLAN': unknown }>(
      db.orm,
      sql.raw(`EXPLAIN (FORMAT JSON) ${query.sql}`),
    );
    const read = relationsIn(explained?.['QUERY PLAN']);
    expect(read).toEqual(
      new Set([
        'programs',
        'departments',
        'program_rule_versions',
        'program_basis',
        'program_milestones',
        'calls',
      ]),
    );
    const triggered = await queryRows<{ table: string }>(
      db.orm,
      sql`SELECT c.relname AS table FROM pg_trigger t
          JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
          WHERE p.proname = 'huiqi_raise_data_version' AND encode(t.tgargs, 'escape') = ${'programs\\000'}`,
    );
    expect(new Set(triggered.map((r) => r.table))).toEqual(read);
  });

  it('reuses its copy while the version holds and reads anew after a write', async () => {
    const { read, counter } = countingList();
    const seen = await readDataVersion(db.orm, 'programs');
    const first = await read.get(db.orm, seen);
    expect(await read.get(db.orm, seen)).toBe(first);
    expect(await read.get(db.orm)).toBe(first);
    expect(counter.loads).toBe(1);

    const program = await buildProgram(db);
    const afterProgram = await readDataVersion(db.orm, 'programs');
    expect(afterProgram).toBeGreaterThan(seen);
    expect((await read.get(db.orm, afterProgram)).map((p) => p.code)).toContain(program.code);
    expect(counter.loads).toBe(2);

    const call = await buildCall(db, program);
    const listed = await read.get(db.orm);
    expect(listed.find((p) => p.code === program.code)?.calls.map((c) => c.code)).toEqual([call.code]);
    expect(counter.loads).toBe(3);

    await db.orm.execute(sql`UPDATE departments SET name = name || '（更名）'`);
    expect((await read.get(db.orm)).every((p) => p.department.name.endsWith('（更名）'))).toBe(true);
    expect(counter.loads).toBe(4);
  });

  it('a write that rolls back leaves the version and the copy as they were', async () => {
    const { read, counter } = countingList();
    const before = await readDataVersion(db.orm, 'programs');
    await read.get(db.orm, before);
    await expect(
      db.orm.transaction(async (tx) => {
        await tx.execute(sql`UPDATE programs SET name = name || 'x'`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await readDataVersion(db.orm, 'programs')).toBe(before);
    await read.get(db.orm);
    expect(counter.loads).toBe(1);
  });

  it('a request that saw an older version than the copy reads anew and the newer copy stays', async () => {
    const { read, counter } = countingList();
    const old = await readDataVersion(db.orm, 'programs');
    await buildProgram(db);
    const current = await read.get(db.orm);
    expect(await read.get(db.orm, old)).not.toBe(current);
    expect(await read.get(db.orm)).toBe(current);
    expect(counter.loads).toBe(2);
  });
});
