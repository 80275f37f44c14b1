// The server makes no outbound connection: not at start (migrations, bootstrap, fonts, charts) and not while
// serving (login, lists, statistics, a .docx and a PDF). Every socket connect and DNS lookup of this process is
// recorded; only loopback, Unix sockets (PGlite) and the configured database may appear.
import dns from 'node:dns';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from './test/db.ts';
import { testCrypto } from './test/http.ts';
import { fetchLogin } from './test/fetch-session.ts';
import { buildServer, defaultWebDist } from './server.ts';
import type { HttpApp } from './platform/http/index.ts';
import { cjkFontPaths } from './modules/reports/index.ts';

/** Documents need the Noto CJK fonts (CI installs fonts-noto-cjk); without them only the download is skipped. */
const haveFonts = (() => {
  try {
    return cjkFontPaths().length > 0;
  } catch {
    return false;
  }
})();

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);
const attempts: string[] = [];

function allowedHost(host: string | undefined): boolean {
  if (!host || LOOPBACK.has(host)) return true;
  const db = process.env.TEST_DATABASE_URL;
  return Boolean(db && new URL(db).hostname === host);
}

// eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be restored and applied with its own `this`
const realConnect = net.Socket.prototype.connect;
const realLookup = dns.lookup;
const realPromisesLookup = dns.promises.lookup;
function intercept(): void {
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0];
    const opts = (Array.isArray(first) ? first[0] : first) as { path?: string; host?: string; port?: number } | number | string;
    if (typeof opts === 'object' && opts !== null && !opts.path && !allowedHost(opts.host ?? 'localhost'))
      attempts.push(`connect ${opts.host}:${opts.port}`);
    if (typeof opts === 'number' && !allowedHost(typeof args[1] === 'string' ? args[1] : 'localhost'))
      attempts.push(`connect ${String(args[1])}:${opts}`);
    return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  };
  dns.lookup = ((host: string, ...rest: unknown[]) => {
    if (!allowedHost(host)) attempts.push(`dns ${host}`);
    return (realLookup as (...a: unknown[]) => unknown)(host, ...rest);
  }) as typeof dns.lookup;
  dns.promises.lookup = ((host: string, ...rest: unknown[]) => {
    if (!allowedHost(host)) attempts.push(`dns ${host}`);
    return (realPromisesLookup as (...a: unknown[]) => unknown)(host, ...rest);
  }) as typeof dns.promises.lookup;
}
function restore(): void {
  net.Socket.prototype.connect = realConnect;
  dns.lookup = realLookup;
  dns.promises.lookup = realPromisesLookup;
}

describe.each(engines())('no egress on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let base: string;
  beforeAll(async () => {
    attempts.length = 0;
    intercept();
    t = await openTestDb(engine);
    app = await buildServer(t.db, {
      logLevel: 'silent',
      cookieSecure: false,
      loginRateLimit: 1000,
      crypto: testCrypto,
      webDist: defaultWebDist,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const addr = app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
    restore();
  });

  // Documents take a while on a busy machine: a generous timeout.
  it('contacts nothing but loopback and the database while starting and serving, documents included', { timeout: 180_000 }, async () => {
    expect(attempts, 'outbound attempts while starting').toEqual([]);
    // A self-check of the probe: a connect to a documentation address is recorded (and fails fast, nothing listens).
    const probe = net.connect({ host: '192.0.2.1', port: 9 }).on('error', () => undefined);
    probe.destroy();
    expect(attempts).toEqual(['connect 192.0.2.1:9']);
    attempts.length = 0;

    // The system admin holds sensitive permissions: the policy makes them enrol a second factor first.
    const { headers } = await fetchLogin(base, 'admin', ADMIN_PASSWORD, { lastStep: 0 });
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      return res;
    };
    await get('/api/v1/me');
    await get('/api/v1/orgs');
    await get('/api/v1/members');
    await get('/api/v1/indicators');
    await get('/api/v1/stats?from=2026-01-01&to=2026-06-30');
    await get('/api/v1/members/export');
    const created = await fetch(`${base}/api/v1/reports/work-summaries`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ orgId: t.rootOrgId, year: 2026, period: 'H1', asOf: '2026-06-30' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    for (const format of haveFonts ? ['docx', 'pdf'] : []) {
      const file = await get(`/api/v1/reports/work-summaries/${id}/download?format=${format}`);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    const page = await fetch(`${base}/`);
    expect([200, 404]).toContain(page.status);
    expect(attempts).toEqual([]);
  });
});
