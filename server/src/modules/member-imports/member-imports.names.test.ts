// Names and categories reach the registry intact through the staged batches, whatever characters they hold: the
// publish reads text arrays (name grams, categories) as PostgreSQL array literals, where quotes, backslashes,
// commas, braces and the word NULL mean something.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { textGrams as nameGrams } from '../../platform/text/index.ts';
import { engines, type TestDb } from '../../test/db.ts';
import type { Client } from '../../test/http.ts';
import { makeOrg, uniq } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { newId, rosterXlsx, upload, waitForImport } from '../../test/imports.ts';
import { useTestApp } from '../../test/suite.ts';

interface Listed {
  name: string;
  categories: string[];
}

describe.each(engines())('member import names on %s', (engine) => {
  let t: TestDb, app: HttpApp, admin: Client;
  useTestApp(engine, (s) => ({ t, app, admin } = s));

  /** Name search reads name_grams: each member's must be exactly the grams of its name. */
  async function expectGramsOfNames(orgId: number, names: string[]) {
    const res = await t.owner.execute<{ name: string; grams: string[] }>(
      sql`SELECT name, name_grams AS grams FROM members WHERE org_id = ${orgId}`,
    );
    expect([...res.rows].sort((a, b) => (a.name < b.name ? -1 : 1))).toEqual(
      [...names].sort().map((name) => ({ name, grams: nameGrams(name) })),
    );
  }

  it('imports and updates names with quotes, backslashes, commas, braces and NULL, searchable by name', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'grassroots', name: uniq('名字工会') });
    const names = ['O"Neil \\ Li', 'Anna, Maria {X}', 'NULL', '欧阳·娜娜'];
    const ids = names.map(() => newId());
    const header = ['姓名', '身份证号', '入会日期', '人员类别'];
    const file = await rosterXlsx({
      header,
      rows: names.map((n, i) => [n, ids[i] ?? '', '2023-06-20', i === 1 ? '农民工、劳务派遣' : '']),
    });
    const first = await waitForImport(app, admin, (await upload(app, admin, org.id, file)).body.id);
    expect(first).toMatchObject({ status: 'succeeded', imported: 4, errorCount: 0 });

    const list = async (q?: string) =>
      (await admin.get(`/api/v1/members?orgId=${org.id}&pageSize=50${q ? `&q=${encodeURIComponent(q)}` : ''}`)).body.items as Listed[];
    const byName = Object.fromEntries((await list()).map((m) => [m.name, m]));
    expect(Object.keys(byName).sort()).toEqual([...names].sort());
    expect(byName['Anna, Maria {X}']?.categories).toEqual(['migrant', 'dispatched']);
    expect(byName['NULL']?.categories).toEqual([]);
    expect((await list('娜娜')).map((m) => m.name)).toEqual(['欧阳·娜娜']);
    await expectGramsOfNames(org.id, names);

    // The same people renamed: staged as updates, with their categories kept where the roster leaves them blank.
    const renamed = names.map((n) => `${n}\\"}`);
    const again = await rosterXlsx({ header, rows: renamed.map((n, i) => [n, ids[i] ?? '', '2023-06-20', '']) });
    const second = await waitForImport(app, admin, (await upload(app, admin, org.id, again)).body.id);
    expect(second).toMatchObject({ status: 'succeeded', imported: 0, updated: 4, errorCount: 0 });
    const after = Object.fromEntries((await list()).map((m) => [m.name, m]));
    expect(Object.keys(after).sort()).toEqual([...renamed].sort());
    expect(after['Anna, Maria {X}\\"}']?.categories).toEqual(['migrant', 'dispatched']);
    await expectGramsOfNames(org.id, renamed);
  });
});
