// HTTP helpers of the peer-city run: a roster upload as the console sends it (multipart, CSRF header), polling the
// import job, and autocannon in a child process (so that the load generator does not share the server's thread).
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { summarize } from './lib.ts';

export interface ImportState {
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  message: string | null;
  totalRows: number;
  validRows: number;
  imported: number;
  updated: number;
  skipped: number;
  errorCount: number;
  noticeCount: number;
  errors: { row: number; column?: string; message: string }[];
  createdAt: string;
  finishedAt: string | null;
}

const csrfOf = (cookie: string) => /csrf_token=([^;]+)/.exec(cookie)?.[1] ?? '';

/** POST /api/v1/orgs/:orgId/member-imports: returns the job id. */
export async function upload(base: string, cookie: string, orgId: number, bytes: Buffer, dryRun: boolean): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), 'peer-roster.xlsx');
  const res = await fetch(`${base}/api/v1/orgs/${orgId}/member-imports${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfOf(cookie) },
    body: form,
  });
  const body = (await res.json()) as { id?: number };
  if (res.status !== 202 || !body.id) throw new Error(`upload ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

export interface PollTrace {
  /** ms after polling began when the job was first seen running (null: never seen running). */
  runningAt: number | null;
  polls: number;
  /** The slowest status request (the job runs in the server's process). */
  slowestPollMs: number;
  /** Open-loop probes: one status request every 100 ms whether or not the last has answered, so a stall shows in
   *  every request it holds up (a closed-loop poller waits it out in one). Latencies in ms. */
  probes: { n: number; p50: number; p95: number; max: number };
}

/** Polls GET /api/v1/member-imports/:id every 100 ms until the job has ended, with open-loop probes beside it. */
/**
 * Follows an import to its end: a closed-loop poller every `everyMs` after each answer, and open-loop status probes
 * sent every `everyMs` whether or not the last one has answered (a stall counts in every probe it holds up).
 */
export async function poll(base: string, cookie: string, id: number, everyMs = 100): Promise<{ state: ImportState; trace: PollTrace }> {
  const t0 = performance.now();
  const trace: PollTrace = { runningAt: null, polls: 0, slowestPollMs: 0, probes: { n: 0, p50: 0, p95: 0, max: 0 } };
  const probeMs: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const t = performance.now();
    const p = fetch(`${base}/api/v1/member-imports/${id}`, { headers: { cookie } })
      .then((r) => r.arrayBuffer())
      .then(() => void probeMs.push(performance.now() - t))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }, everyMs);
  try {
    const state = await pollUntilEnded(base, cookie, id, t0, trace, everyMs);
    return { state, trace };
  } finally {
    clearInterval(timer);
    await Promise.allSettled([...inFlight]);
    if (probeMs.length) {
      const s = summarize(probeMs);
      trace.probes = { n: s.n, p50: Math.round(s.median), p95: Math.round(s.p95), max: Math.round(s.max) };
    }
  }
}

async function pollUntilEnded(
  base: string,
  cookie: string,
  id: number,
  t0: number,
  trace: PollTrace,
  everyMs: number,
): Promise<ImportState> {
  for (;;) {
    const t = performance.now();
    const res = await fetch(`${base}/api/v1/member-imports/${id}`, { headers: { cookie } });
    const body = (await res.json()) as ImportState;
    trace.polls++;
    trace.slowestPollMs = Math.max(trace.slowestPollMs, Math.round(performance.now() - t));
    if (res.status !== 200) throw new Error(`import ${id}: ${res.status} ${JSON.stringify(body)}`);
    if (body.status !== 'queued' && trace.runningAt === null) trace.runningAt = Math.round(performance.now() - t0);
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

export function autocannon(url: string, cookie: string, connections: number, duration: number): Promise<CannonResult> {
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
