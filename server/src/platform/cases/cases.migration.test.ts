// Migration 0021 moves the old member_transfers rows into cases and case_steps (ids kept, numbers per year,
// counters continued) before 0022 drops the table. Run against a database migrated up to 0020 with legacy rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { openDatabase, runMigrations, type Database } from '../db/index.ts';
import * as repo from './cases.repo.ts';

const realFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

describe('migrating member_transfers into cases (PGlite)', () => {
  let database: Database;
  let folder: string;
  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-mig-'));
    fs.cpSync(realFolder, folder, { recursive: true });
    const journalPath = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const upTo = journal.entries.findIndex((e) => e.tag.startsWith('0021_'));
    fs.writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
    database = await openDatabase({ dataDir: ':memory:' });
    await migrate(database.db, { migrationsFolder: folder });
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('keeps ids, maps statuses, writes the timeline and continues the numbering', async () => {
    const db = database.db;
    await db.execute(sql`INSERT INTO orgs (id, parent_id, path, depth, name, pinyin, pinyin_initials, level, kind) VALUES
      (1, NULL, '1.', 0, '市总工会', 'shi', 's', 'city', 'other'),
      (2, 1, '1.2.', 1, '甲工会', 'jia', 'j', 'grassroots', 'other'),
      (3, 1, '1.3.', 1, '乙工会', 'yi', 'y', 'grassroots', 'other')`);
    await db.execute(sql`INSERT INTO users (id, org_id, username, display_name, password_hash, roles) VALUES
      (10, 2, 'sender', '王发起', 'x', '{org_admin}'), (11, 3, 'receiver', NULL, 'x', '{org_admin}')`);
    const member = (
      id: number,
      name: string,
    ) => sql`INSERT INTO members (id, org_id, org_path, name, name_pinyin, name_initials, name_grams,
      id_cipher, id_hash, id_masked, gender, birth_year, joined_at, card_no)
      VALUES (${id}, 2, '1.2.', ${name}, 'x', 'x', '{}', 'c', ${`h${id}`}, '320***********123X', 'male', 1990, '2019-01-01', ${`C${id}`})`;
    await db.execute(member(100, '张三丰'));
    await db.execute(member(101, '李四'));
    await db.execute(member(102, '王五'));
    await db.execute(sql`INSERT INTO member_transfers (id, member_id, from_org_id, to_org_id, status, date, reason, requested_by, decided_by, created_at, decided_at) VALUES
      (7, 100, 2, 3, 'accepted', '2025-06-01', '调动', 10, 11, '2025-06-01T02:00:00Z', '2025-06-03T02:00:00Z'),
      (8, 101, 2, 3, 'cancelled', '2026-03-01', NULL, 10, 10, '2026-03-01T02:00:00Z', '2026-03-02T02:00:00Z'),
      (9, 102, 2, 3, 'pending', '2026-04-01', '借调', 10, NULL, '2026-04-01T02:00:00Z', NULL)`);

    await runMigrations(db);

    const cases = await db.execute(
      sql`SELECT id, number, status, open, version, org_path, target_org_path, subject, title, payload, due_at IS NOT NULL AS has_due FROM cases ORDER BY id`,
    );
    expect(cases.rows).toEqual([
      {
        id: 7,
        number: 'JZ-2025-000001',
        status: 'accepted',
        open: false,
        version: 2,
        org_path: '1.2.',
        target_org_path: '1.3.',
        subject: 'member:100',
        title: '会员接转：张*丰（甲工会 → 乙工会）',
        payload: { memberId: 100, date: '2025-06-01', reason: '调动' },
        has_due: false,
      },
      {
        id: 8,
        number: 'JZ-2026-000001',
        status: 'withdrawn',
        open: false,
        version: 2,
        org_path: '1.2.',
        target_org_path: '1.3.',
        subject: 'member:101',
        title: '会员接转：李*（甲工会 → 乙工会）',
        payload: { memberId: 101, date: '2026-03-01', reason: null },
        has_due: false,
      },
      {
        id: 9,
        number: 'JZ-2026-000002',
        status: 'pending',
        open: true,
        version: 1,
        org_path: '1.2.',
        target_org_path: '1.3.',
        subject: 'member:102',
        title: '会员接转：王*（甲工会 → 乙工会）',
        payload: { memberId: 102, date: '2026-04-01', reason: '借调' },
        has_due: true,
      },
    ]);
    const steps = await db.execute(
      sql`SELECT case_id, action, from_status, to_status, actor_name, actor_org_name, opinion FROM case_steps ORDER BY case_id, at, id`,
    );
    expect(steps.rows).toEqual([
      {
        case_id: 7,
        action: 'submit',
        from_status: null,
        to_status: 'pending',
        actor_name: '王发起',
        actor_org_name: '甲工会',
        opinion: '调动',
      },
      {
        case_id: 7,
        action: 'accept',
        from_status: 'pending',
        to_status: 'accepted',
        actor_name: 'receiver',
        actor_org_name: '乙工会',
        opinion: null,
      },
      {
        case_id: 8,
        action: 'submit',
        from_status: null,
        to_status: 'pending',
        actor_name: '王发起',
        actor_org_name: '甲工会',
        opinion: null,
      },
      {
        case_id: 8,
        action: 'withdraw',
        from_status: 'pending',
        to_status: 'withdrawn',
        actor_name: '王发起',
        actor_org_name: '甲工会',
        opinion: null,
      },
      {
        case_id: 9,
        action: 'submit',
        from_status: null,
        to_status: 'pending',
        actor_name: '王发起',
        actor_org_name: '甲工会',
        opinion: '借调',
      },
    ]);
    expect(await repo.nextNumber(db, 'member_transfer', 2026)).toBe(3);
    const next = await db.execute(
      sql`INSERT INTO cases (type, number, year, org_id, org_path, status, open, title) VALUES ('x', 'X-1', 2026, 1, '1.', 's', false, 't') RETURNING id`,
    );
    expect(next.rows[0]?.id).toBe(10);
    const old = await db.execute(sql`SELECT to_regclass('member_transfers') AS t`);
    expect(old.rows[0]?.t).toBeNull();
  });
});
