// 三员分立: the built-in roles separate accounts, security and audit; no role and no user may hold all three duties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breaksSeparation } from '@gonghui/common';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, loginRoot, type Client, type Loose } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD, uniq } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('role separation on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let secadmin: Client;
  let auditor: Client;
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    admin = await loginRoot(app, 'admin');
    secadmin = await loginRoot(app, 'secadmin');
    auditor = await loginRoot(app, 'auditor');
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('GET /roles lists the built-in roles; org_admin lacks audit, role management and unmasking', async () => {
    const res = await admin.get('/api/v1/roles');
    expect(res.status).toBe(200);
    const byKey = new Map((res.body.items as Loose[]).map((r) => [r.key as string, r]));
    for (const key of ['org_admin', 'viewer', 'system_admin', 'security_admin', 'auditor', 'privacy_officer']) {
      expect(byKey.get(key), key).toMatchObject({ builtin: true });
    }
    const orgAdmin = byKey.get('org_admin').permissions as string[];
    for (const p of ['audit:read', 'role:manage', 'member:view_sensitive', 'security:manage', 'export:approve'])
      expect(orgAdmin).not.toContain(p);
    expect(orgAdmin).toEqual(expect.arrayContaining(['user:manage', 'member:read', 'member:export']));
    expect(byKey.get('security_admin').permissions).toEqual(expect.arrayContaining(['role:manage', 'security:manage']));
    expect(byKey.get('auditor').permissions).toContain('audit:read');
    for (const r of byKey.values()) expect(breaksSeparation(r.permissions as string[]), r.key).toBe(false);
  });

  it('the three root accounts each hold one duty', async () => {
    const street = await makeOrg(t.db, t.rootOrgId, { level: 'street' });
    expect((await admin.get('/api/v1/audit-events')).status).toBe(403);
    expect((await admin.post('/api/v1/roles', { key: uniq('r'), name: '角色', permissions: ['org:read'] })).status).toBe(403);
    expect((await auditor.get('/api/v1/audit-events')).status).toBe(200);
    expect(
      (await auditor.post('/api/v1/users', { username: uniq('x'), password: 'Init#Pass2026', orgId: street.id, roles: ['viewer'] })).status,
    ).toBe(403);
    expect((await secadmin.get('/api/v1/audit-events')).status).toBe(403);
    expect(
      (await secadmin.post('/api/v1/users', { username: uniq('x'), password: 'Init#Pass2026', orgId: street.id, roles: ['viewer'] }))
        .status,
    ).toBe(403);
    const me = async (c: Client) => (await c.get('/api/v1/me')).body.user.roles as string[];
    expect(await me(admin)).toEqual(['system_admin', 'org_admin']);
    expect(await me(secadmin)).toEqual(['security_admin']);
    expect(await me(auditor)).toEqual(['auditor']);
  });

  it('refuses to define a role that holds all three duties', async () => {
    for (const permissions of [
      ['user:manage', 'role:manage', 'audit:read'],
      ['org:read', 'user:manage', 'security:manage', 'audit:read'],
    ]) {
      const res = await secadmin.post('/api/v1/roles', { key: uniq('all'), name: '全能', permissions });
      expect(res.status, permissions.join()).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'permissions' });
      expect(res.body.message).toContain('三员分立');
    }
    // Two of the three are fine; the security admin defines roles beyond their own permissions.
    const two = await secadmin.post('/api/v1/roles', { key: uniq('two'), name: '用户与审计', permissions: ['user:manage', 'audit:read'] });
    expect(two.status).toBe(201);
  });

  it('refuses to assign roles that together hold all three duties, on create and on edit', async () => {
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    // A manager holding every duty's permission can exist only from before the separation.
    const key = uniq('acct_audit');
    expect(
      (
        await secadmin.post('/api/v1/roles', {
          key,
          name: '账号与审计',
          permissions: ['org:read', 'user:read', 'user:manage', 'audit:read'],
        })
      ).status,
    ).toBe(201);
    const mgr = await loginAs(app, (await makeUser(t.db, t.rootOrgId, ['org_admin', 'security_admin', key])).username, PASSWORD);
    const created = await mgr.post('/api/v1/users', {
      username: uniq('all'),
      password: 'Init#Pass2026',
      orgId: district.id,
      roles: [key, 'security_admin'],
    });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ code: 'VALIDATION', field: 'roles' });
    expect(created.body.message).toContain('三员分立');
    const target = await makeUser(t.db, district.id, ['org_admin']);
    const edit = await mgr.patch(`/api/v1/users/${target.id}`, { roles: ['org_admin', 'security_admin', 'auditor'] });
    expect(edit.status).toBe(400);
    expect(edit.body.field).toBe('roles');
    expect((await admin.get(`/api/v1/users/${target.id}`)).body.roles).toEqual(['org_admin']);
    // Two duties at once stay possible (a small union's cadre who also keeps the roles).
    expect((await mgr.patch(`/api/v1/users/${target.id}`, { roles: ['org_admin', 'security_admin'] })).status).toBe(200);
  });
});
