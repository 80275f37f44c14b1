// Why city-wide org search was the slowest org read, and what fixed it (the search_grams GIN column of migration
// 0004, now in orgRepo.search). Runs on a scratch copy of the loaded bench database (CREATE DATABASE … TEMPLATE,
// or a copy of the PGlite directory; dropped afterwards) from which the migration's column and index are dropped
// first, so that "btree only" is the search as it was before 0004; the results of every variant are checked
// against today's orgRepo.search on the intact copy.
//   npx tsx bench/src/search-variants.ts --db postgres [--url postgres://postgres@127.0.0.1:5432/gh_bench] [--reps 50]
//   npx tsx bench/src/search-variants.ts --db pglite [--data-dir bench/out/pglite50k]   (no pg_trgm there)
// Shapes: today's repository search (page query ∥ count query) and one scan with count(*) OVER ().
// Indexes: btree only (today); + pg_trgm GIN on name, pinyin_initials, pinyin; or a `search_grams text[]` column
// with a core GIN index (1–2-character pieces, as members.name_grams already does on both engines).
import { sql, type SQL } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database, type Db } from '../../server/src/platform/db/index.ts';
// Benchmarks measure the repository's SQL itself, so they read it directly (bench/ is outside the module boundary).
import * as orgRepo from '../../server/src/modules/orgs/orgs.repo.ts';
import { findTargets, NAME_Q, PINYIN_Q } from './targets.ts';
import {
  createPgDatabase,
  dropPgDatabase,
  fmt,
  load1,
  measurePair,
  parseArgs,
  printTable,
  timed,
  writeOut,
  type BenchArgs,
  type Stats,
} from './lib.ts';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const chars = (s: string) => [...s.normalize('NFKC').replace(/\s+/g, '').toLowerCase()];

/** Every 1- and 2-character piece of a string. */
function grams(s: string): string[] {
  const c = chars(s);
  const out = new Set(c);
  for (let i = 0; i + 1 < c.length; i++) out.add(`${c[i]}${c[i + 1]}`);
  return [...out];
}

/** The pieces a match must contain: the query itself when 1–2 characters, otherwise its bigrams. */
function queryGrams(q: string): string[] {
  const c = chars(q);
  if (c.length <= 2) return [c.join('')];
  return [...new Set(c.slice(1).map((x, i) => `${c[i]}${x}`))];
}

type Predicate = 'like' | 'grams';

/** The repository's search predicate, written out; with 'grams' the GIN containment goes in front of the LIKEs. */
function predicate(kind: Predicate, scopePath: string, q: string): SQL {
  const lower = q.toLowerCase();
  const contains = `%${escapeLike(q)}%`;
  const letters = /^[a-z]+$/.test(lower);
  const g = kind === 'grams' ? sql`search_grams @> ${sql.param(queryGrams(q))}::text[] AND ` : sql``;
  const text = letters
    ? sql`(${g}(pinyin_initials LIKE ${`%${lower}%`} OR pinyin LIKE ${`%${lower}%`} OR name LIKE ${contains}))`
    : sql`((${g}name LIKE ${contains}) OR uscc = ${q.toUpperCase()})`;
  return sql`path LIKE ${`${scopePath}%`} AND ${text}`;
}

const pageSql = (w: SQL) => sql`
  SELECT o.id, (SELECT count(*)::int FROM orgs c WHERE c.parent_id = o.id) AS child_count FROM orgs o WHERE ${w}
  ORDER BY depth, pinyin, id LIMIT 20`;

/** Today's shape: the page and the total as two queries on two pooled connections. */
async function pageAndCount(db: Db, kind: Predicate, scopePath: string, q: string) {
  const w = predicate(kind, scopePath, q);
  const [page, count] = await Promise.all([
    db.execute<{ id: number }>(pageSql(w)),
    db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orgs WHERE ${w}`),
  ]);
  return { ids: page.rows.map((r) => r.id), total: count.rows[0]?.n ?? 0 };
}

/** Page and total from one scan: the window count is taken before LIMIT, child counts only for the page. */
async function oneScan(db: Db, kind: Predicate, scopePath: string, q: string) {
  const res = await db.execute<{ id: number; total: number }>(sql`
    SELECT s.*, (SELECT count(*)::int FROM orgs c WHERE c.parent_id = s.id) AS child_count
    FROM (SELECT o.*, count(*) OVER ()::int AS total FROM orgs o WHERE ${predicate(kind, scopePath, q)}
          ORDER BY depth, pinyin, id LIMIT 20) s
    ORDER BY s.depth, s.pinyin, s.id`);
  return { ids: res.rows.map((r) => r.id), total: res.rows[0]?.total ?? 0 };
}

async function addGrams(db: Db): Promise<void> {
  await db.execute(sql`ALTER TABLE orgs ADD COLUMN search_grams text[] NOT NULL DEFAULT '{}'`);
  const rows = (
    await db.execute<{ id: number; name: string; pinyin: string; pinyin_initials: string }>(
      sql`SELECT id, name, pinyin, pinyin_initials FROM orgs`,
    )
  ).rows;
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000);
    const ids = part.map((r) => r.id);
    const values = part.map(
      (r) =>
        `{${[...new Set([...grams(r.name), ...grams(r.pinyin_initials), ...grams(r.pinyin)])].map((x) => JSON.stringify(x)).join(',')}}`,
    );
    await db.execute(
      sql`UPDATE orgs o SET search_grams = v.g::text[] FROM unnest(${sql.param(ids)}::int[], ${sql.param(values)}::text[]) AS v(id, g) WHERE o.id = v.id`,
    );
  }
  await db.execute(sql`CREATE INDEX orgs_search_grams_gin ON orgs USING gin (search_grams)`);
  await db.execute(sql`VACUUM ANALYZE orgs`);
}

/** A throw-away copy of the loaded bench database: CREATE DATABASE … TEMPLATE, or a copy of the PGlite directory. */
async function openScratch(args: BenchArgs): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (args.db === 'pglite') {
    const dir = `${args.dataDir}-search`;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(args.dataDir, dir, { recursive: true, filter: (f) => path.basename(f) !== 'gonghui.lock' });
    const database = await openDatabase({ dataDir: dir });
    return { database, drop: async () => (await database.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const source = new URL(args.url).pathname.slice(1);
  const scratchUrl = Object.assign(new URL(args.url), { pathname: `/${source}_search` }).toString();
  await dropPgDatabase(scratchUrl);
  await createPgDatabase(scratchUrl, source);
  const database = await openDatabase({ databaseUrl: scratchUrl });
  database.pool.on('error', () => undefined); // idle connections die when the scratch database is dropped
  return { database, drop: async () => (await database.close(), await dropPgDatabase(scratchUrl)) };
}

async function main() {
  const args = parseArgs();
  const scratch = await openScratch(args);
  const database = scratch.database;
  const results: { indexes: string; variant: string; query: string; total: number; stats: Stats }[] = [];
  const sizes: { index: string; size: string }[] = [];
  try {
    const { db } = database;
    await database.pool.query('VACUUM ANALYZE orgs');
    const t = await findTargets(db);
    const queries: [string, string, string][] = [
      [`"${NAME_Q}" in district`, t.district.path, NAME_Q],
      [`"${NAME_Q}" in city`, t.root.path, NAME_Q],
      [`"${PINYIN_Q}" in city`, t.root.path, PINYIN_Q],
      ['"华信电子" in city', t.root.path, '华信电子'],
      ['"hxdz" in city', t.root.path, 'hxdz'],
      ['"huaxin" in city', t.root.path, 'huaxin'],
    ];
    // Reference results from today's repository search, then back to the state before migration 0004.
    const reference = new Map<string, { total: number; ids: number[] }>();
    for (const [label, scope, q] of queries) {
      const r = await orgRepo.search(db, { scopePath: scope, q }, 1, 20);
      reference.set(label, { total: r.total, ids: r.items.map((o) => o.id) });
    }
    await db.execute(sql`DROP INDEX IF EXISTS orgs_search_grams_idx`);
    await db.execute(sql`ALTER TABLE orgs DROP COLUMN IF EXISTS search_grams`);
    await database.pool.query('VACUUM ANALYZE orgs');
    const run = async (indexes: string, kind: Predicate) => {
      for (const [label, scope, q] of queries) {
        const ref = reference.get(label);
        if (!ref) throw new Error(`no reference for ${label}`);
        const today = { total: ref.total, items: ref.ids.map((id) => ({ id })) };
        for (const v of [await pageAndCount(db, kind, scope, q), await oneScan(db, kind, scope, q)]) {
          if (v.total !== today.total || v.ids.join() !== today.items.map((o) => o.id).join())
            throw new Error(`${indexes}: ${label} differs from orgRepo.search`);
        }
        if (args.explain && label.includes('city') && [...q].length === 2) {
          const plan = await db.execute<{ 'QUERY PLAN': string }>(
            sql`EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM orgs WHERE ${predicate(kind, scope, q)}`,
          );
          process.stdout.write(`-- ${indexes}, count for ${label}\n${plan.rows.map((r) => `   ${r['QUERY PLAN']}`).join('\n')}\n`);
        }
        // Interleaved so that machine noise hits both shapes alike.
        const [a, b] = await measurePair(
          async () => (await pageAndCount(db, kind, scope, q)).total,
          async () => (await oneScan(db, kind, scope, q)).total,
          args.reps,
          args.warmup,
        );
        results.push({
          indexes,
          variant: kind === 'like' ? 'before 0004 (page ∥ count)' : 'page ∥ count',
          query: label,
          total: a.last,
          stats: a.stats,
        });
        results.push({ indexes, variant: 'one scan, count(*) OVER ()', query: label, total: b.last, stats: b.stats });
        process.stdout.write(`  ${indexes} ${label}: ${fmt(a.stats.median)} → ${fmt(b.stats.median)} ms\n`);
      }
    };
    const sizeOf = async (names: string[]) => {
      for (const n of names) {
        const r = await db.execute<{ size: string }>(sql`SELECT pg_size_pretty(pg_relation_size(${n}::regclass)) AS size`);
        sizes.push({ index: n, size: r.rows[0]?.size ?? '?' });
      }
    };
    await sizeOf(['orgs', 'orgs_path_uq', 'orgs_parent_sort_idx']);
    await run('btree only', 'like');
    // PGlite: the app's child process loads no extensions, so there is no pg_trgm to try.
    const trgm = await timed(async () => {
      if (args.db === 'pglite') return;
      await db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      await db.execute(sql`CREATE INDEX orgs_name_trgm ON orgs USING gin (name gin_trgm_ops)`);
      await db.execute(sql`CREATE INDEX orgs_pinyin_initials_trgm ON orgs USING gin (pinyin_initials gin_trgm_ops)`);
      await db.execute(sql`CREATE INDEX orgs_pinyin_trgm ON orgs USING gin (pinyin gin_trgm_ops)`);
      await db.execute(sql`ANALYZE orgs`);
    });
    if (args.db === 'postgres') {
      await sizeOf(['orgs_name_trgm', 'orgs_pinyin_initials_trgm', 'orgs_pinyin_trgm']);
      await run('+ pg_trgm GIN', 'like');
      await db.execute(sql`DROP INDEX orgs_name_trgm, orgs_pinyin_initials_trgm, orgs_pinyin_trgm`);
    }
    const gramsBuild = await timed(() => addGrams(db));
    await sizeOf(['orgs_search_grams_gin']);
    await run('+ search_grams GIN', 'grams');
    process.stdout.write(
      `\n${args.db === 'postgres' ? `pg_trgm indexes built in ${fmt(trgm.ms)} ms; ` : ''}search_grams filled and indexed in ${fmt(gramsBuild.ms)} ms\n`,
    );
  } finally {
    await scratch.drop();
  }
  printTable(
    ['relation', 'size'],
    sizes.map((s) => [s.index, s.size]),
  );
  process.stdout.write(`\n1-minute load average at end: ${load1()} (2 cores)\n`);
  printTable(
    ['indexes', 'variant', 'query', 'total', 'median ms', 'p95 ms'],
    results.map((r) => [r.indexes, r.variant, r.query, r.total, fmt(r.stats.median), fmt(r.stats.p95)]),
  );
  process.stdout.write(
    `\nwrote ${writeOut(`search-variants-${args.db}.json`, { engine: args.db, at: new Date().toISOString(), load1: load1(), reps: args.reps, sizes, results })}\n`,
  );
}

await main();
