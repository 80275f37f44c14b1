import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { makeOrg } from '../../test/factories.ts';
import { nameSearchFields } from './orgs.pinyin.ts';

const migration = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle/0004_org_search_grams.sql');

describe.each(engines())('org search grams on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => t?.close());

  it('the migration backfill computes the same grams as the code does for new orgs', async () => {
    const names = ['恒达机械有限公司工会', 'ＡＢＣ Logistics 工会', '绿源食品（中外合资）工会'];
    for (const name of names) await makeOrg(t.db, t.rootOrgId, { name, level: 'district' });
    const backfill = fs.readFileSync(migration, 'utf8').split('--> statement-breakpoint').pop() ?? '';
    await t.owner.execute(sql`UPDATE orgs SET search_grams = '{}'`);
    await t.owner.execute(sql.raw(backfill));
    const rows = await t.owner.execute<{ name: string; search_grams: string[] }>(sql`SELECT name, search_grams FROM orgs`);
    for (const name of names) {
      const stored = rows.rows.find((r) => r.name === name)?.search_grams ?? [];
      expect(new Set(stored), name).toEqual(new Set(nameSearchFields(name).searchGrams));
    }
  });
});
