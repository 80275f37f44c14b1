// Org-tree query timings on a database loaded by gen-orgs: repository calls (SQL round trips) and the same
// reads through the HTTP layer (buildServer + app.inject, logged in as admin).
//   npx tsx bench/src/org-queries.ts --db postgres [--url ...] [--reps 50 --warmup 5] [--explain]
//   npx tsx bench/src/org-queries.ts --db pglite [--data-dir bench/out/pglite50k]
import { sql } from 'drizzle-orm';
import { runMigrations, type Db } from '../../server/src/platform/db/index.ts';
// Benchmarks measure the repository's SQL itself, so they read it directly (bench/ is outside the module boundary).
import * as orgRepo from '../../server/src/modules/orgs/orgs.repo.ts';
import { buildTestApp, loginAs } from '../../server/src/test/http.ts';
import { openBenchDb } from './db.ts';
import { explainAll } from './explain.ts';
import { findTargets, NAME_Q, PINYIN_Q, type Node, type Targets } from './targets.ts';
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
  layer: 'repo' | 'http';
  name: string;
  run: () => Promise<number>; // returns a row count to show the case did real work
}

class Rollback extends Error {}

function repoCases(db: Db, t: Targets): Case[] {
  const search = (scope: Node, q: string) => async () => (await orgRepo.search(db, { scopePath: scope.path, q }, 1, 20)).total;
  return [
    {
      layer: 'repo',
      name: `children page 1×20 of street (${t.street.n} children)`,
      run: async () => (await orgRepo.listChildren(db, t.street.id, 1, 20)).total,
    },
    {
      layer: 'repo',
      name: `children page 1×20 of city (${t.root.n} children)`,
      run: async () => (await orgRepo.listChildren(db, t.root.id, 1, 20)).total,
    },
    { layer: 'repo', name: `search name "${NAME_Q}" in district (${t.district.n} orgs)`, run: search(t.district, NAME_Q) },
    { layer: 'repo', name: `search name "${NAME_Q}" in city`, run: search(t.root, NAME_Q) },
    { layer: 'repo', name: `search pinyin "${PINYIN_Q}" in district`, run: search(t.district, PINYIN_Q) },
    { layer: 'repo', name: `search pinyin "${PINYIN_Q}" in city`, run: search(t.root, PINYIN_Q) },
    {
      layer: 'repo',
      name: 'subtree summary (count by level/kind/status) of district',
      run: async () => (await orgRepo.subtreeSummary(db, t.district.path)).length,
    },
    { layer: 'repo', name: 'subtree summary of city', run: async () => (await orgRepo.subtreeSummary(db, t.root.path)).length },
    { layer: 'repo', name: `ancestors of a depth-${t.deep.n} org`, run: async () => (await orgRepo.ancestors(db, t.deep.path, 0)).length },
    {
      layer: 'repo',
      name: `move street subtree (${t.moveStreet.n} orgs) to another district, rolled back`,
      run: async () => {
        let moved = 0;
        try {
          await db.transaction(async (tx) => {
            moved = await orgRepo.moveSubtree(tx, t.moveStreet.path, `${t.moveTo.path}${t.moveStreet.id}.`);
            await orgRepo.update(tx, t.moveStreet.id, { parentId: t.moveTo.id });
            throw new Rollback();
          });
        } catch (e) {
          if (!(e instanceof Rollback)) throw e;
        }
        if (moved !== t.moveStreet.n) throw new Error(`moved ${moved}, expected ${t.moveStreet.n}`);
        return moved;
      },
    },
  ];
}

async function httpCases(db: Db, t: Targets): Promise<{ cases: Case[]; close: () => Promise<void> }> {
  const app = await buildTestApp(db);
  const admin = await loginAs(app, 'admin', BENCH_ADMIN_PASSWORD);
  const get = (url: string, count: (body: { total?: number; items?: unknown[]; orgCount?: number }) => number) => async () => {
    const res = await admin.get<{ total?: number; items?: unknown[]; orgCount?: number }>(url);
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return count(res.body);
  };
  const total = (b: { total?: number }) => b.total ?? -1;
  const q = (s: string) => encodeURIComponent(s);
  const cases: Case[] = [
    {
      layer: 'http',
      name: 'GET /orgs/:street/children?pageSize=20',
      run: get(`/api/v1/orgs/${t.street.id}/children?page=1&pageSize=20`, total),
    },
    {
      layer: 'http',
      name: 'GET /orgs/:city/children?pageSize=20',
      run: get(`/api/v1/orgs/${t.root.id}/children?page=1&pageSize=20`, total),
    },
    {
      layer: 'http',
      name: `GET /orgs?q=${NAME_Q}&rootId=district`,
      run: get(`/api/v1/orgs?q=${q(NAME_Q)}&rootId=${t.district.id}&pageSize=20`, total),
    },
    {
      layer: 'http',
      name: `GET /orgs?q=${NAME_Q}&rootId=city`,
      run: get(`/api/v1/orgs?q=${q(NAME_Q)}&rootId=${t.root.id}&pageSize=20`, total),
    },
    {
      layer: 'http',
      name: `GET /orgs?q=${PINYIN_Q}&rootId=district`,
      run: get(`/api/v1/orgs?q=${PINYIN_Q}&rootId=${t.district.id}&pageSize=20`, total),
    },
    {
      layer: 'http',
      name: `GET /orgs?q=${PINYIN_Q}&rootId=city`,
      run: get(`/api/v1/orgs?q=${PINYIN_Q}&rootId=${t.root.id}&pageSize=20`, total),
    },
    { layer: 'http', name: 'GET /orgs/:district/summary', run: get(`/api/v1/orgs/${t.district.id}/summary`, (b) => b.orgCount ?? -1) },
    { layer: 'http', name: 'GET /orgs/:city/summary', run: get(`/api/v1/orgs/${t.root.id}/summary`, (b) => b.orgCount ?? -1) },
    { layer: 'http', name: 'GET /orgs/:deep/ancestors', run: get(`/api/v1/orgs/${t.deep.id}/ancestors`, (b) => b.items?.length ?? -1) },
  ];
  return { cases, close: () => app.close() };
}

async function main() {
  const args = parseArgs();
  const database = await openBenchDb(args, false);
  try {
    const { db } = database;
    const version = (await db.execute<{ v: string }>(sql`SELECT current_setting('server_version') AS v`)).rows[0]?.v ?? '?';
    await runMigrations(db); // the app's schema moves on; buildServer expects every table
    await database.pool.query('VACUUM ANALYZE orgs'); // start clean whatever earlier runs left behind
    const t = await findTargets(db);
    const loadStart = load1();
    process.stdout.write(
      `org-queries on ${args.db} (server_version ${version}), ${args.reps} reps after ${args.warmup} warm-up, load ${loadStart}\n`,
    );
    for (const [k, v] of Object.entries(t)) process.stdout.write(`  ${k.padEnd(10)} id ${v.id} ${v.name} (${v.n})\n`);
    if (args.explain) await explainAll(database.pool, t);

    const http = await httpCases(db, t);
    const results: { layer: string; name: string; rows: number; stats: Stats; cpu: { node: number; db: number } }[] = [];
    try {
      // The move goes last: each rolled-back run leaves ~300 dead row versions that reads would otherwise scan.
      const repo = repoCases(db, t);
      const cases = [...repo.filter((x) => !x.name.startsWith('move')), ...http.cases, ...repo.filter((x) => x.name.startsWith('move'))];
      for (const c of cases) await c.run(); // one pass over everything first, so the first case is not the cold one
      // Open every pooled connection, so that the backends whose CPU time is read are the ones serving.
      keepPoolOpen(database.pool);
      await Promise.all(Array.from({ length: 10 }, () => database.pool.query('SELECT pg_sleep(0.02)')));
      const pids = await dbPids(database.pool, args.db);
      for (const c of cases) {
        const meter = cpuMeter(pids);
        const { stats, last } = await measure(c.run, args.reps, args.warmup);
        const used = meter();
        const per = (ms: number) => Math.round((ms / (args.reps + args.warmup)) * 100) / 100;
        results.push({ layer: c.layer, name: c.name, rows: last, stats, cpu: { node: per(used.node), db: per(used.db) } });
        process.stdout.write(`  ${c.layer} ${c.name}: median ${fmt(stats.median)} ms\n`);
      }
    } finally {
      await http.close();
      await database.pool.query('VACUUM ANALYZE orgs'); // PGlite has no autovacuum
    }
    const loadEnd = load1();
    process.stdout.write(`\n1-minute load average: ${loadStart} at start, ${loadEnd} at end (2 cores)\n`);
    printTable(
      ['layer', 'case', 'result', 'median ms', 'p95 ms', 'min ms', 'CPU ms/call node + db'],
      results.map((r) => [
        r.layer,
        r.name,
        r.rows,
        fmt(r.stats.median),
        fmt(r.stats.p95),
        fmt(r.stats.min),
        `${fmt(r.cpu.node)} + ${fmt(r.cpu.db)}`,
      ]),
    );
    const file = writeOut(`org-queries-${args.db}.json`, {
      engine: args.db,
      serverVersion: version,
      at: new Date().toISOString(),
      reps: args.reps,
      warmup: args.warmup,
      load1: [loadStart, loadEnd],
      targets: t,
      results,
    });
    process.stdout.write(`\nwrote ${file}\n`);
  } finally {
    await database.close();
  }
}

await main();
