// Shared bench plumbing: command-line options, loopback-only database targets, timing and statistics.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export const BENCH_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(BENCH_ROOT, 'out');
export const BENCH_ADMIN_PASSWORD = 'Bench#Orgs2026';
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/gh_bench';
export const DEFAULT_PGLITE_DIR = path.join(OUT_DIR, 'pglite50k');

export type Engine = 'pglite' | 'postgres';

export interface BenchArgs {
  db: Engine;
  url: string;
  dataDir: string;
  fresh: boolean;
  reps: number;
  warmup: number;
  seed: number;
  explain: boolean;
  /** PostgreSQL: serve the HTTP app over the owner's (superuser) connection, which RLS does not bind. */
  asOwner: boolean;
}

/** Relative paths are taken from where the user typed the command (npm runs workspace scripts in bench/). */
const fromUser = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

/** Takes `--name value` out of argv (a script's own option, so parseArgs never sees it); `dflt` when absent. */
export function takeOpt(argv: string[], name: string, dflt: string): string;
export function takeOpt(argv: string[], name: string): string | undefined;
export function takeOpt(argv: string[], name: string, dflt?: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = argv[i + 1] ?? dflt;
  argv.splice(i, 2);
  return v;
}

/** Takes the flag `--name` out of argv; whether it was there. */
export function takeFlag(argv: string[], name: string): boolean {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) argv.splice(i, 1);
  return i >= 0;
}

export function parseArgs(argv: string[] = process.argv.slice(2)): BenchArgs {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      opts.set(a.slice(2), next);
      i++;
    } else flags.add(a.slice(2));
  }
  const db = opts.get('db') ?? 'pglite';
  if (db !== 'pglite' && db !== 'postgres') throw new Error('--db must be pglite or postgres');
  const int = (k: string, d: number) => {
    const v = Number(opts.get(k) ?? d);
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${k} must be a non-negative integer`);
    return v;
  };
  return {
    db,
    url: assertLoopback(opts.get('url') ?? DEFAULT_PG_URL),
    dataDir: opts.has('data-dir') ? fromUser(opts.get('data-dir') ?? '') : DEFAULT_PGLITE_DIR,
    fresh: flags.has('fresh'),
    reps: int('reps', 50),
    warmup: int('warmup', 5),
    seed: int('seed', 20260101),
    explain: flags.has('explain'),
    asOwner: flags.has('as-owner'),
  };
}

/** The bench only ever talks to a database on this machine. */
export function assertLoopback(url: string): string {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', ''].includes(host)) throw new Error(`refusing non-loopback database host ${host}`);
  return url;
}

function dbNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name must be a plain identifier: ${name}`);
  return name;
}

async function adminQuery(url: string, text: string): Promise<pg.QueryResult> {
  const u = new URL(url);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` when missing; with `fresh`, drops it first. */
export async function ensurePgDatabase(url: string, fresh: boolean): Promise<void> {
  const name = dbNameOf(url);
  if (fresh) await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const exists = await adminQuery(url, `SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  if (exists.rowCount === 0) await adminQuery(url, `CREATE DATABASE ${name}`);
}

export async function createPgDatabase(url: string, template: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(template)) throw new Error(`template must be a plain identifier: ${template}`);
  await adminQuery(url, `CREATE DATABASE ${dbNameOf(url)} TEMPLATE ${template}`);
}

export async function dropPgDatabase(url: string): Promise<void> {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${dbNameOf(url)} WITH (FORCE)`);
}

/** The installed PGlite version (its package.json is not in the package's exports map). */
export function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === '@electric-sql/pglite') return pkg.version ?? '?';
  }
  return '?';
}

export function writeOut(file: string, data: unknown): string {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const full = path.join(OUT_DIR, file);
  fs.writeFileSync(full, `${JSON.stringify(data, null, 2)}\n`);
  return full;
}

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Median (mean of the middle two for even n) and nearest-rank p95, in ms. */
export function summarize(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) throw new Error('no samples');
  const at = (i: number) => s[Math.min(n - 1, Math.max(0, i))] ?? NaN;
  const median = n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { n, median: round(median), p95: round(at(Math.ceil(0.95 * n) - 1)), min: round(at(0)), max: round(at(n - 1)) };
}

/** Runs `fn` warmup times unmeasured, then reps times; returns the statistics and the last result. */
export async function measure<T>(fn: () => Promise<T>, reps: number, warmup: number): Promise<{ stats: Stats; last: T }> {
  let last: T | undefined;
  for (let i = 0; i < warmup; i++) last = await fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    last = await fn();
    samples.push(performance.now() - t);
  }
  return { stats: summarize(samples), last: last as T };
}

/** measure's statistics alone, with the repetitions first (a closure that returns nothing). */
export async function measureStats(reps: number, warmup: number, fn: () => Promise<void>): Promise<Stats> {
  return (await measure(fn, reps, warmup)).stats;
}

/** Like measure, for two variants run alternately, so drifting machine load is shared fairly. */
export async function measurePair<A, B>(
  fa: () => Promise<A>,
  fb: () => Promise<B>,
  reps: number,
  warmup: number,
): Promise<[{ stats: Stats; last: A }, { stats: Stats; last: B }]> {
  let la = await fa();
  let lb = await fb();
  for (let i = 1; i < warmup; i++) [la, lb] = [await fa(), await fb()];
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < reps; i++) {
    let t = performance.now();
    la = await fa();
    sa.push(performance.now() - t);
    t = performance.now();
    lb = await fb();
    sb.push(performance.now() - t);
  }
  return [
    { stats: summarize(sa), last: la },
    { stats: summarize(sb), last: lb },
  ];
}

/** 1-minute load average, rounded: the machine is shared, so every result records how busy it was. */
export const load1 = () => Math.round((os.loadavg()[0] ?? 0) * 100) / 100;

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: round(performance.now() - t), value };
}

export const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));

export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join(' | ')} |`;
  process.stdout.write(`${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
  for (const r of cells.slice(1)) process.stdout.write(`${line(r)}\n`);
}

const TICK_MS = 10; // USER_HZ = 100 on Linux (getconf CLK_TCK)

/** utime + stime of a process in ms from /proc/<pid>/stat (0 when it is gone); `children` = cutime + cstime. */
export function procCpu(pid: number | 'self'): { own: number; children: number } {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
    const n = (i: number) => Number(f[i - 3] ?? 0);
    return { own: (n(14) + n(15)) * TICK_MS, children: (n(16) + n(17)) * TICK_MS };
  } catch {
    return { own: 0, children: 0 };
  }
}

/**
 * The processes of the database serving a bench: the PostgreSQL backends connected to its database, or the PGlite
 * child process(es) of this process. Call after the pool has opened its connections.
 */
export async function dbPids(pool: pg.Pool, engine: Engine): Promise<number[]> {
  if (engine === 'postgres') {
    const r = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    return r.rows.map((x) => Number(x.pid));
  }
  const kids: number[] = [];
  for (const t of fs.readdirSync('/proc/self/task')) {
    const c = fs.readFileSync(`/proc/self/task/${t}/children`, 'utf8').trim();
    if (c) kids.push(...c.split(/\s+/).map(Number));
  }
  return kids;
}

/** Stops the pool from closing idle connections, so that the backends a CPU meter reads keep serving (pg reads
 * `idleTimeoutMillis` from its options whenever a client is released). */
export function keepPoolOpen(pool: pg.Pool): void {
  (pool as unknown as { options: { idleTimeoutMillis: number } }).options.idleTimeoutMillis = 0;
}

/**
 * CPU time spent by this process (µs resolution) and by the database processes (10 ms ticks) since the meter
 * started, in ms: unlike wall time it barely depends on how busy the machine is.
 */
export function cpuMeter(pids: number[]): () => { node: number; db: number } {
  const node0 = process.cpuUsage();
  const db0 = pids.reduce((s, p) => s + procCpu(p).own, 0);
  return () => {
    const d = process.cpuUsage(node0);
    return { node: (d.user + d.system) / 1000, db: pids.reduce((s, p) => s + procCpu(p).own, 0) - db0 };
  };
}

/** One measured read against its target (ms), as the query benches report it. */
export interface TargetResult {
  name: string;
  info: string;
  target: number | null;
  met: boolean | null;
  stats: Stats;
}

/** The results table every query bench prints: median, p95, target and whether it is met. */
export function printTargetTable(results: readonly TargetResult[]): void {
  printTable(
    ['case', 'result', 'median ms', 'p95 ms', 'target', 'met'],
    results.map((r) => [
      r.name,
      r.info,
      fmt(r.stats.median),
      fmt(r.stats.p95),
      r.target === null ? '' : `≤ ${r.target}`,
      r.met === null ? '' : r.met ? 'met' : 'NOT met',
    ]),
  );
}
