// Adds the issue-10 帮扶 data to the 50,000-org city loaded by gen-orgs, in bulk SQL (INSERT … SELECT from
// generate_series, one statement per table and batch), not through the API:
//   - ~200 campaigns 2026 (4 by the city, 4 per district, ~1 per street: 送温暖 / 送清凉 / 金秋助学 / 救灾);
//   - --files hardship files (cases + hardship_files + hardship_events): tiers, causes, registrations spread over
//     2025-01-01 … 2026-12-01, ~10 % exited, reviews a year after registration (some changing the tier), a few drafts,
//     submitted and rejected files;
//   - --entries assistance entries (cases + assistance_entries + ledger_entries for the paid and reversed cash ones,
//     with the counter-entry of each reversal): kinds, fund sources, ~30 % in a campaign of the entry's line, dates
//     and paid dates over 2026, ~93 % paid. People are shared: entry i goes to person i mod (0.35 × entries), and
//     person p < files is the household of hardship file p (same org, same ID blind index, linked by hardship_file_id).
// Encrypted columns hold placeholder ciphertext of the real shape (`v2:0:` + base64 of the right length): the measured
// reads never decrypt. No case_steps and no audit rows are written (the reads do not touch them).
// Then VACUUM ANALYZE of the tables written.
//   npx tsx bench/src/gen-orgs.ts --db postgres --url postgres://postgres@127.0.0.1:5432/gh_assist --fresh
//   npx tsx bench/src/assistance-gen.ts --url postgres://postgres@127.0.0.1:5432/gh_assist [--files 200000]
//     [--entries 2000000] [--batch 250000] [--fresh]
// --fresh deletes the 帮扶 rows (and every case and ledger entry) first; without it the database must hold none.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { runMigrations } from '../../server/src/platform/db/index.ts';
import { openBenchDb } from './db.ts';
import { load1, parseArgs, printTable, takeOpt, writeOut } from './lib.ts';

const argv = process.argv.slice(2);
const FILES = Number(takeOpt(argv, 'files') ?? 200_000);
const ENTRIES = Number(takeOpt(argv, 'entries') ?? 2_000_000);
const BATCH = Number(takeOpt(argv, 'batch') ?? 250_000);
const args = parseArgs(['--db', 'postgres', ...argv]);
/** Distinct people receiving assistance: each gets ~2.9 entries at full scale. */
const PEOPLE = Math.max(FILES, Math.round(ENTRIES * 0.35));
const LAST_DAY = '2026-12-05';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彩春菊凤洁梅琳素云莲真环雪荣爱香月瑞凡佳嘉琼勤珍莉婷颖露瑶怡建国志文斌海波鹏飞宇浩俊峰亮辉晨阳鑫宁欣悦';
const arr = (s: string) => `ARRAY[${[...s].map((c) => `'${c}'`).join(',')}]`;

// Session helpers (pg_temp, one connection): h(x, salt) is a deterministic non-negative hash.
const SETUP = `
CREATE FUNCTION pg_temp.h(x bigint, salt int) RETURNS int LANGUAGE sql IMMUTABLE AS
  $$ SELECT hashint8(x * 1000003 + salt) & 2147483647 $$;
CREATE FUNCTION pg_temp.pname(p bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT (${arr(SURNAMES)})[1 + pg_temp.h(p, 101) % ${[...SURNAMES].length}]
      || (${arr(GIVEN)})[1 + pg_temp.h(p, 102) % ${[...GIVEN].length}]
      || CASE WHEN pg_temp.h(p, 103) % 10 < 6 THEN (${arr(GIVEN)})[1 + pg_temp.h(p, 104) % ${[...GIVEN].length}] ELSE '' END $$;
CREATE FUNCTION pg_temp.masked(name text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT left(name, 1) || repeat('*', char_length(name) - 1) $$;
-- Placeholder ciphertext of the real shape: 'v2:0:' + base64(nonce 12 + plaintext + tag 16).
CREATE FUNCTION pg_temp.cipher(seed text, bytes int) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT 'v2:0:' || replace(encode(substr(sha512(convert_to(seed, 'UTF8')) || sha512(convert_to(seed || '.', 'UTF8')), 1, bytes), 'base64'), E'\\n', '') $$;
CREATE FUNCTION pg_temp.idhash(p bigint) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT translate(rtrim(encode(sha256(convert_to('bench-person-' || p, 'UTF8')), 'base64'), '='), '+/', '-_') $$;
CREATE FUNCTION pg_temp.idmasked(p bigint) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT '330' || repeat('*', 11) || lpad((pg_temp.h(p, 105) % 10000)::text, 4, '0') $$;
CREATE FUNCTION pg_temp.phonemasked(p bigint) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT '138****' || lpad((pg_temp.h(p, 106) % 10000)::text, 4, '0') $$;
-- Active grassroots unions, numbered; a person's union is g[h(p, 1) % count].
CREATE TEMP TABLE g AS
  SELECT (row_number() OVER (ORDER BY o.id) - 1)::int AS n, o.id, o.path, o.name, p.id AS parent_id, p.path AS parent_path,
    split_part(o.path, '.', 2)::int AS district_id, split_part(o.path, '.', 3)::int AS street_id
  FROM orgs o JOIN orgs p ON p.id = o.parent_id WHERE o.level = 'grassroots' AND o.status = 'active';
CREATE UNIQUE INDEX ON g (n);
CREATE TEMP TABLE kinds (k int PRIMARY KEY, kind text, label text, starts date, ends date);
INSERT INTO kinds VALUES (0, 'warmth', '春节送温暖', '2026-01-05', '2026-02-28'), (1, 'cool', '夏季送清凉', '2026-07-01', '2026-08-31'),
  (2, 'golden_autumn', '金秋助学', '2026-08-01', '2026-09-30'), (3, 'disaster', '救灾', '2026-05-01', '2026-10-31');
`;

const CAMPAIGNS = `
INSERT INTO campaigns (org_id, org_path, kind, name, starts_on, ends_on, budget_union, budget_government, budget_social, budget_enterprise, created_by, created_at)
SELECT o.id, o.path, k.kind, o.name || '2026年' || k.label || '活动', k.starts, k.ends,
  CASE o.level WHEN 'city' THEN 2000000000 WHEN 'district' THEN 300000000 ELSE 20000000 END,
  CASE o.level WHEN 'city' THEN 1000000000 WHEN 'district' THEN 100000000 ELSE 5000000 END,
  CASE o.level WHEN 'city' THEN 500000000 ELSE 10000000 END, 0, $1, k.starts - 20
FROM orgs o JOIN kinds k ON o.level IN ('city', 'district')
  OR (o.level = 'street' AND pg_temp.h(o.id, 11) % 100 < 82 AND k.k = (ARRAY[0, 1, 3])[1 + pg_temp.h(o.id, 12) % 3])
ORDER BY o.depth, o.id, k.k;
CREATE TEMP TABLE cmap AS SELECT c.org_id, k.k, c.id, c.kind FROM campaigns c JOIN kinds k ON k.kind = c.kind;
CREATE UNIQUE INDEX ON cmap (org_id, k);
`;

// Hardship files p = lo … hi-1; case id = base + 1 + p.
const FILES_BATCH = `
CREATE TEMP TABLE hf AS
SELECT x.*,
  CASE WHEN x.status IN ('active', 'review_due', 'exited') AND x.reg + 365 <= LEAST(COALESCE(x.exit_d, '${LAST_DAY}'), '${LAST_DAY}')
    THEN x.reg + 365 END AS reviewed,
  CASE WHEN pg_temp.h(x.p, 8) % 100 < 20 THEN (ARRAY['national', 'provincial', 'city', 'district'])[1 + pg_temp.h(x.p, 9) % 4] ELSE x.tier0 END AS tier1
FROM (
  SELECT s.p, $1::int + 1 + s.p AS case_id, u.id AS org_id, u.path AS org_path, u.name AS org_name, u.parent_id, u.parent_path,
    pg_temp.pname(s.p) AS name, st.status,
    CASE WHEN st.status IN ('active', 'review_due', 'exited') THEN DATE '2025-01-01' + pg_temp.h(s.p, 3) % 700 END AS reg,
    CASE WHEN st.status = 'exited' THEN LEAST(DATE '2025-01-01' + pg_temp.h(s.p, 3) % 700 + 30 + pg_temp.h(s.p, 4) % 300, DATE '${LAST_DAY}') END AS exit_d,
    DATE '2025-01-01' + pg_temp.h(s.p, 3) % 700 - 10 - pg_temp.h(s.p, 5) % 20 AS created,
    (ARRAY['national', 'provincial', 'provincial', 'provincial', 'city', 'city', 'city', 'city', 'city', 'city', 'city',
      'district', 'district', 'district', 'district', 'district', 'district', 'district', 'district', 'district'])[1 + pg_temp.h(s.p, 6) % 20] AS tier0,
    (ARRAY['illness', 'illness', 'illness', 'disability', 'disability', 'unemployment', 'unemployment', 'disaster', 'education',
      'education', 'single_parent', 'accident', 'other'])[1 + pg_temp.h(s.p, 7) % 13] AS cause1
  FROM generate_series($2::int, $3::int - 1) AS s(p)
  CROSS JOIN LATERAL (SELECT CASE WHEN w.v < 20 THEN 'draft' WHEN w.v < 40 THEN 'submitted' WHEN w.v < 55 THEN 'rejected'
    WHEN w.v < 155 THEN 'exited' WHEN w.v < 185 THEN 'review_due' ELSE 'active' END AS status FROM (SELECT pg_temp.h(s.p, 2) % 1000 AS v) w) st
  JOIN g u ON u.n = pg_temp.h(s.p, 1) % $4::int
) x;
INSERT INTO cases (id, type, number, year, org_id, org_path, target_org_id, target_org_path, status, open, version, title, payload, created_by, created_at, updated_at)
SELECT case_id, 'hardship_file', 'KN-' || extract(year FROM created) || '-' || lpad((p + 1)::text, GREATEST(6, length((p + 1)::text)), '0'),
  extract(year FROM created), org_id, org_path, parent_id, parent_path, status, status IN ('draft', 'submitted', 'active', 'review_due'),
  CASE status WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 WHEN 'rejected' THEN 3 WHEN 'exited' THEN 5 ELSE 4 END,
  '困难职工建档：' || pg_temp.masked(name) || '（' || org_name || '）', '{}'::jsonb, $5, created, COALESCE(exit_d, reviewed, reg, created)
FROM hf;
INSERT INTO hardship_files (case_id, org_path, name, id_cipher, id_hash, id_masked, phone_cipher, phone_masked, household_size, income_per_head, causes, tier,
  status, registered_at, reviewed_at, next_review_at, exited_at, exit_reason, created_at, updated_at)
SELECT case_id, org_path, name, pg_temp.cipher('hid' || p, 46), pg_temp.idhash(p), pg_temp.idmasked(p), pg_temp.cipher('hph' || p, 39), pg_temp.phonemasked(p),
  1 + pg_temp.h(p, 20) % 5, 30000 + pg_temp.h(p, 21) % 90000,
  CASE WHEN pg_temp.h(p, 22) % 3 = 0 THEN ARRAY[cause1, CASE WHEN cause1 = 'other' THEN 'illness' ELSE 'other' END] ELSE ARRAY[cause1] END,
  COALESCE(CASE WHEN reviewed IS NOT NULL THEN tier1 END, tier0), status, reg, reviewed,
  CASE WHEN status IN ('active', 'review_due') THEN COALESCE(reviewed, reg) + 365 END, exit_d,
  CASE WHEN exit_d IS NOT NULL THEN (ARRAY['家庭收入提高，已脱困', '子女就业，收入稳定', '疾病治愈，恢复工作'])[1 + pg_temp.h(p, 23) % 3] END,
  created, COALESCE(exit_d, reviewed, reg, created)
FROM hf;
INSERT INTO hardship_events (case_id, type, date, tier, created_at)
SELECT case_id, 'registered', reg, tier0, reg FROM hf WHERE reg IS NOT NULL
UNION ALL SELECT case_id, 'reviewed', reviewed, tier1, reviewed FROM hf WHERE reviewed IS NOT NULL
UNION ALL SELECT case_id, 'exited', exit_d, COALESCE(CASE WHEN reviewed IS NOT NULL THEN tier1 END, tier0), exit_d FROM hf WHERE exit_d IS NOT NULL;
DROP TABLE hf;
`;

// Assistance entries i = lo … hi-1; case id = base + 1 + i; person p = i mod PEOPLE, round r = i / PEOPLE: a person's
// campaign kind differs in every round, so nobody is twice in one campaign.
const ENTRIES_BATCH = `
CREATE TEMP TABLE ae AS
SELECT y.*,
  CASE WHEN y.status IN ('paid', 'reversed') THEN LEAST(y.d + pg_temp.h(y.i, 40) % 10, DATE '${LAST_DAY}') END AS paid_at
FROM (
  SELECT x.*,
    CASE WHEN x.campaign_id IS NOT NULL THEN x.starts + pg_temp.h(x.i, 34) % (x.ends - x.starts + 1)
      ELSE DATE '2026-01-01' + pg_temp.h(x.i, 34) % (DATE '${LAST_DAY}' - DATE '2026-01-01' - 5) END AS d,
    CASE WHEN x.kind0 = 'condolence' AND x.campaign_id IS NULL AND pg_temp.h(x.i, 36) % 4 = 0 THEN 0
      ELSE (CASE x.kind0 WHEN 'condolence' THEN 3 + pg_temp.h(x.i, 35) % 8 WHEN 'education' THEN 10 + pg_temp.h(x.i, 35) % 41
        WHEN 'medical' THEN 10 + pg_temp.h(x.i, 35) % 191 ELSE 5 + pg_temp.h(x.i, 35) % 46 END) * 10000 END AS amount,
    CASE WHEN x.kind0 = 'condolence' THEN (1 + pg_temp.h(x.i, 37) % 6) * 5000 WHEN pg_temp.h(x.i, 37) % 10 = 0 THEN 20000 ELSE 0 END AS goods
  FROM (
    SELECT s.i, $1::int + 1 + s.i AS id, s.i % $2::int AS p, u.id AS org_id, u.path AS org_path, pg_temp.pname(s.i % $2::int) AS name,
      CASE WHEN s.i % $2::int < $3::int AND pg_temp.h(s.i % $2::int, 2) % 1000 >= 55 THEN $4::int + 1 + s.i % $2::int END AS hardship_file_id,
      c.id AS campaign_id, c.kind AS campaign_kind, c.org_id AS campaign_org, k.starts, k.ends,
      CASE WHEN c.kind IN ('warmth', 'cool') THEN 'condolence' WHEN c.kind = 'golden_autumn' THEN 'education' WHEN c.kind = 'disaster' THEN 'temporary'
        ELSE (ARRAY['living', 'living', 'living', 'medical', 'medical', 'education', 'temporary', 'temporary', 'condolence', 'other'])[1 + pg_temp.h(s.i, 32) % 10] END AS kind0,
      (ARRAY['union', 'union', 'union', 'union', 'union', 'union', 'union', 'union', 'union', 'union', 'union', 'government', 'government',
        'government', 'government', 'social', 'social', 'social', 'enterprise', 'enterprise'])[1 + pg_temp.h(s.i, 33) % 20] AS fund_source,
      CASE WHEN v.v < 20 THEN 'requested' WHEN v.v < 40 THEN 'approved' WHEN v.v < 55 THEN 'cancelled' WHEN v.v < 65 THEN 'reversed' ELSE 'paid' END AS status
    FROM generate_series($5::int, $6::int - 1) AS s(i)
    JOIN g u ON u.n = pg_temp.h(s.i % $2::int, 1) % $7::int
    CROSS JOIN LATERAL (SELECT pg_temp.h(s.i, 39) % 1000 AS v) v
    CROSS JOIN LATERAL (SELECT pg_temp.h(s.i, 30) % 100 < 30 AS inc, (s.i / $2::int + pg_temp.h(s.i % $2::int, 31)) % 4 AS k, pg_temp.h(s.i, 38) % 100 AS lv) q
    LEFT JOIN kinds k ON q.inc AND k.k = q.k
    LEFT JOIN cmap cs ON q.inc AND q.lv >= 70 AND cs.org_id = u.street_id AND cs.k = q.k
    LEFT JOIN cmap cd ON q.inc AND q.lv >= 35 AND cd.org_id = u.district_id AND cd.k = q.k
    LEFT JOIN cmap cc ON q.inc AND cc.org_id = $8::int AND cc.k = q.k
    LEFT JOIN campaigns c ON c.id = COALESCE(cs.id, cd.id, cc.id)
  ) x
) y;
INSERT INTO cases (id, type, number, year, org_id, org_path, target_org_id, target_org_path, status, open, version, title, payload, created_by, created_at, updated_at)
SELECT a.id, 'assistance', 'BF-2026-' || lpad((a.i + 1)::text, GREATEST(6, length((a.i + 1)::text)), '0'), 2026, a.org_id, a.org_path,
  COALESCE(a.campaign_org, a.org_id), COALESCE(c.org_path, a.org_path), a.status, a.status IN ('requested', 'approved'),
  CASE a.status WHEN 'requested' THEN 1 WHEN 'approved' THEN 2 WHEN 'paid' THEN 3 WHEN 'cancelled' THEN 2 ELSE 4 END,
  '帮扶救助：' || pg_temp.masked(a.name), jsonb_build_object('kind', a.kind0, 'amount', a.amount, 'fundSource', a.fund_source,
    'campaignId', a.campaign_id, 'campaignKind', a.campaign_kind), $9, a.d - 3, COALESCE(a.paid_at, a.d)
FROM ae a LEFT JOIN campaigns c ON c.id = a.campaign_id;
INSERT INTO assistance_entries (id, org_id, org_path, name, id_cipher, id_hash, id_masked, phone_cipher, phone_masked, hardship_file_id, campaign_id, kind,
  amount_fen, goods_fen, fund_source, date, student_name, school, stage, admission_year, visiting_leader, status, paid_at, ledger_entry_id,
  reversed_at, created_at)
SELECT id, org_id, org_path, name, pg_temp.cipher('aid' || i, 46), pg_temp.idhash(p), pg_temp.idmasked(p), pg_temp.cipher('aph' || i, 39), pg_temp.phonemasked(p),
  hardship_file_id, campaign_id, kind0, amount, goods, fund_source, d,
  CASE WHEN kind0 = 'education' THEN pg_temp.pname(p + 7919) END, CASE WHEN kind0 = 'education' THEN '江州市第' || (1 + pg_temp.h(i, 41) % 30) || '中学' END,
  CASE WHEN kind0 = 'education' THEN (ARRAY['college', 'vocational', 'high_school', 'other'])[1 + pg_temp.h(i, 42) % 4] END,
  CASE WHEN kind0 = 'education' THEN 2023 + pg_temp.h(i, 43) % 4 END,
  CASE WHEN campaign_id IS NOT NULL AND kind0 = 'condolence' THEN pg_temp.pname(p + 104729) END,
  status, paid_at, CASE WHEN paid_at IS NOT NULL AND amount > 0 THEN id END,
  CASE WHEN status = 'reversed' THEN LEAST(paid_at + 7, DATE '${LAST_DAY}') END, d - 3
FROM ae;
INSERT INTO ledger_entries (id, org_id, org_path, payee_name, amount_fen, fund_source, case_type, case_id, idempotency_key, reverses_entry_id, note, created_by, created_at)
SELECT id, org_id, org_path, name, amount,
  CASE campaign_kind WHEN 'warmth' THEN 'winter_relief' WHEN 'golden_autumn' THEN 'autumn_scholarship' ELSE 'hardship_aid' END,
  'assistance', id, 'assistance:' || id, NULL, '帮扶救助 BF-2026-' || lpad((i + 1)::text, GREATEST(6, length((i + 1)::text)), '0'), $9, paid_at
FROM ae WHERE paid_at IS NOT NULL AND amount > 0
UNION ALL
SELECT 1000000000 + id, org_id, org_path, name, -amount,
  CASE campaign_kind WHEN 'warmth' THEN 'winter_relief' WHEN 'golden_autumn' THEN 'autumn_scholarship' ELSE 'hardship_aid' END,
  'assistance', id, 'reversal:' || id, id, '冲正：发放有误', $9, LEAST(paid_at + 7, DATE '${LAST_DAY}')
FROM ae WHERE status = 'reversed' AND amount > 0;
DROP TABLE ae;
`;

async function main() {
  const database = await openBenchDb({ ...args, fresh: false }, false);
  const client: pg.PoolClient = await database.pool.connect();
  // The batches are several statements in one simple query (an implicit transaction), so their integer parameters
  // are written into the text.
  const q = async <T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: number[] = []) =>
    client.query<T>(
      text.replace(/\$(\d+)(?!\$)/g, (_, n: string) => {
        const v = values[Number(n) - 1];
        if (!Number.isInteger(v)) throw new Error(`parameter $${n} missing`);
        return String(v);
      }),
    );
  const one = async (text: string) => Number(Object.values((await q(text)).rows[0] ?? {})[0] ?? 0);
  const steps: [string, number][] = [];
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    const s = (performance.now() - t) / 1000;
    steps.push([name, s]);
    process.stdout.write(`  ${name}: ${s.toFixed(1)} s, load ${load1()}\n`);
  };
  try {
    await runMigrations(database.db);
    if ((await one(`SELECT count(*) FROM orgs`)) < 50_000) throw new Error('load the city with gen-orgs first');
    if (args.fresh) {
      // The ledger refuses TRUNCATE by trigger; as the owner, with triggers off for this statement's session.
      await q(`SET session_replication_role = replica`);
      await q(
        `TRUNCATE hardship_events, hardship_files, assistance_entries, assistance_month_sums, campaigns, ledger_entries, case_steps, cases CASCADE`,
      );
      await q(`DELETE FROM case_counters WHERE type IN ('hardship_file', 'assistance')`);
      await q(`SET session_replication_role = origin`);
    }
    if ((await one(`SELECT count(*) FROM hardship_files`)) + (await one(`SELECT count(*) FROM assistance_entries`)) > 0)
      throw new Error('the database already holds 帮扶 rows: rerun with --fresh');
    const admin = await one(`SELECT id FROM users WHERE username = 'admin'`);
    const city = await one(`SELECT id FROM orgs WHERE depth = 0`);
    const loadStart = load1();
    process.stdout.write(
      `assistance-gen: ${FILES} hardship files, ${ENTRIES} assistance entries (${PEOPLE} people), batch ${BATCH}, load ${loadStart}\n`,
    );
    const t0 = performance.now();
    await q(SETUP);
    const unions = await one(`SELECT count(*) FROM g`);
    await step('campaigns', () => q(CAMPAIGNS, [admin]));
    const base = await one(`SELECT COALESCE(max(id), 0) FROM cases`);
    const fileBase = base;
    const entryBase = base + FILES;
    for (let lo = 0; lo < FILES; lo += BATCH) {
      const hi = Math.min(FILES, lo + BATCH);
      await step(`hardship files ${lo}…${hi - 1}`, () => q(FILES_BATCH, [fileBase, lo, hi, unions, admin]));
    }
    // The month sums' row trigger is off during the bulk insert; the sums are rebuilt in one statement afterwards.
    await q(`ALTER TABLE assistance_entries DISABLE TRIGGER assistance_month_sums_ins`);
    try {
      for (let lo = 0; lo < ENTRIES; lo += BATCH) {
        const hi = Math.min(ENTRIES, lo + BATCH);
        await step(`assistance entries ${lo}…${hi - 1}`, () =>
          q(ENTRIES_BATCH, [entryBase, PEOPLE, FILES, fileBase, lo, hi, unions, city, admin]),
        );
      }
    } finally {
      await q(`ALTER TABLE assistance_entries ENABLE TRIGGER assistance_month_sums_ins`);
    }
    await step('assistance month sums', () => q(`SELECT assistance_month_sums_rebuild()`));
    await step('sequences and case counters', async () => {
      await q(`SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT max(id) FROM cases))`);
      await q(`SELECT setval(pg_get_serial_sequence('ledger_entries', 'id'), (SELECT max(id) FROM ledger_entries))`);
      await q(`INSERT INTO case_counters (type, year, last) SELECT type, year, max(substr(number, 9)::int) FROM cases
        WHERE type IN ('hardship_file', 'assistance') GROUP BY 1, 2 ON CONFLICT (type, year) DO UPDATE SET last = EXCLUDED.last`);
    });
    const genS = (performance.now() - t0) / 1000;
    await step('VACUUM ANALYZE', async () => {
      for (const t of [
        'cases',
        'hardship_files',
        'hardship_events',
        'campaigns',
        'assistance_entries',
        'assistance_month_sums',
        'ledger_entries',
      ])
        await q(`VACUUM ANALYZE ${t}`);
    });
    const totalS = (performance.now() - t0) / 1000;
    const count = (t: string, where = '') => one(`SELECT count(*) FROM ${t} ${where}`);
    const counts = {
      cases: await count('cases'),
      campaigns: await count('campaigns'),
      hardshipFiles: await count('hardship_files'),
      hardshipEvents: await count('hardship_events'),
      hardshipExited: await count('hardship_files', `WHERE status = 'exited'`),
      assistanceEntries: await count('assistance_entries'),
      assistancePaid: await count('assistance_entries', `WHERE status = 'paid'`),
      assistanceInCampaigns: await count('assistance_entries', `WHERE campaign_id IS NOT NULL`),
      ledgerEntries: await count('ledger_entries'),
    };
    const byStatus = (
      await q<{ t: string; status: string; n: string }>(`SELECT 'hardship' AS t, status, count(*) AS n FROM hardship_files GROUP BY 2
        UNION ALL SELECT 'assistance', status, count(*) FROM assistance_entries GROUP BY 2 ORDER BY 1, 2`)
    ).rows;
    const largest = (
      await q<{ id: number; name: string; n: string }>(
        `SELECT c.id, c.name, count(*) AS n FROM assistance_entries e JOIN campaigns c ON c.id = e.campaign_id GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 3`,
      )
    ).rows;
    const sizes = (
      await q<{ t: string; s: string }>(`SELECT t, pg_size_pretty(pg_total_relation_size(t)) AS s
        FROM unnest(ARRAY['cases', 'hardship_files', 'hardship_events', 'assistance_entries', 'ledger_entries']) AS t`)
    ).rows;
    process.stdout.write('\n');
    printTable(
      ['step', 's'],
      [...steps.map(([n, s]) => [n, s.toFixed(1)]), ['generation (SQL, before VACUUM)', genS.toFixed(1)], ['total', totalS.toFixed(1)]],
    );
    printTable(['table', 'rows / size'], [...Object.entries(counts).map(([k, v]) => [k, v]), ...sizes.map((s) => [s.t, s.s])]);
    printTable(
      ['table', 'status', 'rows'],
      byStatus.map((r) => [r.t, r.status, r.n]),
    );
    printTable(
      ['largest campaigns', 'name', 'entries'],
      largest.map((r) => [r.id, r.name, r.n]),
    );
    const r = {
      files: FILES,
      entries: ENTRIES,
      people: PEOPLE,
      batch: BATCH,
      steps,
      genS,
      totalS,
      counts,
      byStatus,
      largest,
      sizes,
      load1: [loadStart, load1()],
    };
    process.stdout.write(`wrote ${writeOut('assistance-gen-postgres.json', r)}\n`);
  } finally {
    client.release();
    await database.close();
  }
}

await main();
