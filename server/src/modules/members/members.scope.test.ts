// Member scope where the route inventory cannot see it: an org named in the query or the body (list, create), counts
// and search, a member out of scope answering as a missing one, and a transfer case seen from its two sides only.
// Routes naming a member, transfer or export request in their path are covered, for every such route, by the
// generated matrix (platform/authz/route-scope.matrix.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, Client, loginAs } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';

interface Route {
  name: string;
  write: boolean;
  call: (c: Client) => Promise<{ status: number }>;
}

describe.each(engines())('member routes scope on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let routes: Route[];
  let memberId: number;
  let actors: { inAdmin: Client; inViewer: Client; outAdmin: Client; anon: Client };
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    const admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
    // Sibling districts whose ids may share digit prefixes; the member lives under A.
    const a = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: '东城区总工会' });
    const b = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: '东城区总工会第二' });
    const union = await makeOrg(t.db, a);
    const member = (
      await admin.post('/api/v1/members', { orgId: union.id, name: '钱多多', idNumber: newIdNumber(), joinedAt: '2020-01-01' })
    ).body;
    actors = {
      inAdmin: await loginAs(app, (await makeUser(t.db, a.id, ['org_admin'])).username, PASSWORD),
      inViewer: await loginAs(app, (await makeUser(t.db, a.id, ['viewer'])).username, PASSWORD),
      outAdmin: await loginAs(app, (await makeUser(t.db, b.id, ['org_admin'])).username, PASSWORD),
      anon: new Client(app),
    };
    memberId = member.id as number;
    routes = [
      { name: 'GET list of union', write: false, call: (c) => c.get(`/api/v1/members?orgId=${union.id}`) },
      {
        name: 'POST member into union',
        write: true,
        call: (c) => c.post('/api/v1/members', { orgId: union.id, name: '新会员', idNumber: newIdNumber(), joinedAt: '2021-01-01' }),
      },
    ];
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('an org in the query or body: in scope answers, 403 without the permission, 404 out of scope, 401 without a session', async () => {
    for (const r of routes) {
      const got = {
        inViewer: (await r.call(actors.inViewer)).status,
        outAdmin: (await r.call(actors.outAdmin)).status,
        anon: (await r.call(actors.anon)).status,
        inAdmin: (await r.call(actors.inAdmin)).status,
      };
      const want = {
        inViewer: r.write ? 403 : 200,
        outAdmin: 404,
        anon: 401,
        inAdmin: r.write ? 201 : 200,
      };
      expect(got, r.name).toEqual(want);
    }
  });

  it('answers out of scope exactly as for a member that does not exist', async () => {
    const hidden = await actors.outAdmin.get(`/api/v1/members/${memberId}`);
    const missing = await actors.outAdmin.get('/api/v1/members/2147480000');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    // The same member is there for the in-scope admin: the 404 is the scope, not a missing row.
    expect((await actors.inAdmin.get(`/api/v1/members/${memberId}`)).body.id).toBe(memberId);
  });

  it('never counts or finds members outside the scope', async () => {
    const out = await actors.outAdmin.get('/api/v1/members?q=%E9%92%B1%E5%A4%9A%E5%A4%9A');
    expect(out.body.total).toBe(0);
    const inside = await actors.inViewer.get('/api/v1/members?q=%E9%92%B1%E5%A4%9A%E5%A4%9A');
    expect(inside.body.total).toBe(1);
  });

  it('keeps a transfer case to its two sides: 403 without the permission, 404 for a third district, 401 without a session', async () => {
    const from = (await actors.inAdmin.get(`/api/v1/members/${memberId}`)).body.orgId as number;
    const m = (
      await actors.inAdmin.post('/api/v1/members', { orgId: from, name: '孙接转', idNumber: newIdNumber(), joinedAt: '2020-01-01' })
    ).body;
    const receiving = (await actors.outAdmin.get('/api/v1/me')).body.user.orgId as number;
    const to = await makeOrg(t.db, receiving);
    const created = await actors.inAdmin.post(`/api/v1/members/${m.id}/transfers`, { toOrgId: to.id, reason: '工作调动' });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const c = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: '西城区总工会' });
    const third = await loginAs(app, (await makeUser(t.db, c.id, ['org_admin'])).username, PASSWORD);
    const get = async (cl: Client) => (await cl.get(`/api/v1/transfers/${id}`)).status;
    expect({
      sender: await get(actors.inAdmin),
      viewer: await get(actors.inViewer),
      receiver: await get(actors.outAdmin),
      third: await get(third),
      anon: await get(actors.anon),
    }).toEqual({
      sender: 200,
      viewer: 200,
      receiver: 200,
      third: 404,
      anon: 401,
    });
    const withdraw = async (cl: Client) =>
      (await cl.post(`/api/v1/transfers/${id}/actions/withdraw`, { version: created.body.version })).status;
    expect({ viewer: await withdraw(actors.inViewer), third: await withdraw(third), anon: await withdraw(actors.anon) }).toEqual({
      viewer: 403,
      third: 404,
      anon: 401,
    });
    expect(await withdraw(actors.inAdmin)).toBe(200);
    // Not listed for the third district either way.
    for (const direction of ['in', 'out']) {
      const items = (await third.get(`/api/v1/transfers?direction=${direction}`)).body.items as { id: number }[];
      expect(items.map((x) => x.id)).not.toContain(id);
    }
  });
});
