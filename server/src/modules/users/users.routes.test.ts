import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, Client, loginAs, loginRoot, type Loose } from '../../test/http.ts';
import { makeOrg, makeTree, makeUser, PASSWORD, uniq } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';

const NEW_PASSWORD = 'Init#Pass2026';

describe.each(engines())('users and roles on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let secadmin: Client;
  let auditor: Client;
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
    secadmin = await loginRoot(app, 'secadmin');
    auditor = await loginRoot(app, 'auditor');
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  /** A fresh district tree with a logged-in org_admin at the district. */
  async function district() {
    const tree = await makeTree(t.db, t.rootOrgId);
    const street = tree.streets[0]?.org;
    if (!street) throw new Error('tree');
    const boss = await makeUser(t.db, tree.district.id, ['org_admin']);
    return { tree, street, boss, client: await loginAs(app, boss.username, PASSWORD) };
  }
  const login = (username: string, password: string) => new Client(app).post('/api/v1/auth/login', { username, password });
  const noSecrets = (body: unknown) => {
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/passwordHash|password_hash|\$argon2|failedAttempts/);
    expect(text).not.toContain(NEW_PASSWORD);
  };

  it('creates a user below the actor’s org who must change the password at first login', async () => {
    const { street, client } = await district();
    const username = uniq('zhangwei');
    const res = await client.post('/api/v1/users', {
      username,
      displayName: '张伟',
      password: NEW_PASSWORD,
      orgId: street.id,
      roles: ['viewer'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username,
      displayName: '张伟',
      orgId: street.id,
      orgName: street.name,
      roles: ['viewer'],
      disabled: false,
      mustChangePassword: true,
    });
    expect(Object.keys(res.body)).not.toContain('password');
    noSecrets(res.body);
    const fetched = await client.get(`/api/v1/users/${res.body.id}`);
    expect(fetched.body.username).toBe(username);
    noSecrets(fetched.body);
    noSecrets((await client.get(`/api/v1/users?q=${username}`)).body);

    const first = await login(username, NEW_PASSWORD);
    expect(first.status).toBe(200);
    noSecrets(first.body);
    const newcomer = await loginAs(app, username, NEW_PASSWORD);
    expect((await newcomer.get('/api/v1/me')).body.user).toMatchObject({ username, orgId: street.id, mustChangePassword: true });
    expect((await newcomer.get(`/api/v1/orgs/${street.id}`)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('answers 404 for an org out of scope, and creates nothing', async () => {
    const { street, client } = await district();
    const sibling = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const username = uniq('outside');
    const res = await client.post('/api/v1/users', { username, password: NEW_PASSWORD, orgId: sibling.id, roles: ['viewer'] });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(res.body.message).toMatch(/组织不存在或不在您的管辖范围内/);
    // The street admin cannot create at the district above them either.
    const streetAdmin = await loginAs(app, (await makeUser(t.db, street.id)).username, PASSWORD);
    const above = await streetAdmin.post('/api/v1/users', { username, password: NEW_PASSWORD, orgId: t.rootOrgId, roles: ['viewer'] });
    expect(above.status).toBe(404);
    expect((await admin.get(`/api/v1/users?q=${username}`)).body.total).toBe(0);
  });

  it('refuses a duplicate username whatever its case, naming 用户名', async () => {
    const { street, client } = await district();
    const username = uniq('Li.Na');
    expect((await client.post('/api/v1/users', { username, password: NEW_PASSWORD, orgId: street.id, roles: ['viewer'] })).status).toBe(
      201,
    );
    for (const variant of [username, username.toLowerCase(), username.toUpperCase()]) {
      const dup = await client.post('/api/v1/users', { username: variant, password: NEW_PASSWORD, orgId: street.id, roles: ['viewer'] });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'DUPLICATE', field: 'username' });
      expect(dup.body.message).toContain('用户名');
    }
    // Also across subtrees: usernames are global, and "admin" is taken.
    const dupAdmin = await client.post('/api/v1/users', { username: 'ADMIN', password: NEW_PASSWORD, orgId: street.id, roles: ['viewer'] });
    expect(dupAdmin.status).toBe(409);
  });

  it('refuses a weak password with a message that starts with 密码：', async () => {
    const { street, client } = await district();
    for (const password of ['abcdefgh', 'Ab1!', 'Aa123456', 'alllowercase1']) {
      const res = await client.post('/api/v1/users', { username: uniq('weak'), password, orgId: street.id, roles: ['viewer'] });
      expect(res.status, password).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'password' });
      expect(res.body.message).toMatch(/^密码：/);
    }
    const victim = await makeUser(t.db, street.id, ['viewer']);
    const reset = await client.patch(`/api/v1/users/${victim.id}`, { password: 'abcdefgh' });
    expect(reset.status).toBe(400);
    expect(reset.body.message).toMatch(/^密码：/);
  });

  it('a user manager without org_admin’s permissions cannot grant org_admin nor manage an org_admin', async () => {
    const { tree, street } = await district();
    const key = uniq('usermgr');
    const role = await secadmin.post('/api/v1/roles', { key, name: '用户专管员', permissions: ['org:read', 'user:read', 'user:manage'] });
    expect(role.status).toBe(201);
    const mgr = await loginAs(app, (await makeUser(t.db, tree.district.id, [key])).username, PASSWORD);
    const streetAdmin = await makeUser(t.db, street.id, ['org_admin']);

    const grant = await mgr.post('/api/v1/users', {
      username: uniq('boss'),
      password: NEW_PASSWORD,
      orgId: street.id,
      roles: ['org_admin'],
    });
    expect(grant.status).toBe(403);
    expect(grant.body.code).toBe('FORBIDDEN');
    // viewer carries role:read and member:read, which the manager lacks.
    expect(
      (await mgr.post('/api/v1/users', { username: uniq('v'), password: NEW_PASSWORD, orgId: street.id, roles: ['viewer'] })).status,
    ).toBe(403);
    for (const patch of [{ disabled: true }, { displayName: '改名' }, { password: 'Other#Pass2026' }, { roles: [key] }]) {
      const res = await mgr.patch(`/api/v1/users/${streetAdmin.id}`, patch);
      expect(res.status, JSON.stringify(patch)).toBe(403);
    }
    const after = await admin.get(`/api/v1/users/${streetAdmin.id}`);
    expect(after.body).toMatchObject({ disabled: false, displayName: null, roles: ['org_admin'], mustChangePassword: false });
    expect((await login(streetAdmin.username, PASSWORD)).status).toBe(200);

    // Within their own permissions they do manage users.
    const peer = await mgr.post('/api/v1/users', { username: uniq('peer'), password: NEW_PASSWORD, orgId: street.id, roles: [key] });
    expect(peer.status).toBe(201);
    expect((await mgr.patch(`/api/v1/users/${peer.body.id}`, { displayName: '王芳' })).body.displayName).toBe('王芳');
  });

  it('nobody creates a role with permissions they lack; a role created within them is visible below, not in a sibling subtree', async () => {
    const { tree, street, client } = await district();
    const limitedKey = uniq('rolemgr');
    expect(
      (await secadmin.post('/api/v1/roles', { key: limitedKey, name: '角色专管员', permissions: ['org:read', 'role:read', 'role:manage'] }))
        .status,
    ).toBe(201);
    const limited = await loginAs(app, (await makeUser(t.db, tree.district.id, [limitedKey])).username, PASSWORD);
    const tooMuch = await limited.post('/api/v1/roles', { key: uniq('grab'), name: '越权角色', permissions: ['org:read', 'audit:read'] });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body.message).toContain('audit:read');
    const fine = await limited.post('/api/v1/roles', { key: uniq('reader'), name: '组织查看', permissions: ['org:read'] });
    expect(fine.status).toBe(201);
    expect(fine.body).toMatchObject({ builtin: false, orgId: tree.district.id, permissions: ['org:read'] });

    // Defining roles is the security admin's duty: a district cadre needs security_admin beside org_admin.
    const definer = await loginAs(app, (await makeUser(t.db, tree.district.id, ['org_admin', 'security_admin'])).username, PASSWORD);
    expect((await client.post('/api/v1/roles', { key: uniq('nope'), name: '无权', permissions: ['org:read'] })).status).toBe(403);
    const key = uniq('distrole');
    const created = await definer.post('/api/v1/roles', { key, name: '区级会员查看', permissions: ['org:read', 'member:read'] });
    expect(created.status).toBe(201);
    const keysFor = async (c: Client) => ((await c.get('/api/v1/roles')).body.items as Loose[]).map((r) => r.key as string);
    const below = await loginAs(app, (await makeUser(t.db, street.id, ['viewer'])).username, PASSWORD);
    const sibling = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const outside = await loginAs(app, (await makeUser(t.db, sibling.id, ['org_admin'])).username, PASSWORD);
    expect(await keysFor(client)).toContain(key);
    expect(await keysFor(below)).toContain(key);
    expect(await keysFor(outside)).not.toContain(key);
    expect(await keysFor(outside)).toEqual(expect.arrayContaining(['org_admin', 'viewer', 'auditor']));
    // Invisible is unusable: the sibling cannot assign it.
    const assign = await outside.post('/api/v1/users', {
      username: uniq('x'),
      password: NEW_PASSWORD,
      orgId: (await makeOrg(t.db, sibling)).id,
      roles: [key],
    });
    expect(assign.status).toBe(400);
    expect(assign.body.field).toBe('roles');
    // A duplicate key is a conflict.
    expect((await definer.post('/api/v1/roles', { key, name: '重复', permissions: ['org:read'] })).status).toBe(409);
  });

  it('disabling a user ends their sessions and refuses their logins until re-enabled', async () => {
    const { street, client } = await district();
    const victim = await makeUser(t.db, street.id, ['viewer']);
    const session = await loginAs(app, victim.username, PASSWORD);
    expect((await session.get('/api/v1/me')).status).toBe(200);
    const res = await client.patch(`/api/v1/users/${victim.id}`, { disabled: true });
    expect(res.status).toBe(200);
    expect(res.body.disabled).toBe(true);
    expect((await session.get('/api/v1/me')).status).toBe(401);
    expect((await session.get(`/api/v1/orgs/${street.id}`)).status).toBe(401);
    const refused = await login(victim.username, PASSWORD);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('LOGIN_FAILED');
    expect((await client.patch(`/api/v1/users/${victim.id}`, { disabled: false })).status).toBe(200);
    expect((await login(victim.username, PASSWORD)).status).toBe(200);
  });

  it('resetting a password by PATCH ends sessions and forces a change at next login', async () => {
    const { street, client } = await district();
    const victim = await makeUser(t.db, street.id, ['viewer']);
    const session = await loginAs(app, victim.username, PASSWORD);
    const res = await client.patch(`/api/v1/users/${victim.id}`, { password: 'Reset#Pass2026' });
    expect(res.status).toBe(200);
    expect(res.body.mustChangePassword).toBe(true);
    noSecrets(res.body);
    expect((await session.get('/api/v1/me')).status).toBe(401);
    expect((await login(victim.username, PASSWORD)).status).toBe(401);
    const fresh = await loginAs(app, victim.username, 'Reset#Pass2026');
    expect((await fresh.get('/api/v1/me')).body.user.mustChangePassword).toBe(true);
    expect((await fresh.get(`/api/v1/orgs/${street.id}`)).status).toBe(403);
  });

  it('an admin cannot disable themselves or change their own roles', async () => {
    const { boss, client } = await district();
    for (const patch of [{ disabled: true }, { roles: ['viewer'] }]) {
      const res = await client.patch(`/api/v1/users/${boss.id}`, patch);
      expect(res.status).toBe(403);
      expect(res.body.message).toContain('自己');
    }
    expect((await client.get('/api/v1/me')).body.user).toMatchObject({ roles: ['org_admin'] });
    expect((await admin.get(`/api/v1/users/${boss.id}`)).body.disabled).toBe(false);
    // Their own display name is fine.
    expect((await client.patch(`/api/v1/users/${boss.id}`, { displayName: '陈主席' })).status).toBe(200);
  });

  it('a viewer reads users but gets 403 on creating, editing and defining roles', async () => {
    const { street } = await district();
    const target = await makeUser(t.db, street.id, ['viewer']);
    const viewer = await loginAs(app, (await makeUser(t.db, street.id, ['viewer'])).username, PASSWORD);
    expect((await viewer.get('/api/v1/users')).status).toBe(200);
    expect((await viewer.get(`/api/v1/users/${target.id}`)).status).toBe(200);
    const denied = [
      await viewer.post('/api/v1/users', { username: uniq('nope'), password: NEW_PASSWORD, orgId: street.id, roles: ['viewer'] }),
      await viewer.patch(`/api/v1/users/${target.id}`, { disabled: true }),
      await viewer.post('/api/v1/roles', { key: uniq('nope'), name: '无权', permissions: ['org:read'] }),
    ];
    expect(denied.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([403, 'FORBIDDEN']));
    expect(denied[0]?.body.message).toBe('没有权限执行此操作');
    expect((await admin.get(`/api/v1/users/${target.id}`)).body.disabled).toBe(false);
  });

  it('records user.create and user.update in the audit trail, without secrets', async () => {
    const { street, boss, client } = await district();
    const username = uniq('audited');
    const created = await client.post('/api/v1/users', { username, password: NEW_PASSWORD, orgId: street.id, roles: ['viewer'] });
    await client.patch(`/api/v1/users/${created.body.id}`, { disabled: true, password: 'Other#Pass2026' });
    const c = await auditor.get(`/api/v1/audit-events?action=user.create&entityId=${created.body.id}`);
    expect(c.body.total).toBe(1);
    expect(c.body.items[0]).toMatchObject({
      actorName: boss.username,
      orgId: street.id,
      entityType: 'user',
      after: { username, orgId: street.id, roles: ['viewer'] },
    });
    const u = await auditor.get(`/api/v1/audit-events?action=user.update&entityId=${created.body.id}`);
    expect(u.body.total).toBe(1);
    expect(u.body.items[0]).toMatchObject({
      actorName: boss.username,
      before: { disabled: false },
      after: { disabled: true, passwordReset: true },
    });
    noSecrets([c.body, u.body]);
    expect(JSON.stringify(u.body)).not.toContain('Other#Pass2026');
  });
});
