// Phase (c) of members-import: the real import job (commit) into a fresh grassroots union, run by the import
// runtime in the same process as a listening HTTP server that is probed every 500 ms while the job runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../server/src/platform/authz/index.ts';
import { openDatabase } from '../../server/src/platform/db/index.ts';
import { buildServer } from '../../server/src/server.ts';
import { createImportRuntime } from '../../server/src/modules/member-imports/index.ts';
import { createJobService } from '../../server/src/platform/jobs/index.ts';
import { makeOrg } from '../../server/src/test/factories.ts';
import { benchCrypto } from './members-crypto.ts';
import { login } from './members-http.ts';
import { BENCH_ADMIN_PASSWORD, summarize } from './lib.ts';
import { findTargets } from './targets.ts';

export interface PhaseResult {
  phase: string;
  seconds: number;
  rows: number;
  rowsPerS: number;
  peakRssMb: number;
  extra?: Record<string, unknown>;
}

/** Peak resident set of this process (VmHWM), MB. */
export const peakRssMb = () => {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return Math.round(Number(m?.[1] ?? process.resourceUsage().maxRSS) / 1024);
};

export async function runImportPhase(file: string, url: string, rows: number): Promise<PhaseResult> {
  const database = await openDatabase({ databaseUrl: url, poolMax: 10 });
  const { db } = database;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-members-import-'));
  const t = await findTargets(db);
  const street = (
    await db.execute<{ id: number; path: string; depth: number; name: string }>(
      sql`SELECT id, path, depth, name FROM orgs WHERE parent_id = ${t.district.id} ORDER BY id LIMIT 1`,
    )
  ).rows[0];
  if (!street) throw new Error('no street');
  const org = await makeOrg(
    db,
    { id: Number(street.id), path: street.path, depth: Number(street.depth), name: street.name, level: 'street' },
    { level: 'grassroots', name: '压测导入工会' },
  );
  const admin = (
    await db.execute<{ id: number; path: string; org_id: number }>(
      sql`SELECT u.id, o.path, u.org_id FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.username = 'admin'`,
    )
  ).rows[0];
  if (!admin) throw new Error('no admin user');
  const ctx: Ctx = {
    actor: {
      userId: Number(admin.id),
      username: 'admin',
      displayName: null,
      orgId: Number(admin.org_id),
      orgPath: admin.path,
      roles: ['org_admin'],
      permissions: new Set(),
      sessionId: 'bench',
      mustChangePassword: false,
    },
    ip: null,
    requestId: null,
  };
  const app = await buildServer(db, { logLevel: 'silent', cookieSecure: false, loginRateLimit: 10_000, crypto: benchCrypto });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const cookie = await login(base, 'admin', BENCH_ADMIN_PASSWORD);
  const runtime = createImportRuntime({
    db,
    crypto: benchCrypto,
    dir: work,
    jobs: createJobService({ db, log: { error: (o, m) => console.error(m, o), info: () => undefined }, pollMs: 60_000 }),
  });
  await runtime.jobs.start();
  const health: number[] = [];
  const list: number[] = [];
  let failures = 0;
  let probing = true;
  const probe = async () => {
    while (probing) {
      const next = performance.now() + 500;
      for (const [u, into] of [
        [`${base}/api/v1/health`, health],
        [`${base}/api/v1/members?orgId=${t.district.id}&pageSize=20`, list],
      ] as const) {
        const s = performance.now();
        const res = await fetch(u, { headers: { cookie } }).catch(() => null);
        if (!res || res.status !== 200) failures++;
        await res?.arrayBuffer();
        into.push(performance.now() - s);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
    }
  };
  const baseline = await (async () => {
    const xs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const s = performance.now();
      await (await fetch(`${base}/api/v1/members?orgId=${t.district.id}&pageSize=20`, { headers: { cookie } })).arrayBuffer();
      xs.push(performance.now() - s);
    }
    return summarize(xs);
  })();
  const tmp = path.join(work, 'upload.part');
  fs.copyFileSync(file, tmp);
  const probing$ = probe();
  const t0 = performance.now();
  const { id } = await runtime.service.enqueue(ctx, org.id, { tmpPath: tmp, fileName: 'bench.xlsx' }, false);
  await runtime.jobs.kick();
  const seconds = (performance.now() - t0) / 1000;
  probing = false;
  await probing$;
  const res = (
    await db.execute(
      sql`SELECT j.status, j.error, i.imported, i.updated, i.skipped, i.error_count FROM jobs j JOIN member_imports i ON i.job_id = j.id WHERE j.id = ${id}`,
    )
  ).rows[0];
  await runtime.jobs.stop();
  await app.close();
  await database.close();
  fs.rmSync(work, { recursive: true, force: true });
  const h = summarize(health);
  const l = summarize(list);
  return {
    phase: 'real import job (commit)',
    seconds,
    rows,
    rowsPerS: Math.round(rows / seconds),
    peakRssMb: peakRssMb(),
    extra: { job: res, listBaselineMs: baseline, healthMs: h, listMs: l, probeFailures: failures },
  };
}
