// Statistics and work-summary timings on a database loaded by gen-orgs + gen-members (with their 2021–2026
// history), through HTTP (buildServer + app.inject, logged-in admin), as the console calls them:
//   GET /api/v1/stats?orgId=…&from=…&to=…            every indicator (no keys), district and city
//   GET /api/v1/stats/children?orgId=…&from=…&to=…   every indicator for each child, district and city
//   POST /api/v1/reports/work-summaries {orgId: city, year, period 'H1', asOf}, then
//   GET  /api/v1/reports/work-summaries/:id/download?format=docx
//   npx tsx bench/src/stats-queries.ts --db postgres [--reps 10 --warmup 2] [--summaries 5]
//   npx tsx bench/src/stats-queries.ts --db pglite --data-dir bench/out/pglite50k
// --explain prints EXPLAIN (ANALYZE, BUFFERS) of every statement the indicator providers send, district and city.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { runMigrations } from '../../server/src/platform/db/index.ts';
import { buildTestApp, loginAs, type Client } from '../../server/src/test/http.ts';
import type { HttpApp } from '../../server/src/platform/http/index.ts';
import { openAppDb, openBenchDb } from './db.ts';
import { explainStats } from './stats-explain.ts';
import { findTargets } from './targets.ts';
import {
  BENCH_ADMIN_PASSWORD,
  fmt,
  load1,
  measure,
  parseArgs,
  printTable,
  printTargetTable,
  summarize,
  writeOut,
  type TargetResult,
} from './lib.ts';

const FROM = '2026-01-01';
const TO = '2026-06-30';
const YEAR = 2026;

const argv = process.argv.slice(2);
const si = argv.indexOf('--summaries');
const SUMMARIES = si >= 0 ? Number(argv.splice(si, 2)[1]) : 5;
const args = parseArgs(argv);

/** Targets (median, ms) per engine; null where none is set. */
function targetOf(name: string): number | null {
  if (args.db === 'pglite') return name.startsWith('GET /stats,') || name.startsWith('GET /stats/children') ? 500 : null;
  if (name === 'GET /stats/children, district') return 100;
  if (name === 'GET /stats/children, city') return 300;
  if (name === 'work summary, city: create + docx') return 5000;
  return null;
}

async function download(app: HttpApp, client: Client, url: string): Promise<{ status: number; bytes: number; type: string }> {
  const cookie = Object.entries(client.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, bytes: res.rawPayload.length, type: String(res.headers['content-type'] ?? '') };
}

async function main() {
  const database = await openBenchDb(args, false);
  const results: TargetResult[] = [];
  try {
    const { db } = database;
    await runMigrations(db);
    const version = (await db.execute<{ v: string }>(sql`SELECT current_setting('server_version') AS v`)).rows[0]?.v ?? '?';
    const t = await findTargets(db);
    const n = async (q: ReturnType<typeof sql>) => Number((await db.execute<{ n: number }>(q)).rows[0]?.n ?? 0);
    const members = await n(sql`SELECT count(*)::int AS n FROM members`);
    const events = await n(sql`SELECT count(*)::int AS n FROM member_events`);
    const districtChildren = await n(sql`SELECT count(*)::int AS n FROM orgs WHERE parent_id = ${t.district.id}`);
    const loadStart = load1();
    process.stdout.write(
      `stats-queries on ${args.db} (${version}): ${members} members, ${events} member events; district ${t.district.id} ${t.district.name} (${districtChildren} children), city ${t.root.id} (${t.root.n} children); ${FROM}..${TO}; ${args.reps} reps after ${args.warmup}, load ${loadStart}\n`,
    );
    if (!fs.existsSync(new URL('../../server/src/modules/stats/index.ts', import.meta.url))) {
      throw new Error('server/src/modules/stats/index.ts does not exist yet: the statistics routes are not there to measure');
    }
    let explained: Awaited<ReturnType<typeof explainStats>> = [];
    if (args.explain) {
      // Every module's indicator provider, as the server assembles them.
      const { MODULES } = await import('../../server/src/modules.ts');
      const providers = MODULES.flatMap((m) => (m.indicators ? [m.indicators] : []));
      for (const o of [
        { ...t.district, depth: 1, label: `district ${t.district.id}` },
        { ...t.root, depth: 0, label: 'city' },
      ]) {
        explained = explained.concat(await explainStats(database.pool, providers, o, FROM, TO));
      }
      printTable(
        ['org', 'provider', 'EXPLAIN ms', 'statement'],
        explained.map((e) => [e.label, e.provider, fmt(e.ms), e.query.slice(0, 100)]),
      );
    }
    // The HTTP app connects as a gonghui_app login role (row-level security applies, as in production) unless
    // --as-owner; the repo-level cases keep the owner's connection (no request scope to apply).
    const appDb = args.db === 'postgres' && !args.asOwner ? await openAppDb(args) : database;
    const role = (await appDb.db.execute<{ u: string }>(sql`SELECT current_user AS u`)).rows[0]?.u;
    process.stdout.write(`app connects as ${role}\n`);
    const app = await buildTestApp(appDb.db);
    try {
      const admin = await loginAs(app, 'admin', BENCH_ADMIN_PASSWORD);
      const get = (url: string) => async () => {
        const res = await admin.get<{
          values?: Record<string, unknown>;
          children?: unknown[];
          keys?: unknown[];
          series?: Record<string, unknown>;
          items?: unknown[];
        }>(url);
        if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        const b = res.body;
        if (b.children) return `${b.children.length} children × ${b.keys?.length ?? '?'} keys`;
        if (b.series) return `${Object.keys(b.series).length} monthly series`;
        if (b.items) return `${b.items.length} target items`;
        return `${Object.keys(b.values ?? {}).length} indicators`;
      };
      const range = `from=${FROM}&to=${TO}`;
      const cases: [string, () => Promise<string>][] = [
        ['GET /stats, district', get(`/api/v1/stats?orgId=${t.district.id}&${range}`)],
        ['GET /stats/children, district', get(`/api/v1/stats/children?orgId=${t.district.id}&${range}`)],
        ['GET /stats, city', get(`/api/v1/stats?orgId=${t.root.id}&${range}`)],
        ['GET /stats/children, city', get(`/api/v1/stats/children?orgId=${t.root.id}&${range}`)],
        // What the docx download computes besides rendering its charts (reports.document.ts chartsFor).
        ['GET /stats/trend, city (2 keys)', get(`/api/v1/stats/trend?orgId=${t.root.id}&year=${YEAR}&keys=members.joined,orgs.founded`)],
        ['GET /orgs/:city/targets/:year', get(`/api/v1/orgs/${t.root.id}/targets/${YEAR}?asOf=${TO}`)],
      ];
      for (const [name, run] of cases) {
        const { stats, last } = await measure(run, args.reps, args.warmup);
        const target = targetOf(name);
        results.push({ name, info: last, target, met: target === null ? null : stats.median <= target, stats });
        process.stdout.write(`  ${name}: median ${fmt(stats.median)} ms (${last})\n`);
      }

      // Work summary of the city: create (figures + text) then render the docx; each run makes a new draft.
      const create: number[] = [];
      const docx: number[] = [];
      const both: number[] = [];
      let info = '';
      for (let k = 0; k < SUMMARIES + 1; k++) {
        const t0 = performance.now();
        const res = await admin.post<{ id?: number }>('/api/v1/reports/work-summaries', {
          orgId: t.root.id,
          year: YEAR,
          period: 'H1',
          asOf: TO,
        });
        const t1 = performance.now();
        if ((res.status !== 200 && res.status !== 201) || !res.body.id)
          throw new Error(`POST work-summaries: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        const d = await download(app, admin, `/api/v1/reports/work-summaries/${res.body.id}/download?format=docx`);
        const t2 = performance.now();
        if (d.status !== 200) throw new Error(`download docx: ${d.status}`);
        info = `${d.bytes} bytes ${d.type.split(';')[0]}`;
        if (k === 0) continue; // warm-up
        create.push(t1 - t0);
        docx.push(t2 - t1);
        both.push(t2 - t0);
        process.stdout.write(`  work summary ${k}: create ${fmt(t1 - t0)} ms + docx ${fmt(t2 - t1)} ms\n`);
      }
      const push = (name: string, samples: number[]) => {
        const stats = summarize(samples);
        const target = targetOf(name);
        results.push({ name, info, target, met: target === null ? null : stats.median <= target, stats });
      };
      push('work summary, city: POST create', create);
      push('work summary, city: GET docx', docx);
      push('work summary, city: create + docx', both);
    } finally {
      await app.close();
      if (appDb !== database) await appDb.close();
    }
    const loadEnd = load1();
    process.stdout.write(`\n1-minute load average: ${loadStart} at start, ${loadEnd} at end (2 cores)\n`);
    printTargetTable(results);
    const file = writeOut(`stats-queries-${args.db}.json`, {
      engine: args.db,
      serverVersion: version,
      at: new Date().toISOString(),
      reps: args.reps,
      warmup: args.warmup,
      summaries: SUMMARIES,
      members,
      load1: [loadStart, loadEnd],
      results,
      explained,
    });
    process.stdout.write(`\nwrote ${file}\n`);
  } finally {
    await database.close();
  }
}

await main();
