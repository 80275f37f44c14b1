// The reads of the peer-city run (bench:peer) against a database it has already imported, without importing again:
// member list page 1 in a district admin's scope (sequential, then autocannon with CPU per request), and the exact
// 身份证号 lookup. For A/B runs of the read path; the figures of record come from bench:peer itself.
//   npx tsx bench/src/peer-reads.ts --db postgres [--url postgres://postgres@127.0.0.1:5432/gh_peer] [--duration 10]
//   npx tsx bench/src/peer-reads.ts --db pglite [--data-dir bench/out/peer-pglite]
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { runMigrations } from '../../server/src/platform/db/index.ts';
import { buildServer } from '../../server/src/server.ts';
import { makeUser } from '../../server/src/test/factories.ts';
import { openAppDb, openBenchDb } from './db.ts';
import { benchCrypto } from './members-crypto.ts';
import { login } from './members-http.ts';
import { personOf } from './members-people.ts';
import { dbPids, keepPoolOpen, load1, measureStats, OUT_DIR, parseArgs, procCpu, takeOpt } from './lib.ts';
import { planPeerCity, unionOf } from './peer-city.ts';
import { autocannon } from './peer-http.ts';

const argv = process.argv.slice(2);
const DURATION = Number(takeOpt(argv, 'duration', '10'));
const CONNECTIONS = Number(takeOpt(argv, 'connections', '50'));
const LABEL = takeOpt(argv, 'label', '');
/** Writes a CPU profile of this process (the server) taken during the autocannon run only. */
const PROFILE = takeOpt(argv, 'profile', '');
if (!argv.includes('--url')) argv.push('--url', 'postgres://postgres@127.0.0.1:5432/gh_peer');
if (!argv.includes('--data-dir')) argv.push('--data-dir', path.join(OUT_DIR, 'peer-pglite'));
const args = parseArgs(argv);

async function main() {
  const database = await openBenchDb(args, false);
  const appDb = args.db === 'postgres' ? await openAppDb(args) : database;
  try {
    const { db } = database;
    await runMigrations(db);
    const members = Number((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM members`)).rows[0]?.n ?? 0);
    // District 0 of the plan is the first org created under the root (bench:peer's cadre works there).
    const d = await db.execute<{ id: number }>(sql`SELECT id FROM orgs WHERE depth = 1 ORDER BY id LIMIT 1`);
    const districtId = d.rows[0]?.id;
    if (!districtId) throw new Error('no district: run bench:peer first');
    const plan = planPeerCity(args.seed);
    const ids: string[] = [];
    for (let i = 0; i < members && ids.length < 20; i += 7) {
      const u = plan.unions[unionOf(args.seed, i)];
      if (u && plan.streets[u.street]?.district === 0) ids.push(personOf(args.seed, i).idNumber);
    }
    const cadre = await makeUser(db, districtId, ['org_admin']);
    const app = await buildServer(appDb.db, { logLevel: 'silent', cookieSecure: false, loginRateLimit: 10_000, crypto: benchCrypto });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const cookie = await login(base, cadre.username, cadre.password);
      const listUrl = `${base}/api/v1/members?pageSize=20`;
      let total: number | null = null;
      const list = await measureStats(args.reps, args.warmup, async () => {
        const res = await fetch(listUrl, { headers: { cookie } });
        const body = (await res.json()) as { total?: number };
        if (res.status !== 200) throw new Error(`list ${res.status} ${JSON.stringify(body)}`);
        total = body.total ?? null;
      });
      // Open every pooled connection first, so that the backends whose CPU is read below are the ones serving.
      keepPoolOpen(appDb.pool);
      await Promise.all(Array.from({ length: 30 }, () => fetch(listUrl, { headers: { cookie } }).then((x) => x.arrayBuffer())));
      await Promise.all(Array.from({ length: 10 }, () => appDb.pool.query('SELECT pg_sleep(0.02)')));
      const pids = await dbPids(appDb.pool, args.db);
      const dbCpu = () => pids.reduce((s, p) => s + procCpu(p).own, 0);
      const node0 = process.cpuUsage();
      const db0 = dbCpu();
      const inspector = PROFILE ? new Session() : null;
      if (inspector) {
        inspector.connect();
        await inspector.post('Profiler.enable');
        await inspector.post('Profiler.start');
      }
      const r = await autocannon(listUrl, cookie, CONNECTIONS, DURATION);
      if (inspector) {
        const { profile } = await inspector.post('Profiler.stop');
        fs.writeFileSync(PROFILE, JSON.stringify(profile));
        inspector.disconnect();
      }
      const used = process.cpuUsage(node0);
      const nodeMs = (used.user + used.system) / 1000;
      const perReq = (ms: number) => Math.round((ms / Math.max(1, r.requests.total)) * 100) / 100;
      let k = 0;
      const idStats = await measureStats(args.reps, args.warmup, async () => {
        const id = ids[k++ % ids.length] ?? '';
        const res = await fetch(`${base}/api/v1/members?idNumber=${id}&pageSize=20`, { headers: { cookie } });
        const body = (await res.json()) as { items?: unknown[] };
        if (res.status !== 200 || body.items?.length !== 1)
          throw new Error(`ID lookup ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      });
      // The same lookup from a lean keep-alive client (autocannon, one connection). Its round trip is 1 / req/s: autocannon
      // keeps latencies in whole milliseconds, so its average is no figure below 1 ms.
      const idLean = await autocannon(`${base}/api/v1/members?idNumber=${ids[0] ?? ''}&pageSize=20`, cookie, 1, 5);
      process.stdout.write(
        `${LABEL} ${args.db} ${members} members, list (${total}): seq median ${list.median} p95 ${list.p95} ms | ` +
          `${CONNECTIONS} conn × ${DURATION} s: ${Math.round(r.requests.average)} req/s p50 ${r.latency.p50} p99 ${r.latency.p99} ms ` +
          `non2xx ${r.non2xx} err ${r.errors + r.timeouts} | CPU/req node ${perReq(nodeMs)} (sys ${perReq(used.system / 1000)}) db ${perReq(dbCpu() - db0)} ms | ` +
          `ID median ${idStats.median} p95 ${idStats.p95} ms (lean client, one connection: ${Math.round(idLean.requests.average)} req/s = ${(1000 / idLean.requests.average).toFixed(2)} ms per round trip) | load ${load1()}\n`,
      );
    } finally {
      await app.close();
    }
  } finally {
    if (appDb !== database) await appDb.close();
    await database.close();
  }
}

await main();
