// Load run: the real HTTP server (buildServer + listen on 127.0.0.1, random port) in this process, a logged-in
// admin's session cookie, and autocannon in a child process against one member list page.
//   npx tsx bench/src/members-load.ts --db postgres [--connections 50] [--duration 20] [--as admin|district]
//   npx tsx bench/src/members-load.ts --db pglite --data-dir bench/out/pglite50k --duration 10
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { runMigrations } from '../../server/src/platform/db/index.ts';
import { buildServer } from '../../server/src/server.ts';
import { openBenchDb } from './db.ts';
import { benchCrypto } from './members-crypto.ts';
import { findTargets } from './targets.ts';
import { makeUser } from '../../server/src/test/factories.ts';
import { login } from './members-http.ts';
import { BENCH_ADMIN_PASSWORD, dbPids, keepPoolOpen, load1, parseArgs, printTable, procCpu, takeOpt, writeOut } from './lib.ts';

const argv = process.argv.slice(2);
const connections = Number(takeOpt(argv, 'connections', '50'));
const duration = Number(takeOpt(argv, 'duration', '20'));
const as = takeOpt(argv, 'as', 'admin');
const args = parseArgs(argv);

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

function autocannon(url: string, cookie: string): Promise<CannonResult> {
  const bin = path.join(path.dirname(createRequire(import.meta.url).resolve('autocannon')), 'autocannon.js');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [bin, '-c', String(connections), '-d', String(duration), '-H', `cookie=${cookie}`, '--json', url],
      { maxBuffer: 1 << 26 },
      (err, stdout) => {
        if (err) reject(new Error(`autocannon: ${err.message}`));
        else resolve(JSON.parse(stdout) as CannonResult);
      },
    );
  });
}

async function main() {
  const database = await openBenchDb(args, false);
  const { db } = database;
  await runMigrations(db);
  const t = await findTargets(db);
  const members = Number((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM members`)).rows[0]?.n ?? 0);
  const app = await buildServer(db, { logLevel: 'silent', cookieSecure: false, loginRateLimit: 10_000, crypto: benchCrypto });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const user =
      as === 'district' ? await makeUser(db, t.district.id, ['org_admin']) : { username: 'admin', password: BENCH_ADMIN_PASSWORD };
    const cookie = await login(base, user.username, user.password);
    const url = `${base}/api/v1/members?${as === 'district' ? '' : `orgId=${t.district.id}&`}pageSize=20`;
    const probe = await fetch(url, { headers: { cookie } });
    const body = (await probe.json()) as { total?: number; totalExact?: boolean };
    if (probe.status !== 200) throw new Error(`probe ${probe.status} ${JSON.stringify(body)}`);
    const loadStart = load1();
    process.stdout.write(
      `members-load: ${args.db}, ${members} members, GET ${url.replace(base, '')} (total ${body.total}${body.totalExact === false ? '+' : ''}) as ${as}, ${connections} connections × ${duration} s, load ${loadStart}\n`,
    );
    // Warm every pooled connection first, so that the backends whose CPU is read below are the ones serving.
    keepPoolOpen(database.pool);
    await Promise.all(Array.from({ length: 20 }, () => fetch(url, { headers: { cookie } }).then((x) => x.arrayBuffer())));
    await Promise.all(Array.from({ length: 10 }, () => database.pool.query('SELECT pg_sleep(0.02)'))); // pool max 10
    const pids = await dbPids(database.pool, args.db);
    const dbCpu = () => pids.reduce((sum, pid) => sum + procCpu(pid).own, 0);
    const before = { self: procCpu('self'), db: dbCpu() };
    const r = await autocannon(url, cookie);
    const after = { self: procCpu('self'), db: dbCpu() };
    const loadEnd = load1();
    const perReq = (ms: number) => Math.round((ms / Math.max(1, r.requests.total)) * 100) / 100;
    const cpu = {
      serverMsPerReq: perReq(after.self.own - before.self.own),
      dbMsPerReq: perReq(after.db - before.db),
      autocannonMsPerReq: perReq(after.self.children - before.self.children),
      dbPids: pids.length,
    };
    // What two otherwise idle cores could serve at this CPU cost (server + database, without the load generator).
    const idleCapacity = Math.round(2000 / Math.max(0.01, cpu.serverMsPerReq + cpu.dbMsPerReq));
    process.stdout.write(
      `CPU per request: server ${cpu.serverMsPerReq} ms, database ${cpu.dbMsPerReq} ms (${pids.length} processes), autocannon ${cpu.autocannonMsPerReq} ms → about ${idleCapacity} req/s on 2 idle cores\n`,
    );
    const row = {
      engine: args.db,
      members,
      as,
      connections,
      duration,
      reqPerS: Math.round(r.requests.average),
      total: r.requests.total,
      p50: r.latency.p50,
      p99: r.latency.p99,
      max: r.latency.max,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      met: r.requests.average >= 500 && r.latency.p99 <= 100,
      load1: [loadStart, loadEnd],
      cpu,
      idleCapacity,
    };
    printTable(
      ['engine', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'target ≥ 500 req/s, p99 ≤ 100 ms', 'load'],
      [
        [
          args.db,
          row.reqPerS,
          row.p50,
          row.p99,
          row.max,
          row.errors + row.timeouts,
          row.non2xx,
          row.met ? 'met' : 'NOT met',
          `${loadStart} → ${loadEnd}`,
        ],
      ],
    );
    process.stdout.write(`wrote ${writeOut(`members-load-${args.db}-${as}.json`, row)}\n`);
  } finally {
    await app.close();
    await database.close();
  }
}

await main();
