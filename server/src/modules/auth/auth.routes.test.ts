import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, Client, enrolTotpIfRequired, logIn, loginAs } from '../../test/http.ts';
import { makeOrg, makeUser } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('auth on %s', (engine) => {
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

  it('logs in with an HttpOnly session cookie and a readable CSRF cookie, and answers /me', async () => {
    const c = new Client(app);
    const res = await c.post('/api/v1/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'admin', orgId: t.rootOrgId, roles: ['system_admin', 'org_admin'] });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/gh_sid=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(c.cookies.csrf_token).toBeTruthy();
    const me = await c.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.org.name).toBe('测试市总工会');
    expect(me.body.user.permissions).toContain('org:create');
  });

  it('answers 401 without a session and sets security headers', async () => {
    const res = await new Client(app).get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(String(res.headers['strict-transport-security'])).toMatch(/max-age=\d+/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("frame-ancestors 'self'");
  });

  it('gives the same message for a wrong password and an unknown user', async () => {
    const c = new Client(app);
    const a = await c.post('/api/v1/auth/login', { username: 'admin', password: 'wrong-Pass1' });
    const b = await c.post('/api/v1/auth/login', { username: 'nobody_here', password: 'wrong-Pass1' });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body.message).toBe(b.body.message);
  });

  it('refuses cookie-authenticated writes without the CSRF header', async () => {
    const c = await loginAs(app, 'admin', ADMIN_PASSWORD);
    const res = await c.request(
      'POST',
      '/api/v1/orgs',
      { parentId: t.rootOrgId, name: '无令牌工会', level: 'district', kind: 'federation_body' },
      { 'x-csrf-token': 'forged' },
    );
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF');
  });

  it('rotates the session at login and revokes it at logout', async () => {
    const c = await loginAs(app, 'admin', ADMIN_PASSWORD);
    const first = c.cookies.gh_sid;
    await logIn(c, app, 'admin', ADMIN_PASSWORD);
    expect(c.cookies.gh_sid).not.toBe(first);
    const stale = new Client(app);
    stale.cookies = { gh_sid: first ?? '' };
    expect((await stale.get('/api/v1/me')).status).toBe(401);
    const kept = { ...c.cookies };
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    const after = new Client(app);
    after.cookies = kept;
    expect((await after.get('/api/v1/me')).status).toBe(401);
  });

  it('expires a session idle for more than 30 minutes', async () => {
    const c = await loginAs(app, 'admin', ADMIN_PASSWORD);
    await t.owner.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes'`);
    const res = await c.get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
  });

  it('forces a first-login password change and enforces the policy', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const u = await makeUser(t.db, org.id, ['org_admin'], { mustChangePassword: true });
    const c = await loginAs(app, u.username, u.password);
    expect((await c.get('/api/v1/me')).body.user.mustChangePassword).toBe(true);
    const blocked = await c.get(`/api/v1/orgs/${org.id}`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await c.post('/api/v1/auth/password', { oldPassword: u.password, newPassword: 'abcdefgh' });
    expect(weak.status).toBe(400);
    expect(weak.body.message).toMatch(/^新密码：/);
    const wrongOld = await c.post('/api/v1/auth/password', { oldPassword: 'Nope#1234', newPassword: 'New#Pass2026' });
    expect(wrongOld.body.message).toMatch(/原密码/);
    expect((await c.post('/api/v1/auth/password', { oldPassword: u.password, newPassword: 'New#Pass2026' })).status).toBe(204);
    await enrolTotpIfRequired(c, app);
    expect((await c.get(`/api/v1/orgs/${org.id}`)).status).toBe(200);
    expect((await new Client(app).post('/api/v1/auth/login', { username: u.username, password: 'New#Pass2026' })).status).toBe(200);
  });

  it('rate-limits the login endpoint', async () => {
    const limited = await buildTestApp(t.db, { loginRateLimit: 3 });
    try {
      const c = new Client(limited);
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await c.post('/api/v1/auth/login', { username: 'nobody', password: 'x' })).status);
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
