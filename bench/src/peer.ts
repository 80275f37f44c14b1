// Issue 13's peer-city run: a fresh database, the peer city (12 districts → 150 streets → 5,000 unions with 1,865
// distinct names), its roster imported through the real upload route and import job, then at once: member list
// page 1 in a district admin's scope (sequential median / p95, then autocannon), and exact 身份证号 lookup over HTTP.
//   npm run bench:peer -w bench                                  # both engines, one after the other
//   npm run bench:peer -w bench -- --db postgres [--url postgres://postgres@127.0.0.1:5432/gh_peer]
//   npm run bench:peer -w bench -- --db pglite [--data-dir bench/out/peer-pglite] --members 10000 --duration 5
//   … --import-only: the dry run and the import only (no list, autocannon or ID lookup phases)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { bootstrap } from '../../server/src/bootstrap/bootstrap.ts';
import { runMigrations, type Database } from '../../server/src/platform/db/index.ts';
import { buildServer } from '../../server/src/server.ts';
import { makeUser } from '../../server/src/test/factories.ts';
import { openAppDb, openBenchDb } from './db.ts';
import { benchCrypto } from './members-crypto.ts';
import { login } from './members-http.ts';
import { personOf } from './members-people.ts';
import {
  BENCH_ADMIN_PASSWORD,
  load1,
  OUT_DIR,
  parseArgs,
  printTable,
  type Stats,
  measureStats,
  takeFlag,
  takeOpt,
  timed,
  writeOut,
} from './lib.ts';
import { loadPeerCity, planPeerCity, unionOf, writePeerRoster, type PeerCity } from './peer-city.ts';
import { autocannon, poll, upload, type ImportState, type PollTrace } from './peer-http.ts';

const argv = process.argv.slice(2);
const MEMBERS = Number(takeOpt(argv, 'members', '100000'));
const DURATION = Number(takeOpt(argv, 'duration', '20'));
const CONNECTIONS = Number(takeOpt(argv, 'connections', '50'));
const engineGiven = argv.includes('--db');
/** VACUUM ANALYZE between the import and the reads (default: read at once, as right after a real import). */
const VACUUM = takeFlag(argv, 'vacuum');
/** Only the dry run and the import (no list, autocannon or ID lookup phases), e.g. to compare import changes. */
const IMPORT_ONLY = takeFlag(argv, 'import-only');
/** Status requests during an import every this many ms (100: a busy API; 1000: the console's own polling alone). */
const POLL_MS = Number(takeOpt(argv, 'poll-ms', '100'));
const outName = (engine: string) => `peer-${engine}${VACUUM ? '-vacuum' : ''}.json`;
if (!argv.includes('--url')) argv.push('--url', 'postgres://postgres@127.0.0.1:5432/gh_peer');
if (!argv.includes('--data-dir')) argv.push('--data-dir', path.join(OUT_DIR, 'peer-pglite'));
const args = parseArgs(argv);

const GOALS = { importRowsPerS: 21_000, pgReqPerS: 870, pgP99: 50, pgliteReqPerS: 300, idMs: 1, statusP95Ms: 100 };

interface PeerResult {
  engine: string;
  members: number;
  vacuumBeforeReads: boolean;
  at: string;
  load1: { start: number; end: number; uptime: string };
  orgs: { districts: number; streets: number; unions: number; distinctNames: number; loadMs: number };
  roster: { file: string; mb: number; writtenS: number | null };
  dryRun: { seconds: number; uploadS: number; trace: PollTrace; state: ImportState };
  import: { seconds: number; uploadS: number; trace: PollTrace; rowsPerS: number; jobSeconds: number | null; state: ImportState };
  list: { url: string; total: number | null; stats: Stats };
  load: { connections: number; duration: number; reqPerS: number; p50: number; p99: number; errors: number; non2xx: number };
  idLookup: { stats: Stats };
}

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

/** IDs of members whose union lies in district 0 (the district the list runs in). */
function idsInDistrict(plan: PeerCity, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < MEMBERS && out.length < n; i += 7) {
    const u = plan.unions[unionOf(args.seed, i)];
    if (u && plan.streets[u.street]?.district === 0) out.push(personOf(args.seed, i).idNumber);
  }
  return out;
}

async function runEngine(): Promise<PeerResult | null> {
  const loadStart = load1();
  const up = uptime();
  process.stdout.write(`\npeer (${args.db}): ${MEMBERS} members, ${os.cpus().length} cores, ${up}\n`);
  const plan = planPeerCity(args.seed);
  const database = await openBenchDb({ ...args, fresh: true }, true);
  let appDb: Database | null = null;
  try {
    const { db } = database;
    await runMigrations(db);
    const { rootOrgId } = await bootstrap(db, { adminPassword: BENCH_ADMIN_PASSWORD, rootOrgName: plan.root.name });
    if (!rootOrgId) throw new Error('bootstrap made no root org');
    const city = await timed(() => loadPeerCity(db, rootOrgId, plan));
    await database.pool.query('ANALYZE orgs');
    const distinct = new Set(plan.unions.map((u) => u.name)).size;
    process.stdout.write(
      `org tree: 12 districts → ${plan.streets.length} streets → ${plan.unions.length} unions (${distinct} distinct names), ${city.ms} ms\n`,
    );
    const file = path.join(OUT_DIR, `peer-roster-${MEMBERS}-${args.seed}.xlsx`);
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const roster = await timed(() => writePeerRoster(file, args.seed, plan, MEMBERS));
    const mb = Math.round(fs.statSync(file).size / 1e5) / 10;
    process.stdout.write(`roster ${file}: ${mb} MB${roster.value ? `, written in ${(roster.ms / 1000).toFixed(1)} s` : ' (reused)'}\n`);
    const districtId = city.value.districtIds[0];
    if (districtId === undefined) throw new Error('no district');
    const importer = await makeUser(db, rootOrgId, ['org_admin']);
    const cadre = await makeUser(db, districtId, ['org_admin']);

    appDb = args.db === 'postgres' && !args.asOwner ? await openAppDb(args) : database;
    // As main.ts wires it: on PGlite the import publishes part by part (docs/decisions/0011).
    const app = await buildServer(appDb.db, {
      logLevel: 'silent',
      cookieSecure: false,
      loginRateLimit: 10_000,
      crypto: benchCrypto,
      embeddedDb: appDb.kind === 'pglite',
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const importCookie = await login(base, importer.username, importer.password);
      const cookie = await login(base, cadre.username, cadre.password);
      const bytes = fs.readFileSync(file);

      const runImport = async (dryRun: boolean) => {
        const t = performance.now();
        const id = await upload(base, importCookie, rootOrgId, bytes, dryRun);
        const uploadS = (performance.now() - t) / 1000;
        const { state, trace } = await poll(base, importCookie, id, POLL_MS);
        return { id, seconds: (performance.now() - t) / 1000, uploadS, trace, state };
      };
      const dry = await runImport(true);
      process.stdout.write(
        `dry run: ${dry.seconds.toFixed(1)} s (upload ${dry.uploadS.toFixed(1)} s), ${dry.state.status}, valid ${dry.state.validRows}/${dry.state.totalRows}, errors ${dry.state.errorCount}\n`,
      );
      const imp = await runImport(false);
      // Staging ends when the publish begins (publishing_since; the job's finished_at for a job from before it).
      const staged = await db.execute<{ s: number | null }>(sql`
        SELECT extract(epoch FROM coalesce(i.publishing_since, j.finished_at) - j.created_at)::float8 AS s
        FROM member_imports i JOIN jobs j ON j.id = i.job_id WHERE i.job_id = ${imp.id}`);
      const jobSeconds = staged.rows[0]?.s ?? null;
      const rowsPerS = Math.round((imp.state.imported + imp.state.updated) / imp.seconds);
      process.stdout.write(
        `import: ${imp.seconds.toFixed(1)} s (upload → 202 ${imp.uploadS.toFixed(1)} s, staging ${jobSeconds?.toFixed(1) ?? '?'} s, seen running after ${imp.trace.runningAt} ms, ${imp.trace.polls} polls, slowest ${imp.trace.slowestPollMs} ms; ${imp.trace.probes.n} open-loop status probes p50 ${imp.trace.probes.p50} p95 ${imp.trace.probes.p95} max ${imp.trace.probes.max} ms), ${imp.state.status}, imported ${imp.state.imported}, updated ${imp.state.updated}, errors ${imp.state.errorCount}, notices ${imp.state.noticeCount} → ${rowsPerS} rows/s\n`,
      );
      for (const e of imp.state.errors.slice(0, 5)) process.stdout.write(`  row ${e.row}: ${e.message}\n`);
      if (imp.state.status !== 'succeeded') throw new Error(`import ${imp.state.status}: ${imp.state.message}`);
      if (IMPORT_ONLY) {
        const publishS = jobSeconds === null ? '?' : (imp.seconds - imp.uploadS - jobSeconds).toFixed(1);
        process.stdout.write(
          `--import-only: ${rowsPerS} rows/s; import s upload / staging / publish: ${imp.uploadS.toFixed(1)} / ${jobSeconds?.toFixed(1) ?? '?'} / ${publishS}; dry run ${dry.seconds.toFixed(1)} s\n`,
        );
        return null;
      }

      // At once: no VACUUM / ANALYZE after the import, as a city that has just imported its roster would see it.
      if (VACUUM) {
        const v = await timed(() => database.pool.query('VACUUM ANALYZE'));
        process.stdout.write(`--vacuum: VACUUM ANALYZE ${v.ms} ms before the reads\n`);
      }
      const listUrl = `${base}/api/v1/members?pageSize=20`;
      let total: number | null = null;
      const list = await measureStats(args.reps, args.warmup, async () => {
        const res = await fetch(listUrl, { headers: { cookie } });
        const body = (await res.json()) as { total?: number };
        if (res.status !== 200) throw new Error(`list ${res.status} ${JSON.stringify(body)}`);
        total = body.total ?? null;
      });
      process.stdout.write(`district list page 1 (${total} members): median ${list.median} ms, p95 ${list.p95} ms\n`);
      const r = await autocannon(listUrl, cookie, CONNECTIONS, DURATION);
      process.stdout.write(
        `autocannon ${CONNECTIONS} × ${DURATION} s: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx}\n`,
      );
      const ids = idsInDistrict(plan, 20);
      let k = 0;
      const idStats = await measureStats(args.reps, args.warmup, async () => {
        const id = ids[k++ % ids.length] ?? '';
        const res = await fetch(`${base}/api/v1/members?idNumber=${id}&pageSize=20`, { headers: { cookie } });
        const body = (await res.json()) as { items?: unknown[] };
        if (res.status !== 200 || body.items?.length !== 1)
          throw new Error(`ID lookup ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      });
      process.stdout.write(`ID lookup (身份证号 exact, HTTP): median ${idStats.median} ms, p95 ${idStats.p95} ms\n`);
      return {
        engine: args.db,
        members: MEMBERS,
        vacuumBeforeReads: VACUUM,
        at: new Date().toISOString(),
        load1: { start: loadStart, end: load1(), uptime: up },
        orgs: { districts: 12, streets: plan.streets.length, unions: plan.unions.length, distinctNames: distinct, loadMs: city.ms },
        roster: { file, mb, writtenS: roster.value ? roster.ms / 1000 : null },
        dryRun: {
          seconds: dry.seconds,
          uploadS: dry.uploadS,
          trace: dry.trace,
          state: { ...dry.state, errors: dry.state.errors.slice(0, 20) },
        },
        import: {
          seconds: imp.seconds,
          uploadS: imp.uploadS,
          trace: imp.trace,
          rowsPerS,
          jobSeconds,
          state: { ...imp.state, errors: imp.state.errors.slice(0, 20) },
        },
        list: { url: '/api/v1/members?pageSize=20 (district admin)', total, stats: list },
        load: {
          connections: CONNECTIONS,
          duration: DURATION,
          reqPerS: Math.round(r.requests.average),
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors + r.timeouts,
          non2xx: r.non2xx,
        },
        idLookup: { stats: idStats },
      };
    } finally {
      await app.close();
    }
  } finally {
    if (appDb && appDb !== database) await appDb.close();
    await database.close();
  }
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

function printGoals(results: PeerResult[]): void {
  const rows: (string | number)[][] = [];
  for (const r of results) {
    const pg = r.engine === 'postgres';
    const reqGoal = pg ? GOALS.pgReqPerS : GOALS.pgliteReqPerS;
    rows.push(
      [
        r.engine,
        'import rows/s (upload → job done)',
        r.import.rowsPerS,
        `≥ ${GOALS.importRowsPerS}`,
        verdict(r.import.rowsPerS >= GOALS.importRowsPerS),
      ],
      [
        r.engine,
        'rows/s of the staging (job created → publish begins)',
        r.import.jobSeconds ? Math.round(r.import.state.imported / r.import.jobSeconds) : '?',
        `≥ ${GOALS.importRowsPerS}`,
        '',
      ],
      [
        r.engine,
        'import s: upload / staging / publish',
        `${r.import.uploadS.toFixed(1)} / ${r.import.jobSeconds?.toFixed(1) ?? '?'} / ${r.import.jobSeconds === null ? '?' : (r.import.seconds - r.import.uploadS - r.import.jobSeconds).toFixed(1)}`,
        '',
        '',
      ],
      [
        r.engine,
        'imported / errors',
        `${r.import.state.imported} / ${r.import.state.errorCount}`,
        '0 errors',
        verdict(r.import.state.errorCount === 0),
      ],
      [
        r.engine,
        'status during the import, open-loop p95 / max ms',
        `${r.import.trace.probes.p95} / ${r.import.trace.probes.max}`,
        `p95 ≤ ${GOALS.statusP95Ms}`,
        verdict(r.import.trace.probes.p95 <= GOALS.statusP95Ms),
      ],
      [r.engine, 'dry run s', r.dryRun.seconds.toFixed(1), '', ''],
      [r.engine, 'list page 1 median / p95 ms', `${r.list.stats.median} / ${r.list.stats.p95}`, '', ''],
      [
        r.engine,
        `list req/s (${r.load.connections} conn × ${r.load.duration} s)`,
        r.load.reqPerS,
        `≥ ${reqGoal}`,
        verdict(r.load.reqPerS >= reqGoal),
      ],
      [r.engine, 'list p99 ms', r.load.p99, pg ? `≤ ${GOALS.pgP99}` : '', pg ? verdict(r.load.p99 <= GOALS.pgP99) : ''],
      [r.engine, 'ID lookup median ms (HTTP)', r.idLookup.stats.median, `≤ ${GOALS.idMs}`, verdict(r.idLookup.stats.median <= GOALS.idMs)],
      [r.engine, 'VACUUM ANALYZE before the reads', r.vacuumBeforeReads ? 'yes (--vacuum)' : 'no', '', ''],
      [r.engine, 'load (1 min) start → end', `${r.load1.start} → ${r.load1.end}`, '', ''],
    );
  }
  printTable(['engine', 'figure', 'result', 'issue 13 goal', 'met'], rows);
}

async function main() {
  if (engineGiven) {
    const r = await runEngine();
    if (!r) return;
    process.stdout.write('\n');
    printGoals([r]);
    process.stdout.write(`wrote ${writeOut(outName(r.engine), r)}\n`);
    return;
  }
  // Both engines, each in its own process, one after the other; then both results in one table.
  const script = fileURLToPath(import.meta.url);
  const rest = process.argv.slice(2);
  const results: PeerResult[] = [];
  for (const engine of ['postgres', 'pglite']) {
    execFileSync(process.execPath, [...process.execArgv, script, ...rest, '--db', engine], { stdio: 'inherit' });
    if (IMPORT_ONLY) continue;
    results.push(JSON.parse(fs.readFileSync(path.join(OUT_DIR, outName(engine)), 'utf8')) as PeerResult);
  }
  if (IMPORT_ONLY) return;
  process.stdout.write('\nboth engines:\n');
  printGoals(results);
}

await main();
