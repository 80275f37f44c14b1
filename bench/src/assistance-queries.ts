// Issue-10 帮扶 reads on the city loaded by gen-orgs + assistance-gen, through HTTP (buildServer + app.inject), as
// the city-level admin and as a cadre (org_admin) of the bench district:
//   GET /api/v1/stats?orgId=…&from=2026-01-01&to=2026-06-30&keys=<the 7 帮扶 indicators>   district and city
//   GET /api/v1/campaigns/:id        the largest campaign (totals, funds, per-child status)
//   GET /api/v1/assistance?orgId=…   list page 1 of the district
//   npx tsx bench/src/assistance-queries.ts --url postgres://postgres@127.0.0.1:5432/gh_assist [--reps 30 --warmup 3] [--explain]
//     [--only <text>] [--as-owner]
// The app connects as gonghui_app_bench (a member of gonghui_app), so every request runs under row-level security as
// in production; --as-owner serves it over the owner's superuser connection instead (no RLS: the figures before
// 2026-12-06 15:00 were taken that way). --only keeps the cases whose name contains one of the '|'-separated
// texts (and explains the city only when one of them says city).
// --explain prints EXPLAIN (ANALYZE, BUFFERS) of the statements the two indicator providers and the campaign detail
// send, as gonghui_app under row-level security in the system context those reads run in (decision 0009).
import type pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { schema, type DbOrTx } from '../../server/src/platform/db/index.ts';
import { runMigrations } from '../../server/src/platform/db/index.ts';
import { buildTestApp, loginAs, type Client } from '../../server/src/test/http.ts';
import { makeUser } from '../../server/src/test/factories.ts';
import { hardshipIndicatorProvider } from '../../server/src/modules/hardship/hardship.indicators.ts';
import { assistanceIndicatorProvider } from '../../server/src/modules/assistance/assistance.indicators.ts';
import { countsByChild, paidByFund } from '../../server/src/modules/assistance/campaigns.repo.ts';
import { openAppDb, openBenchDb } from './db.ts';
import { findTargets } from './targets.ts';
import { BENCH_ADMIN_PASSWORD, fmt, load1, measure, parseArgs, printTable, printTargetTable, writeOut, type TargetResult } from './lib.ts';

const FROM = '2026-01-01';
const TO = '2026-06-30';
const KEYS = [
  'hardship.households',
  'hardship.registered',
  'hardship.exited',
  'assistance.times',
  'assistance.people',
  'assistance.amount',
  'assistance.goods',
].join(',');

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const ONLY = onlyAt < 0 ? undefined : argv.splice(onlyAt, 2)[1];
const args = parseArgs(['--db', 'postgres', '--reps', '30', '--warmup', '3', ...argv]);

/** Targets (median, ms) of issue 10 on PostgreSQL. */
function targetOf(name: string): number | null {
  if (name.startsWith('GET /stats, district')) return 100;
  if (name.startsWith('GET /campaigns/:id')) return 50;
  return null;
}

interface Explained {
  label: string;
  ms: number;
  query: string;
}

/** EXPLAIN (ANALYZE, BUFFERS) of every statement `run` sends, as the app role under row-level security with
 *  app.scope_path = `scope` (what a request of a user of that org runs under). */
async function explainAsApp(pool: pg.Pool, scope: string, label: string, run: (d: DbOrTx) => Promise<void>): Promise<Explained[]> {
  const client = await pool.connect();
  const out: Explained[] = [];
  try {
    await client.query(`SET ROLE gonghui_app`);
    await client.query(`SELECT set_config('app.scope_path', $1, false)`, [scope]);
    const captured: { query: string; params: unknown[] }[] = [];
    const d = drizzle(client, { schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } });
    await run(d as unknown as DbOrTx);
    for (const { query, params } of captured) {
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params);
      const lines = plan.rows.map((r) => r['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? NaN);
      out.push({ label, ms, query: query.replace(/\s+/g, ' ').trim() });
      process.stdout.write(`\n--- ${label}: ${ms} ms\n${query}\n-- params ${JSON.stringify(params)}\n${lines.join('\n')}\n`);
    }
  } finally {
    await client.query(`RESET ROLE`);
    await client.query(`SELECT set_config('app.scope_path', '', false)`);
    client.release();
  }
  return out;
}

async function main() {
  const database = await openBenchDb(args, false);
  const results: TargetResult[] = [];
  try {
    const { db, pool } = database;
    await runMigrations(db);
    const version = (await db.execute<{ v: string }>(sql`SELECT current_setting('server_version') AS v`)).rows[0]?.v ?? '?';
    const t = await findTargets(db);
    const n = async (q: ReturnType<typeof sql>) => Number((await db.execute<{ n: number }>(q)).rows[0]?.n ?? 0);
    const files = await n(sql`SELECT count(*)::int AS n FROM hardship_files`);
    const entries = await n(sql`SELECT count(*)::int AS n FROM assistance_entries`);
    if (entries === 0) throw new Error('no assistance entries: run assistance-gen first');
    const like = `${t.district.path}%`;
    const districtEntries = await n(
      sql`SELECT count(*)::int AS n FROM assistance_entries e JOIN orgs o ON o.id = e.org_id WHERE o.path LIKE ${like}`,
    );
    const big = (
      await db.execute<{ id: number; name: string; org_path: string; n: number }>(sql`
        SELECT c.id, c.name, c.org_path, count(*)::int AS n FROM campaigns c JOIN assistance_entries e ON e.campaign_id = c.id
        GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`)
    ).rows[0];
    if (!big) throw new Error('no campaign with entries');
    const loadStart = load1();
    process.stdout.write(
      `assistance-queries on postgres (${version}): ${files} hardship files, ${entries} assistance entries; district ${t.district.id} ${t.district.name} (${districtEntries} entries), city ${t.root.id}; campaign ${big.id} ${big.name} (${big.n} entries); ${FROM}..${TO}; ${args.reps} reps after ${args.warmup}, load ${loadStart}\n`,
    );

    const explained: Explained[] = [];
    if (args.explain) {
      for (const o of [
        { path: t.district.path, depth: 1, label: `district ${t.district.id}` },
        { path: t.root.path, depth: 0, label: 'city' },
      ]) {
        if (o.label === 'city' && ONLY && !ONLY.includes('city')) continue;
        explained.push(
          // The stats route reads the providers as the system once the org is in the caller's scope (decision 0009).
          ...(await explainAsApp(pool, '*', `${o.label} (as system)`, async (d) => {
            for (const p of [hardshipIndicatorProvider, assistanceIndicatorProvider]) {
              const keys = new Set(p.indicators.map((i) => i.key));
              await p.compute(d, { path: o.path, depth: o.depth, from: FROM, to: TO, keys });
            }
          })),
        );
      }
      // The campaign detail's two aggregates (campaigns.repo.ts), as the city admin and as the district cadre.
      for (const scope of [t.root.path, t.district.path]) {
        explained.push(
          // Both read as the system: paidByFund always, countsByChild limited to `scope` by its path filter.
          ...(await explainAsApp(pool, '*', `campaign ${big.id}, counted ${scope} (as system)`, async (d) => {
            // The repo's own statements, so the plans are those of the code being measured.
            await paidByFund(d, big.id);
            await countsByChild(d, { id: big.id, orgPath: big.org_path }, scope);
          })),
        );
      }
      printTable(
        ['scope', 'EXPLAIN ms', 'statement'],
        explained.map((e) => [e.label, fmt(e.ms), e.query.slice(0, 110)]),
      );
    }

    // The login helper enrols the admin in TOTP and keeps the secret in memory: a rerun starts from no enrolment.
    await db.execute(sql`DELETE FROM user_mfa WHERE user_id = (SELECT id FROM users WHERE username = 'admin')`);
    const appDb = args.asOwner ? database : await openAppDb(args);
    const role = (await appDb.db.execute<{ u: string }>(sql`SELECT current_user AS u`)).rows[0]?.u;
    process.stdout.write(`app connects as ${role}${args.asOwner ? ' (owner: no row-level security)' : ' (row-level security applies)'}\n`);
    const app = await buildTestApp(appDb.db);
    try {
      const admin = await loginAs(app, 'admin', BENCH_ADMIN_PASSWORD);
      const user = await makeUser(db, t.district.id, ['org_admin']);
      const cadre = await loginAs(app, user.username, user.password);
      const get = (client: Client, url: string) => async () => {
        const res = await client.get<{
          values?: Record<string, { value: number }>;
          items?: unknown[];
          total?: number;
          children?: unknown[];
          funds?: unknown[];
        }>(url);
        if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        const b = res.body;
        if (b.values) {
          const v = (k: string) => b.values?.[k]?.value ?? 0;
          return `${Object.keys(b.values).length} indicators: ${v('hardship.households')} households, ${v('assistance.times')} times, ${v('assistance.people')} people, ${v('assistance.amount')} 元`;
        }
        if (b.children) return `${b.children.length} children, ${b.funds?.length ?? 0} funds`;
        if (b.items) return `${b.items.length} items of ${b.total ?? '?'}`;
        return JSON.stringify(b).slice(0, 80);
      };
      const stats = (orgId: number) => `/api/v1/stats?orgId=${orgId}&from=${FROM}&to=${TO}&keys=${KEYS}`;
      const cases: [string, () => Promise<string>][] = [
        ['GET /stats, district (admin)', get(admin, stats(t.district.id))],
        ['GET /stats, district (district cadre)', get(cadre, stats(t.district.id))],
        ['GET /stats, city (admin)', get(admin, stats(t.root.id))],
        [`GET /campaigns/:id, ${big.n} entries (admin)`, get(admin, `/api/v1/campaigns/${big.id}`)],
        [`GET /campaigns/:id, ${big.n} entries (district cadre)`, get(cadre, `/api/v1/campaigns/${big.id}`)],
        ['GET /assistance page 1, district (admin)', get(admin, `/api/v1/assistance?orgId=${t.district.id}&page=1`)],
        ['GET /assistance page 1, district (district cadre)', get(cadre, `/api/v1/assistance?page=1`)],
      ];
      for (const [name, run] of cases) {
        if (ONLY && !ONLY.split('|').some((o) => name.includes(o))) continue;
        const { stats: s, last } = await measure(run, args.reps, args.warmup);
        const target = targetOf(name);
        results.push({ name, info: last, target, met: target === null ? null : s.median <= target, stats: s });
        process.stdout.write(`  ${name}: median ${fmt(s.median)} ms, p95 ${fmt(s.p95)} ms (${last})\n`);
      }
    } finally {
      await app.close();
      if (appDb !== database) await appDb.close();
    }
    const loadEnd = load1();
    process.stdout.write(`\n1-minute load average: ${loadStart} at start, ${loadEnd} at end (2 cores)\n`);
    printTargetTable(results);
    const file = writeOut('assistance-queries-postgres.json', {
      serverVersion: version,
      at: new Date().toISOString(),
      reps: args.reps,
      warmup: args.warmup,
      files,
      entries,
      district: { id: t.district.id, name: t.district.name, entries: districtEntries },
      campaign: big,
      appRole: role,
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
