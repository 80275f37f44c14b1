// Adds N synthetic members to the 50,000-org city loaded by gen-orgs, through identityFields (encryption, blind
// index, masks), with their dated history 2021-01-01 … 2026-06-30 (members-history.ts: join, ~6 % quit, ~3 %
// retire_keep, ~2 % transferred, written as the member services write them), one bulk statement per --batch
// rows in short transactions, then VACUUM ANALYZE. Resumable: a rerun continues after the members present.
//   npx tsx bench/src/members-gen.ts --db postgres [--url …] [--n 2000000] [--batch 5000] [--fresh] [--keep-indexes]
//   npx tsx bench/src/members-gen.ts --db pglite --data-dir bench/out/pglite50k [--n 100000]
// On PostgreSQL the secondary indexes of members/member_events are dropped for the load and rebuilt from their
// saved definitions afterwards (--keep-indexes loads with them in place).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { runMigrations, type Db } from '../../server/src/platform/db/index.ts';
import { cardNoOf, cipherFields, identityFields, nextMemberIds } from '../../server/src/modules/members/index.ts';
import { eventsHaveDimensions, historyOf, insertMembersWithHistory, type HistoryTuple, type Union } from './members-history.ts';
import { openBenchDb } from './db.ts';
import { personOf } from './members-people.ts';
import { benchCrypto } from './members-crypto.ts';
import { load1, OUT_DIR, parseArgs, takeFlag, takeOpt, writeOut } from './lib.ts';

const argv = process.argv.slice(2);
const nOpt = takeOpt(argv, 'n');
const batchOpt = takeOpt(argv, 'batch');
const keepIdx = takeFlag(argv, 'keep-indexes');
const args = parseArgs(argv);
const N = Number(nOpt ?? (args.db === 'postgres' ? 2_000_000 : 100_000));
const BATCH = Number(batchOpt ?? 5000);
const IDX_FILE = path.join(OUT_DIR, `members-gen-indexes-${args.db}.json`);

/** Active grassroots unions in a seeded shuffle; position k gets weight ∝ density of u², so a few are large. */
async function unions(db: Db, seed: number): Promise<Union[]> {
  const rows = (
    await db.execute<{ id: number; path: string; founded_at: string }>(
      sql`SELECT id, path, founded_at::text AS founded_at FROM orgs WHERE level = 'grassroots' AND status = 'active' ORDER BY id`,
    )
  ).rows;
  let a = seed;
  const rand = () => (a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 4294967296;
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const [x, y] = [rows[i], rows[j]];
    if (x && y) [rows[i], rows[j]] = [y, x];
  }
  return rows.map((r) => ({ id: Number(r.id), path: r.path, foundedAt: r.founded_at }));
}

const STATUS = { active: 'active', transfer: 'active', quit: 'left', retire_keep: 'retained' } as const;

function tupleOf(i: number, id: number, us: Union[]): HistoryTuple {
  const p = personOf(args.seed, i);
  const { fields: f, secret } = identityFields(benchCrypto, { name: p.name, idNumber: p.idNumber, phone: p.phone });
  const sealed = cipherFields(benchCrypto, id, secret);
  const birthDate = `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`;
  const h = historyOf(args.seed, i, us, p.unionU, birthDate);
  const leaves = h.fate === 'quit' || h.fate === 'retire_keep';
  return [
    id,
    h.org.id,
    h.org.path,
    f.name,
    f.namePinyin,
    f.nameInitials,
    f.nameGrams,
    sealed.idCipher,
    f.idHash,
    f.idMasked,
    sealed.phoneCipher,
    f.phoneHash,
    f.phoneMasked,
    f.gender,
    f.birthYear,
    h.joinedAt,
    p.categories,
    cardNoOf(id),
    h.joinOrg.id,
    STATUS[h.fate],
    leaves && h.date ? h.date : h.joinedAt,
    h.fate === 'active' ? null : h.fate,
    h.date,
  ];
}

async function dropIndexes(database: Awaited<ReturnType<typeof openBenchDb>>): Promise<void> {
  const defs = (
    await database.pool.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
       WHERE i.tablename IN ('members', 'member_events') AND NOT x.indisprimary`,
    )
  ).rows;
  if (defs.length === 0) return;
  const saved = fs.existsSync(IDX_FILE) ? (JSON.parse(fs.readFileSync(IDX_FILE, 'utf8')) as { name: string; def: string }[]) : [];
  const merged = [...saved.filter((s) => !defs.some((d) => d.name === s.name)), ...defs];
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.writeFileSync(IDX_FILE, JSON.stringify(merged, null, 2));
  for (const d of defs) await database.pool.query(`DROP INDEX IF EXISTS ${d.name}`);
}

async function restoreIndexes(database: Awaited<ReturnType<typeof openBenchDb>>): Promise<number> {
  if (!fs.existsSync(IDX_FILE)) return 0;
  const defs = JSON.parse(fs.readFileSync(IDX_FILE, 'utf8')) as { name: string; def: string }[];
  const t = performance.now();
  for (const d of defs) {
    const t1 = performance.now();
    await database.pool.query(d.def.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '));
    process.stdout.write(`  index ${d.name}: ${((performance.now() - t1) / 1000).toFixed(1)} s\n`);
  }
  fs.rmSync(IDX_FILE);
  return (performance.now() - t) / 1000;
}

async function main() {
  const database = await openBenchDb({ ...args, fresh: false }, false);
  const { db } = database;
  try {
    await runMigrations(db);
    if (args.fresh) {
      await db.execute(sql`TRUNCATE case_steps, cases, member_events, member_import_rows, members CASCADE`);
      // The statistics schema keeps per-org counters of the events (TRUNCATE fires no row triggers).
      if ((await db.execute(sql`SELECT to_regclass('member_counts') AS t`)).rows[0]?.t) await db.execute(sql`TRUNCATE member_counts`);
      process.stdout.write('members-gen: --fresh: members and their events deleted\n');
    }
    const have = Number((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM members`)).rows[0]?.n ?? 0);
    const us = await unions(db, args.seed);
    const dims = await eventsHaveDimensions(db);
    const todo = Math.max(0, N - have);
    const loadStart = load1();
    process.stdout.write(
      `members-gen: ${args.db}, ${have} present, adding ${todo} to reach ${N} over ${us.length} unions, batch ${BATCH}, load ${loadStart}\n`,
    );
    const dropping = args.db === 'postgres' && !keepIdx && todo > 0;
    if (dropping) await dropIndexes(database);
    const t0 = performance.now();
    let genMs = 0;
    let pending: Promise<void> = Promise.resolve();
    for (let done = 0; done < todo;) {
      const n = Math.min(BATCH, todo - done);
      const ids = await nextMemberIds(db, n);
      const g = performance.now();
      const rows = ids.map((id, k) => tupleOf(have + done + k, id, us));
      genMs += performance.now() - g;
      await pending; // one insert in flight while the next batch is built (PGlite serialises anyway)
      pending = db.transaction(async (tx) => insertMembersWithHistory(tx, rows, dims));
      done += n;
      if (done % (BATCH * 20) === 0 || done === todo) {
        const s = (performance.now() - t0) / 1000;
        process.stdout.write(`  ${have + done} members, ${Math.round(done / s)} rows/s, ${s.toFixed(0)} s, load ${load1()}\n`);
      }
    }
    await pending;
    const loadS = (performance.now() - t0) / 1000;
    const indexS = args.db === 'postgres' ? await restoreIndexes(database) : 0;
    const tv = performance.now();
    await database.pool.query('VACUUM ANALYZE members');
    await database.pool.query('VACUUM ANALYZE member_events');
    const vacuumS = (performance.now() - tv) / 1000;
    const totalS = (performance.now() - t0) / 1000;
    const history = (
      await db.execute<{ type: string; n: number; first: string; last: string }>(
        sql`SELECT type, count(*)::int AS n, min(date)::text AS first, max(date)::text AS last FROM member_events GROUP BY type ORDER BY type`,
      )
    ).rows;
    const statuses = (
      await db.execute<{ status: string; n: number }>(sql`SELECT status, count(*)::int AS n FROM members GROUP BY status ORDER BY status`)
    ).rows;
    const size =
      args.db === 'postgres'
        ? (await db.execute<{ s: string }>(sql`SELECT pg_size_pretty(pg_total_relation_size('members')) AS s`)).rows[0]?.s
        : '?';
    const r = {
      engine: args.db,
      n: N,
      added: todo,
      batch: BATCH,
      droppedIndexes: dropping,
      loadS,
      rowsPerS: Math.round(todo / loadS),
      genCpuS: genMs / 1000,
      indexS,
      vacuumS,
      totalS,
      membersSize: size,
      memberEvents: history,
      statuses,
      load1: [loadStart, load1()],
    };
    process.stdout.write(`${JSON.stringify(r)}\nwrote ${writeOut(`members-gen-${args.db}.json`, r)}\n`);
  } finally {
    await database.close();
  }
}

await main();
