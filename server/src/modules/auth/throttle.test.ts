// Login throttling as an attacker meets it: parallel guesses, progressive delays per account and per IP, the
// hard lock a security admin lifts, spoofed X-Forwarded-For, and wrong old passwords on /auth/password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, Client, loginAs, type Res } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD, uniq } from '../../test/factories.ts';
import { loadConfig } from '../../platform/config.ts';
import type { HttpApp } from '../../platform/http/index.ts';

const WRONG = 'Wrong#Pass1';
let ipSeq = 0;
/** A fresh client address per test, so one test's IP tier never throttles another's. */
const freshIp = () => `198.51.100.${++ipSeq}`;

describe.each(engines())('login throttling on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const login = (ip: string, username: string, password: string) => new Client(app, ip).post('/api/v1/auth/login', { username, password });
  /** Stands in for waiting out the progressive delays (the counters stay). */
  const skipDelays = () => t.owner.execute(sql`UPDATE login_throttle SET next_at = NULL`);
  const auditCount = async (action: string, entityId: number) => {
    const r = await t.owner.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = ${action} AND entity_id = ${String(entityId)}`,
    );
    return r.rows[0]?.n ?? 0;
  };

  it('counts parallel wrong passwords atomically: only the first few are checked, the rest and the right password get 429', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const u = await makeUser(t.db, org.id);
    const ip = freshIp();
    const burst = await Promise.all(Array.from({ length: 30 }, () => login(ip, u.username, WRONG)));
    const codes = burst.map((r) => r.status);
    expect(codes.filter((c) => c === 401)).toHaveLength(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(27);
    expect(await auditCount('auth.login_failed', u.id)).toBe(3);

    const right = await login(freshIp(), u.username, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('LOGIN_THROTTLED');
    expect(right.body.message).toMatch(/秒后再试/);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.headers['set-cookie']).toBeUndefined();

    // Throttling started: an alert in the audit log, under the account's org.
    const alert = await t.owner.execute<{ org_path: string; after: { scope: string } }>(
      sql`SELECT org_path, after FROM audit_events WHERE action = 'auth.alert' AND entity_id = ${String(u.id)}`,
    );
    expect(alert.rows).toHaveLength(1);
    expect(alert.rows[0]).toMatchObject({ org_path: org.path, after: { scope: 'account' } });

    await skipDelays();
    expect((await login(freshIp(), u.username, PASSWORD)).status).toBe(200);
  });

  it('throttles an unknown name exactly like a real one, with the same message', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const u = await makeUser(t.db, org.id);
    const ghost = uniq('ghost');
    const run = async (name: string) => {
      const ip = freshIp();
      const out: Res[] = [];
      for (let i = 0; i < 4; i++) out.push(await login(ip, name, WRONG));
      return out;
    };
    const real = await run(u.username);
    const fake = await run(ghost);
    expect(real.map((r) => r.status)).toEqual([401, 401, 401, 429]);
    expect(fake.map((r) => r.status)).toEqual([401, 401, 401, 429]);
    // The wait in the message is counted from each name's own last failure; the wording is the same.
    const wording = (r: Res | undefined) => String(r?.body.message).replace(/\d+/g, 'N');
    expect(wording(real[3])).toBe(wording(fake[3]));
    expect(real[3]?.body.code).toBe(fake[3]?.body.code);
  });

  it('keeps a hard lock only at 20 failures; a security admin in scope lifts it (403 without the permission, 404 out of scope)', async () => {
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const street = await makeOrg(t.db, district, { level: 'street' });
    const other = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const u = await makeUser(t.db, street.id, ['viewer']);
    for (let i = 0; i < 20; i++) {
      expect((await login(freshIp(), u.username, WRONG)).status).toBe(401);
      await skipDelays();
    }
    const locked = await login(freshIp(), u.username, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.message).toContain('锁定');
    await skipDelays();
    expect((await login(freshIp(), u.username, PASSWORD)).status).toBe(429);

    const secAdmin = await loginAs(app, (await makeUser(t.db, district.id, ['security_admin'])).username, PASSWORD, freshIp());
    expect((await secAdmin.get(`/api/v1/users/${u.id}`)).body.locked).toBe(true);
    const listed = await secAdmin.get(`/api/v1/users?q=${u.username}`);
    expect(listed.body.items[0]).toMatchObject({ id: u.id, locked: true });

    const viewer = await loginAs(app, (await makeUser(t.db, district.id, ['viewer'])).username, PASSWORD, freshIp());
    const denied = await viewer.post(`/api/v1/users/${u.id}/unlock`);
    expect([denied.status, denied.body.code]).toEqual([403, 'FORBIDDEN']);
    const outsider = await loginAs(app, (await makeUser(t.db, other.id, ['security_admin'])).username, PASSWORD, freshIp());
    expect((await outsider.post(`/api/v1/users/${u.id}/unlock`)).status).toBe(404);
    expect((await login(freshIp(), u.username, PASSWORD)).status).toBe(429);

    const ok = await secAdmin.post(`/api/v1/users/${u.id}/unlock`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: u.id, locked: false });
    expect(await auditCount('user.unlock', u.id)).toBe(1);
    const tiers = await t.owner.execute<{ tier: string }>(
      sql`SELECT after->>'tier' AS tier FROM audit_events WHERE action = 'auth.alert' AND entity_id = ${String(u.id)} ORDER BY id`,
    );
    expect(tiers.rows.map((r) => r.tier)).toContain('locked');
    expect((await login(freshIp(), u.username, PASSWORD)).status).toBe(200);
  });

  it("throttles an attacker's IP across accounts without blocking the owner from another IP", async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const owner = await makeUser(t.db, org.id);
    const attacker = freshIp();
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await login(attacker, uniq('spray'), WRONG)).status);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(codes.slice(10)).toContain(429);
    // The attacker's address is throttled even with a correct password...
    expect((await login(attacker, owner.username, PASSWORD)).status).toBe(429);
    // ...while the owner, elsewhere, logs in.
    expect((await login(freshIp(), owner.username, PASSWORD)).status).toBe(200);
    const alerts = await t.owner.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.alert' AND after->>'scope' = 'ip' AND ip = ${attacker}`,
    );
    expect(alerts.rows[0]?.n).toBe(1);
  });

  it('counts wrong old passwords on /auth/password, audits each, throttles, and at the hard tier ends the sessions', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const u = await makeUser(t.db, org.id);
    const c = await loginAs(app, u.username, PASSWORD, freshIp());
    const wrong = [];
    for (let i = 0; i < 3; i++) wrong.push(await c.post('/api/v1/auth/password', { oldPassword: WRONG, newPassword: 'New#Pass2026x' }));
    expect(wrong.map((r) => r.status)).toEqual([400, 400, 400]);
    expect(wrong[0]?.body.field).toBe('oldPassword');
    expect(await auditCount('auth.password_change_failed', u.id)).toBe(3);
    const throttled = await c.post('/api/v1/auth/password', { oldPassword: PASSWORD, newPassword: 'New#Pass2026x' });
    expect(throttled.status).toBe(429);
    expect(throttled.body.code).toBe('LOGIN_THROTTLED');

    await t.owner.execute(sql`UPDATE login_throttle SET failures = 19, next_at = NULL WHERE key = ${`u:${u.username.toLowerCase()}`}`);
    expect((await c.post('/api/v1/auth/password', { oldPassword: WRONG, newPassword: 'New#Pass2026x' })).status).toBe(400);
    expect((await c.get('/api/v1/me')).status).toBe(401);
    expect((await login(freshIp(), u.username, PASSWORD)).status).toBe(429);
  });
});

describe.each(engines())('client address behind proxies on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  const ipsOf = async (prefix: string) => {
    const r = await t.owner.execute<{ ip: string }>(sql`SELECT DISTINCT ip FROM audit_events WHERE actor_name LIKE ${`${prefix}%`}`);
    return r.rows.map((x) => x.ip);
  };

  it('reads TRUST_PROXY as a list of proxies; 1 means loopback only; nonsense stops the start', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 172.16.0.0/12' }).trustProxy).toEqual(['10.0.0.1', '172.16.0.0/12']);
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(() => loadConfig({ TRUST_PROXY: 'anyone' })).toThrow(/TRUST_PROXY/);
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy: rotating it still gets 429 and the audit has the real IP', async () => {
    for (const env of ['10.0.0.1', '1']) {
      const app = await buildTestApp(t.db, { trustProxy: loadConfig({ TRUST_PROXY: env }).trustProxy });
      try {
        const prefix = uniq('xff');
        const real = `203.0.113.${env === '1' ? 21 : 20}`;
        const codes: number[] = [];
        for (let i = 0; i < 14; i++) {
          const res = await app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress: real,
            headers: { 'x-forwarded-for': `192.0.2.${i + 1}` },
            payload: { username: `${prefix}_${i}`, password: WRONG },
          });
          codes.push(res.statusCode);
        }
        expect(codes).toContain(429);
        expect(await ipsOf(prefix)).toEqual([real]);
      } finally {
        await app.close();
      }
    }
  });

  it('believes X-Forwarded-For from a listed proxy', async () => {
    const app = await buildTestApp(t.db, { trustProxy: loadConfig({ TRUST_PROXY: '10.0.0.1' }).trustProxy });
    try {
      const prefix = uniq('proxied');
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.0.0.1',
        headers: { 'x-forwarded-for': '192.0.2.44' },
        payload: { username: prefix, password: WRONG },
      });
      expect(res.statusCode).toBe(401);
      expect(await ipsOf(prefix)).toEqual(['192.0.2.44']);
    } finally {
      await app.close();
    }
  });
});
