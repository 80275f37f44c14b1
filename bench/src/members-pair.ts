// Repo list vs HTTP list of the same district page, interleaved (measurePair), plus two cheap HTTP calls:
// separates the HTTP layer's cost from machine noise.   npx tsx bench/src/members-pair.ts --db postgres --reps 30
import { runMigrations } from '../../server/src/platform/db/index.ts';
// Benchmarks measure the repository's SQL itself, so they read it directly (bench/ is outside the module boundary).
import * as memberRepo from '../../server/src/modules/members/members.repo.ts';
import { buildTestApp, loginAs } from '../../server/src/test/http.ts';
import { openBenchDb } from './db.ts';
import { findTargets } from './targets.ts';
import { BENCH_ADMIN_PASSWORD, load1, measure, measurePair, parseArgs } from './lib.ts';

const args = parseArgs();
const database = await openBenchDb(args, false);
const { db } = database;
await runMigrations(db);
const t = await findTargets(db);
const app = await buildTestApp(db);
const admin = await loginAs(app, 'admin', BENCH_ADMIN_PASSWORD);
const l0 = load1();
const [repo, http] = await measurePair(
  () => memberRepo.list(db, { scopePath: t.district.path }, { page: 1, pageSize: 20 }),
  () => admin.get(`/api/v1/members?orgId=${t.district.id}&pageSize=20`),
  args.reps,
  args.warmup,
);
const health = await measure(() => admin.get('/api/v1/health'), args.reps, args.warmup);
const me = await measure(() => admin.get(`/api/v1/orgs/${t.district.id}/ancestors`), args.reps, args.warmup);
process.stdout.write(
  `${JSON.stringify({ repo: repo.stats, http: http.stats, health: health.stats, orgAncestorsHttp: me.stats, load: [l0, load1()] })}\n`,
);
await app.close();
await database.close();
