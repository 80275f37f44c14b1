// The session cache must never let a change to an account outlive the request that made it: each case primes the
// cache with a read, makes the change, and expects the very next request to see it.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD, uniq } from '../../test/factories.ts';
import { useTestApp } from '../../test/suite.ts';
import { disableDormantUsers } from './index.ts';
import { asSystem } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { SESSION_CACHE_TTL_MS, cacheSession, cachedSession, clearSessionCache } from '../../platform/authz/session-cache.ts';
import type { SessionRow } from '../../platform/authz/session.repo.ts';

describe('session cache entries', () => {
  it('expire after the TTL and are forgotten on clear', () => {
    const row = { sessionId: 's' } as SessionRow;
    cacheSession('h', row, 1_000);
    expect(cachedSession('h', 1_000 + SESSION_CACHE_TTL_MS)).toBe(row);
    expect(cachedSession('h', 1_001 + SESSION_CACHE_TTL_MS)).toBeUndefined();
    cacheSession('h', row, 1_000);
    clearSessionCache();
    expect(cachedSession('h', 1_000)).toBeUndefined();
  });
});

describe.each(engines())('cached sessions on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  useTestApp(engine, (s) => ({ t, app, admin } = s));

  const cadre = async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('缓存区总工会') });
    const u = await makeUser(t.db, org.id, ['org_admin']);
    const c = await loginAs(app, u.username, PASSWORD);
    expect((await c.get('/api/v1/orgs')).status).toBe(200);
    return { u, c };
  };

  it('a logged-out session is refused at once', async () => {
    const { c } = await cadre();
    const cookies = { ...c.cookies };
    expect((await c.post('/api/v1/auth/logout')).status).toBeLessThan(300);
    c.cookies = cookies;
    expect((await c.get('/api/v1/orgs')).status).toBe(401);
  });

  it('a disabled account and a removed role take effect on the next request', async () => {
    const a = await cadre();
    expect((await admin.patch(`/api/v1/users/${a.u.id}`, { roles: ['viewer'] })).status).toBe(200);
    expect((await a.c.get('/api/v1/users')).status).toBe(401); // a role change ends the sessions
    const b = await cadre();
    expect((await admin.patch(`/api/v1/users/${b.u.id}`, { disabled: true })).status).toBe(200);
    expect((await b.c.get('/api/v1/orgs')).status).toBe(401);
  });

  it('a session ended outside any request (the dormant sweep) is refused at once', async () => {
    const { u, c } = await cadre();
    await t.owner.execute(sql`UPDATE users SET last_login_at = now() - interval '400 days' WHERE id = ${u.id}`);
    expect(await asSystem(() => disableDormantUsers(t.db, 365))).toBeGreaterThanOrEqual(1);
    expect((await c.get('/api/v1/orgs')).status).toBe(401);
  });
});
