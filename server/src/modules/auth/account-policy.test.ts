// Password policy that needs to know whose password it is, password expiry and dormant accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, Client, loginAs } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD, uniq } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { disableDormantUsers } from './index.ts';
import { asSystem } from '../../platform/db/index.ts';

describe.each(engines())('account policy on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db, { passwordMaxAgeDays: 90, dormantDays: 30 });
    admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const auditCount = async (action: string, entityId: number) => {
    const r = await t.owner.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = ${action} AND entity_id = ${String(entityId)}`,
    );
    return r.rows[0]?.n ?? 0;
  };

  it('refuses common passwords and ones containing the username or the org name on create, reset and change', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('Dongcheng') });
    const username = uniq('liming');
    const withName = await admin.post('/api/v1/users', {
      username,
      password: `X#${username.toUpperCase()}9`,
      orgId: org.id,
      roles: ['viewer'],
    });
    expect([withName.status, withName.body.field]).toEqual([400, 'password']);
    expect(withName.body.message).toContain('用户名');
    const common = await admin.post('/api/v1/users', { username, password: 'Woaini1314!', orgId: org.id, roles: ['viewer'] });
    expect([common.status, common.body.field]).toEqual([400, 'password']);
    const created = await admin.post('/api/v1/users', { username, password: 'Tide7#Harbor', orgId: org.id, roles: ['viewer'] });
    expect(created.status).toBe(201);

    const reset = await admin.patch(`/api/v1/users/${created.body.id}`, { password: `${org.name}#A1` });
    expect([reset.status, reset.body.field]).toEqual([400, 'password']);
    expect(reset.body.message).toContain('组织名称');

    const c = await loginAs(app, username, 'Tide7#Harbor');
    for (const newPassword of ['Admin@123', `Aa#1${username}`]) {
      const res = await c.post('/api/v1/auth/password', { oldPassword: 'Tide7#Harbor', newPassword });
      expect([res.status, res.body.field]).toEqual([400, 'newPassword']);
    }
    expect((await c.post('/api/v1/auth/password', { oldPassword: 'Tide7#Harbor', newPassword: 'Maple5$River' })).status).toBe(204);
  });

  it('makes an expired password a forced change at login (PASSWORD_MAX_AGE_DAYS), and the change resets the clock', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const u = await makeUser(t.db, org.id);
    await t.owner.execute(sql`UPDATE users SET password_changed_at = now() - interval '91 days' WHERE id = ${u.id}`);
    const c = new Client(app);
    const res = await c.post('/api/v1/auth/login', { username: u.username, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    expect((await c.get(`/api/v1/orgs/${org.id}`)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(await auditCount('auth.password_expired', u.id)).toBe(1);
    expect((await c.post('/api/v1/auth/password', { oldPassword: PASSWORD, newPassword: 'Maple5$River' })).status).toBe(204);
    const again = await new Client(app).post('/api/v1/auth/login', { username: u.username, password: 'Maple5$River' });
    expect(again.body.user.mustChangePassword).toBe(false);
  });

  it('disables dormant accounts at login and in the sweep (DORMANT_DAYS), audited', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const idle = await makeUser(t.db, org.id);
    const neverUsed = await makeUser(t.db, org.id);
    const active = await makeUser(t.db, org.id);
    await t.owner.execute(sql`UPDATE users SET last_login_at = now() - interval '31 days' WHERE id = ${idle.id}`);
    await t.owner.execute(sql`UPDATE users SET created_at = now() - interval '40 days' WHERE id = ${neverUsed.id}`);
    await t.owner.execute(sql`UPDATE users SET last_login_at = now() - interval '29 days' WHERE id = ${active.id}`);

    const refused = await new Client(app).post('/api/v1/auth/login', { username: idle.username, password: PASSWORD });
    expect([refused.status, refused.body.code]).toEqual([401, 'LOGIN_FAILED']);
    expect((await admin.get(`/api/v1/users/${idle.id}`)).body.disabled).toBe(true);
    expect(await auditCount('user.disabled_dormant', idle.id)).toBe(1);

    // The sweep runs as the system, as main.ts schedules it.
    expect(await asSystem(() => disableDormantUsers(t.db, 30))).toBeGreaterThanOrEqual(1);
    expect((await admin.get(`/api/v1/users/${neverUsed.id}`)).body.disabled).toBe(true);
    expect(await auditCount('user.disabled_dormant', neverUsed.id)).toBe(1);
    expect((await admin.get(`/api/v1/users/${active.id}`)).body.disabled).toBe(false);
    expect((await loginAs(app, active.username, PASSWORD)).cookies.gh_sid).toBeTruthy();
  });
});
