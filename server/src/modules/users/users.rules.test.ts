import { describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import { Client, loginAs } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD, uniq } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { useTestApp } from '../../test/suite.ts';

describe.each(engines())('account rules on %s', (engine) => {
  let t: TestDb, app: HttpApp, admin: Client;
  useTestApp(engine, (s) => ({ t, app, admin } = s));

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
    const aAdmin = await loginAs(app, (await makeUser(t.db, a.id, ['org_admin', 'security_admin'])).username, PASSWORD);
    const role = await aAdmin.post('/api/v1/roles', { key: `clerk_${a.id}`, name: 'A区干事', permissions: ['org:read', 'member:read'] });
    expect(role.status).toBe(201);
    const inA = await admin.post('/api/v1/users', {
      username: `clerk_a_${a.id}`,
      password: 'Clerk#Pass2026',
      orgId: a.id,
      roles: [role.body.key],
    });
    expect(inA.status).toBe(201);
    const inB = await admin.post('/api/v1/users', {
      username: `clerk_b_${b.id}`,
      password: 'Clerk#Pass2026',
      orgId: b.id,
      roles: [role.body.key],
    });
    expect(inB.status).toBe(400);
    expect(inB.body.message).toContain('只能用于其所属组织及下级组织');
  });

  it('a peer at the same org cannot take over a cadre’s account; only a holder of security:manage may manage same-org accounts', async () => {
    const street = await makeOrg(t.db, t.rootOrgId, { level: 'street' });
    const first = await makeUser(t.db, street.id, ['org_admin']);
    const firstClient = await loginAs(app, first.username, PASSWORD);
    // The first cadre creates a peer at their own org: refused (accounts are managed from above).
    const peerCreate = await firstClient.post('/api/v1/users', {
      username: uniq('peer'),
      password: 'Peer#Pass2026',
      orgId: street.id,
      roles: ['org_admin'],
    });
    expect(peerCreate.status).toBe(403);
    // A peer that exists anyway (made by the level above) cannot reset the first cadre's password.
    const peer = await makeUser(t.db, street.id, ['org_admin']);
    const peerClient = await loginAs(app, peer.username, PASSWORD);
    const takeover = await peerClient.patch(`/api/v1/users/${first.id}`, { password: 'Taken#Over2026' });
    expect(takeover.status).toBe(403);
    expect(takeover.body.message).toContain('本级');
    for (const patch of [{ disabled: true }, { roles: ['viewer'] }, { displayName: '改名' }]) {
      expect((await peerClient.patch(`/api/v1/users/${first.id}`, patch)).status, JSON.stringify(patch)).toBe(403);
    }
    expect((await new Client(app).post('/api/v1/auth/login', { username: first.username, password: 'Taken#Over2026' })).status).toBe(401);
    expect((await loginAs(app, first.username, PASSWORD)).cookies.gh_sid).toBeTruthy();
    // An account in a sibling subtree is not found at all.
    const sibling = await makeOrg(t.db, t.rootOrgId, { level: 'street' });
    const outsider = await makeUser(t.db, sibling.id, ['viewer']);
    expect((await peerClient.patch(`/api/v1/users/${outsider.id}`, { password: 'Taken#Over2026' })).status).toBe(404);
    // The level above manages them; a security admin of the same org may too.
    expect((await admin.patch(`/api/v1/users/${first.id}`, { displayName: '街道主席' })).status).toBe(200);
    const secStreet = await loginAs(app, (await makeUser(t.db, street.id, ['org_admin', 'security_admin'])).username, PASSWORD);
    expect((await secStreet.patch(`/api/v1/users/${peer.id}`, { disabled: true })).status).toBe(200);
  });
});
