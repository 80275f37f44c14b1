// Member registry read timings on a database loaded by gen-orgs + members-gen: the repository (SQL round trips,
// list + count(*) in parallel as the server does, and the count alone) and the same reads through HTTP
// (buildServer + app.inject) as the city admin (orgId=<district>) and as a district admin (own scope).
//   npx tsx bench/src/members-queries.ts --db postgres [--reps 50 --warmup 5] [--explain]
//   npx tsx bench/src/members-queries.ts --db pglite --data-dir bench/out/pglite50k
import { and, sql } from 'drizzle-orm';
import { runMigrations, members, type Db } from '../../server/src/platform/db/index.ts';
// Benchmarks measure the repository's SQL itself, so they read it directly (bench/ is outside the module boundary).
import * as memberRepo from '../../server/src/modules/members/members.repo.ts';
import { idHashOf } from '../../server/src/modules/members/members.record.ts';
import { buildTestApp, loginAs, type Client } from '../../server/src/test/http.ts';
import { openAppDb, openBenchDb } from './db.ts';
import { benchCrypto } from './members-crypto.ts';
import { explainMembers } from './members-explain.ts';
import { findMemberTargets, INITIALS, NAME2, type MemberTargets } from './members-targets.ts';
import {
  BENCH_ADMIN_PASSWORD,
  cpuMeter,
  dbPids,
  keepPoolOpen,
  fmt,
  load1,
  measure,
  parseArgs,
  printTable,
  writeOut,
  type Stats,
} from './lib.ts';

interface Case {
  layer: string;
  name: string;
  target?: number; // ms, median
  run: () => Promise<number | string>; // the page's total, "10000+" when capped (totalExact false)
}

const LIST_MS = 20;

/** The total as the console shows it: "10000+" when the list stopped counting at COUNT_CAP. */
const shownTotal = (r: { total: number | null; totalExact: boolean }): number | string =>
  r.total === null ? 'not counted' : r.totalExact ? r.total : `${r.total}+`;
const ID_MS = 5;

function repoCases(db: Db, t: MemberTargets): Case[] {
  const d = t.district.path;
  const c = t.root.path;
  const list = (f: memberRepo.MemberFilter, page: number, after?: number) => async () =>
    shownTotal(await memberRepo.list(db, f, { page, pageSize: 20, after }));
  const count = (f: memberRepo.MemberFilter) => async () =>
    Number(
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(members)
          .where(and(memberRepo.memberWhere(f)))
      ).at(0)?.n ?? -1,
    );
  // What the list sends since the count cap: count(*) over at most COUNT_CAP + 1 matching rows.
  const capped = (f: memberRepo.MemberFilter) => async () =>
    Number(
      (
        await db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM members WHERE ${memberRepo.memberWhere(f)} LIMIT ${memberRepo.COUNT_CAP + 1}) s`,
        )
      ).rows[0]?.n ?? -1,
    );
  const rowsOnly = (f: memberRepo.MemberFilter) => async () => (await memberRepo.listForExport(db, f, 20)).items.length;
  const idHash = idHashOf(benchCrypto, t.idNumber);
  return [
    { layer: 'repo', name: 'list district page 1×20 (rows + total)', target: LIST_MS, run: list({ scopePath: d }, 1) },
    { layer: 'repo', name: '  rows only (no count)', run: rowsOnly({ scopePath: d }) },
    { layer: 'repo', name: '  capped count only (as the list)', run: capped({ scopePath: d }) },
    { layer: 'repo', name: '  exact count(*) only (before the cap)', run: count({ scopePath: d }) },
    { layer: 'repo', name: 'list district keyset after page 50', target: LIST_MS, run: list({ scopePath: d }, 1, t.after50) },
    { layer: 'repo', name: 'list district OFFSET page 51', target: LIST_MS, run: list({ scopePath: d }, 51) },
    { layer: 'repo', name: `list district keyset after page ${t.deepPage}`, target: LIST_MS, run: list({ scopePath: d }, 1, t.after500) },
    { layer: 'repo', name: `list district OFFSET page ${t.deepPage}`, target: LIST_MS, run: list({ scopePath: d }, t.deepPage) },
    { layer: 'repo', name: 'list city page 1×20 (rows + total)', target: LIST_MS, run: list({ scopePath: c }, 1) },
    { layer: 'repo', name: '  capped count only, city', run: capped({ scopePath: c }) },
    { layer: 'repo', name: '  exact count(*) only, city (before the cap)', run: count({ scopePath: c }) },
    { layer: 'repo', name: 'ID lookup in city scope', target: ID_MS, run: list({ scopePath: c, idHash }, 1) },
    { layer: 'repo', name: `name "${NAME2}" in district`, target: LIST_MS, run: list({ scopePath: d, q: NAME2 }, 1) },
    { layer: 'repo', name: `name "${NAME2}" in city`, target: LIST_MS, run: list({ scopePath: c, q: NAME2 }, 1) },
    { layer: 'repo', name: `  count(*) only, "${NAME2}" city`, run: count({ scopePath: c, q: NAME2 }) },
    { layer: 'repo', name: `initials "${INITIALS}" in district`, target: LIST_MS, run: list({ scopePath: d, q: INITIALS }, 1) },
    { layer: 'repo', name: `initials "${INITIALS}" in city`, target: LIST_MS, run: list({ scopePath: c, q: INITIALS }, 1) },
  ];
}

function httpCases(label: string, client: Client, t: MemberTargets, org: string): Case[] {
  const get = (qs: string) => async () => {
    const url = `/api/v1/members?${org}pageSize=20&${qs}`;
    const res = await client.get<{ total?: number; totalExact?: boolean }>(url);
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return shownTotal({ total: res.body.total ?? -1, totalExact: res.body.totalExact ?? true });
  };
  const q = encodeURIComponent;
  return [
    { layer: label, name: 'list district page 1', target: LIST_MS, run: get('page=1') },
    { layer: label, name: 'keyset after page 50', target: LIST_MS, run: get(`after=${t.after50}`) },
    { layer: label, name: `OFFSET page=${t.deepPage}`, target: LIST_MS, run: get(`page=${t.deepPage}`) },
    { layer: label, name: 'idNumber= exact', target: ID_MS, run: get(`idNumber=${t.idNumber}`) },
    { layer: label, name: `q=${NAME2} in district`, target: LIST_MS, run: get(`q=${q(NAME2)}`) },
    { layer: label, name: `q=${INITIALS} in district`, target: LIST_MS, run: get(`q=${INITIALS}`) },
  ];
}

async function main() {
  const args = parseArgs();
  const database = await openBenchDb(args, false);
  try {
    const { db } = database;
    const version = (await db.execute<{ v: string }>(sql`SELECT current_setting('server_version') AS v`)).rows[0]?.v ?? '?';
    await runMigrations(db);
    const t = await findMemberTargets(db);
    const loadStart = load1();
    process.stdout.write(
      `members-queries on ${args.db} (${version}), ${t.cityMembers} members, district ${t.district.id} ${t.district.name} with ${t.districtMembers}; ${args.reps} reps after ${args.warmup}, load ${loadStart}\n`,
    );
    if (args.explain) await explainMembers(database.pool, t);
    // The HTTP app connects as a gonghui_app login role (row-level security applies, as in production) unless
    // --as-owner; the repo-level cases keep the owner's connection (no request scope to apply).
    const appDb = args.db === 'postgres' && !args.asOwner ? await openAppDb(args) : database;
    const role = (await appDb.db.execute<{ u: string }>(sql`SELECT current_user AS u`)).rows[0]?.u;
    process.stdout.write(`app connects as ${role}\n`);
    const app = await buildTestApp(appDb.db);
    const admin = await loginAs(app, 'admin', BENCH_ADMIN_PASSWORD);
    const dAdmin = await loginAs(app, t.districtAdmin.username, t.districtAdmin.password);
    const cases = [
      ...repoCases(db, t),
      ...httpCases('http admin', admin, t, `orgId=${t.district.id}&`),
      ...httpCases('http district admin', dAdmin, t, ''),
      {
        layer: 'http admin',
        name: `q=${NAME2} city-wide`,
        target: LIST_MS,
        run: async () =>
          shownTotal(
            (await admin.get<{ total: number; totalExact: boolean }>(`/api/v1/members?pageSize=20&q=${encodeURIComponent(NAME2)}`)).body,
          ),
      },
    ];
    const results: {
      layer: string;
      name: string;
      rows: number | string;
      target: number | null;
      met: boolean | null;
      stats: Stats;
      cpu: { node: number; db: number };
    }[] = [];
    try {
      for (const c of cases) await c.run();
      // Open every pooled connection, so that the backends whose CPU time is read are the ones serving.
      keepPoolOpen(database.pool);
      await Promise.all(Array.from({ length: 10 }, () => database.pool.query('SELECT pg_sleep(0.02)')));
      const pids = await dbPids(database.pool, args.db);
      for (const c of cases) {
        const meter = cpuMeter(pids);
        const { stats, last } = await measure(c.run, args.reps, args.warmup);
        const used = meter();
        const per = (ms: number) => Math.round((ms / (args.reps + args.warmup)) * 100) / 100;
        const met = c.target === undefined ? null : stats.median <= c.target;
        results.push({
          layer: c.layer,
          name: c.name,
          rows: last,
          target: c.target ?? null,
          met,
          stats,
          cpu: { node: per(used.node), db: per(used.db) },
        });
        process.stdout.write(`  ${c.layer} ${c.name}: median ${fmt(stats.median)} ms\n`);
      }
    } finally {
      await app.close();
      if (appDb !== database) await appDb.close();
    }
    const loadEnd = load1();
    process.stdout.write(`\n1-minute load average: ${loadStart} at start, ${loadEnd} at end (2 cores)\n`);
    printTable(
      ['layer', 'case', 'total', 'median ms', 'p95 ms', 'CPU ms/call node + db', 'target', 'met'],
      results.map((r) => [
        r.layer,
        r.name,
        r.rows,
        fmt(r.stats.median),
        fmt(r.stats.p95),
        `${fmt(r.cpu.node)} + ${fmt(r.cpu.db)}`,
        r.target === null ? '' : `≤ ${r.target}`,
        r.met === null ? '' : r.met ? 'met' : 'NOT met',
      ]),
    );
    const { districtAdmin: _user, idNumber: _id, ...shown } = t;
    const file = writeOut(`members-queries-${args.db}.json`, {
      engine: args.db,
      serverVersion: version,
      at: new Date().toISOString(),
      reps: args.reps,
      warmup: args.warmup,
      load1: [loadStart, loadEnd],
      targets: shown,
      results,
    });
    process.stdout.write(`\nwrote ${file}\n`);
  } finally {
    await database.close();
  }
}

await main();
