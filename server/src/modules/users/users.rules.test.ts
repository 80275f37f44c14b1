import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('account rules on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('does not let a session reset its own password without the old one', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const u = await makeUser(t.db, org.id);
    const c = await loginAs(app, u.username, PASSWORD);
    const res = await c.patch(`/api/v1/users/${u.id}`, { password: 'Taken#Over2026' });
    expect(res.status).toBe(403);
    expect((await loginAs(app, u.username, PASSWORD)).cookies.gh_sid).toBeTruthy();
  });

  it('uses a custom role only within the subtree of the org that defined it', async () => {
    const a = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const b = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const aAdmin = await loginAs(app, (await makeUser(t.db, a.id)).username, PASSWORD);
    const role = await aAdmin.post('/api/v1/roles', { key: `clerk_${a.id}`, name: 'A区干事', permissions: ['org:read', 'member:read'] });
    expect(role.status).toBe(201);
    const inA = await admin.post('/api/v1/users', { username: `clerk_a_${a.id}`, password: 'Clerk#Pass2026', orgId: a.id, roles: [role.body.key] });
    expect(inA.status).toBe(201);
    const inB = await admin.post('/api/v1/users', { username: `clerk_b_${b.id}`, password: 'Clerk#Pass2026', orgId: b.id, roles: [role.body.key] });
    expect(inB.status).toBe(400);
    expect(inB.body.message).toContain('只能用于其所属组织及下级组织');
  });
});
