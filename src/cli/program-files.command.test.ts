import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/client';
import { type CliWorkspace, createCliWorkspace } from './cli-test-support';

const CODE = 'tianhe-2023-service-trade';
const SHIPPED = JSON.parse(
  readFileSync(new URL(`../../programs/${CODE}.json`, import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('huiqi program import / export', () => {
  let w: CliWorkspace;
  beforeAll(async () => {
    w = await createCliWorkspace();
  });
  afterAll(() => w?.close());

  const ruleVersion = async () =>
    JSON.parse((await w.huiqi(['program', 'show', CODE, '--json'])).stdout).ruleVersion as {
      version: number;
    };

  it('exports the demo program and imports it back unchanged, then a changed file as version 2', async () => {
    const file = join(w.dir, 'exported.json');
    const exported = await w.huiqi(['program', 'export', CODE, '--out', file, '--lang', 'en-US']);
    expect(exported).toMatchObject({ code: 0, stdout: `Wrote the current rules of ${CODE} to ${file}.\n` });
    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    expect(onDisk).toEqual(SHIPPED);
    const printed = await w.huiqi(['program', 'export', CODE]);
    expect(JSON.parse(printed.stdout)).toEqual(onDisk);

    const same = await w.huiqi(['program', 'import', file, '--lang', 'en-US']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('already the current version 1; nothing stored');
    expect((await ruleVersion()).version).toBe(1);

    const changed = join(w.dir, 'changed.json');
    writeFileSync(changed, JSON.stringify({ ...onDisk, fundSource: '区财政资金（更正）' }, null, 2));
    const imported = await w.huiqi(['program', 'import', changed, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ code: CODE, version: 2, changed: true });
    expect((await ruleVersion()).version).toBe(2);
    const back = await w.huiqi(['program', 'export', CODE]);
    expect(JSON.parse(back.stdout).fundSource).toBe('区财政资金（更正）');

    const db = await w.openDb();
    try {
      const events = await queryRows<{ actor_id: string | null; actor_role: string; after: unknown }>(
        db.orm,
        sql`SELECT actor_id, actor_role, after FROM audit_events WHERE action = 'program.rules_imported'`,
      );
      expect(events).toEqual([
        {
          actor_id: null,
          actor_role: 'cli',
          after: { version: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        },
      ]);
    } finally {
      await db.close();
    }
  });

  it('refuses an invalid program file with every error and its JSON path, exit code 1', async () => {
    const file = join(w.dir, 'invalid.json');
    writeFileSync(file, JSON.stringify({ ...SHIPPED, budget: 'lots', year: 1900 }));
    const text = await w.huiqi(['program', 'import', file, '--lang', 'en-US']);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`The program file ${file} has 2 error(s); nothing was stored:`);
    expect(text.stderr).toMatch(/\n {2}budget: /);
    expect(text.stderr).toMatch(/\n {2}year: /);
    const json = await w.huiqi(['program', 'import', file, '--json']);
    expect(json.code).toBe(1);
    const paths = JSON.parse(json.stdout)
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['budget', 'year']);
    expect((await ruleVersion()).version).toBe(2);
  });

  it('names the problem when the file is not JSON, the program is unknown or the argument is missing', async () => {
    const notJson = join(w.dir, 'not.json');
    writeFileSync(notJson, '{ "code": ');
    const broken = await w.huiqi(['program', 'import', notJson, '--lang', 'en-US']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`${notJson} is not valid JSON`);
    const unknown = join(w.dir, 'unknown.json');
    writeFileSync(unknown, JSON.stringify({ ...SHIPPED, code: 'not-in-the-database' }));
    const missing = await w.huiqi(['program', 'import', unknown, '--lang', 'en-US']);
    expect(missing).toMatchObject({ code: 1, stderr: 'Program not found.\n' });
    expect((await w.huiqi(['program', 'import'])).code).toBe(2);
    expect((await w.huiqi(['program', 'export', 'no-such-program'])).code).toBe(1);
  });
});
