// The org tree's scope matrix: every actor × every org × the org routes, reading what comes back. An org answers 200
// with in-scope content (children, ancestors, counts, search hits and totals) iff it lies in the actor's subtree,
// otherwise 404 — never a 403 or a count that would reveal it. Sibling ids share digit prefixes (2 and 20..26) and
// sibling names share prefixes, the two classic ways a subtree check leaks. Orgs named in a query or body (rootId,
// parentId, orgId) are checked here too. That every route naming an object in its path answers 404 out of scope
// before validation, and 403 without its permission, is generated from the route inventory in
// route-scope.matrix.test.ts; that anonymous callers get 401 everywhere, in http/route-inventory.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgLevel } from '@gonghui/common';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, Client, loginAs, loginRoot, type Loose, type Res } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD } from '../../test/factories.ts';
import type { HttpApp } from '../http/index.ts';

interface OrgNode {
  id: number;
  parent: number | null;
  name: string;
  level: OrgLevel;
}
interface Actor {
  label: string;
  orgId: number;
  role: 'org_admin' | 'viewer' | 'auditor';
  client: Client;
  userId: number;
}
interface UserNode {
  id: number;
  orgId: number;
  role?: string;
}

const SHARED = '东城区总工会';
const CHILD_LEVEL: Partial<Record<OrgLevel, OrgLevel>> = { city: 'district', district: 'street', street: 'grassroots' };
const enc = encodeURIComponent;

/** Runs request thunks with bounded concurrency (PGlite queues them; PostgreSQL uses its pool). */
async function runAll<T>(tasks: (() => Promise<T>)[], width = 8): Promise<T[]> {
  const out: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}

describe.each(engines())('scope matrix on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  const orgs = new Map<number, OrgNode>();
  const users: UserNode[] = [];
  const actors: Actor[] = [];
  let matrixOrgs: OrgNode[] = [];
  let pairA: OrgNode;
  let pairB: OrgNode;
  let serial = 0;

  // The model of the tree is kept from the parent links the test itself chose, independent of paths.
  const chain = (id: number): number[] => {
    const out: number[] = [];
    for (let cur: number | null = id; cur !== null; cur = orgs.get(cur)?.parent ?? null) out.unshift(cur);
    return out;
  };
  const within = (id: number, rootId: number) => chain(id).includes(rootId);
  const subtree = (rootId: number) => [...orgs.values()].filter((o) => within(o.id, rootId));
  const ids = (items: { id: number }[]) => items.map((i) => i.id).sort((a, b) => a - b);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

  const add = async (parent: number, name: string, level: OrgLevel) => {
    const ref = await makeOrg(t.db, parent, { name, level });
    const node = { id: ref.id, parent, name, level };
    orgs.set(node.id, node);
    return node;
  };

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    orgs.set(t.rootOrgId, { id: t.rootOrgId, parent: null, name: '测试市总工会', level: 'city' });
    const districts: OrgNode[] = [];
    for (let i = 0; i < 25; i++) districts.push(await add(t.rootOrgId, i === 0 ? SHARED : `${SHARED}第${i + 1}分会`, 'district'));
    const pairs = districts.flatMap((a) =>
      districts.filter((b) => b !== a && String(b.id).startsWith(String(a.id))).map((b) => [a, b] as const),
    );
    expect(pairs.length).toBeGreaterThan(0);
    [pairA, pairB] = pairs[0] as readonly [OrgNode, OrgNode];
    const other = districts.find((d) => d !== pairA && d !== pairB && !String(d.id).startsWith(String(pairA.id))) as OrgNode;
    for (const d of [pairA, pairB, other]) {
      for (let s = 1; s <= 2; s++) {
        const street = await add(d.id, `${d.name}街道${s}`, 'street');
        for (let g = 1; g <= 2; g++) await add(street.id, `${street.name}基层${g}`, 'grassroots');
      }
    }
    matrixOrgs = [...orgs.values()];
    const streetA = subtree(pairA.id).find((o) => o.level === 'street') as OrgNode;
    const unionA = subtree(streetA.id).find((o) => o.level === 'grassroots') as OrgNode;
    const admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
    const adminId = (await admin.get('/api/v1/me')).body.user.id as number;
    actors.push({ label: 'root admin', orgId: t.rootOrgId, role: 'org_admin', client: admin, userId: adminId });
    users.push({ id: adminId, orgId: t.rootOrgId });
    // The bootstrap's other root accounts (三员分立).
    for (const name of ['secadmin', 'auditor']) {
      const found = (await admin.get(`/api/v1/users?q=${name}`)).body.items.find((u: Loose) => u.username === name);
      users.push({ id: found.id as number, orgId: t.rootOrgId, role: name === 'auditor' ? 'auditor' : 'security_admin' });
    }
    const spec: [string, OrgNode, Actor['role']][] = [
      ['root', orgs.get(t.rootOrgId) as OrgNode, 'viewer'],
      ['districtA', pairA, 'org_admin'],
      ['districtA', pairA, 'viewer'],
      ['districtA', pairA, 'auditor'],
      ['districtB', pairB, 'org_admin'],
      ['districtB', pairB, 'viewer'],
      ['street', streetA, 'org_admin'],
      ['street', streetA, 'viewer'],
      ['grassroots', unionA, 'org_admin'],
      ['grassroots', unionA, 'viewer'],
    ];
    for (const [where, org, role] of spec) {
      const u = await makeUser(t.db, org.id, [role]);
      users.push({ id: u.id, orgId: org.id, role });
      actors.push({
        label: `${role}@${where}(${org.id})`,
        orgId: org.id,
        role,
        client: await loginAs(app, u.username, PASSWORD),
        userId: u.id,
      });
    }
    // Users who are not actors, one in each sibling district.
    for (const d of districts.slice(0, 6)) users.push({ id: (await makeUser(t.db, d.id, ['viewer'])).id, orgId: d.id });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  type Check = { who: string; what: string; expected: unknown; actual: unknown };
  const mismatch = (a: Actor, what: string, expected: unknown, actual: unknown): Check[] =>
    JSON.stringify(expected) === JSON.stringify(actual) ? [] : [{ who: a.label, what, expected, actual }];

  it('reads: 200 with in-scope content iff the org is in the actor’s subtree, else 404', async () => {
    const tasks: (() => Promise<Check[]>)[] = [];
    for (const a of actors) {
      for (const o of matrixOrgs) {
        const visible = within(o.id, a.orgId);
        const status = (r: Res, what: string) => mismatch(a, `${what} ${o.id}`, visible ? 200 : 404, r.status);
        const base = `/api/v1/orgs/${o.id}`;
        tasks.push(async () => {
          const r = await a.client.get(base);
          return [...status(r, 'GET'), ...(r.status === 200 ? mismatch(a, `GET ${o.id} id`, o.id, r.body.id) : [])];
        });
        tasks.push(async () => {
          const r = await a.client.get(`${base}/children?pageSize=200`);
          const want = sorted([...orgs.values()].filter((c) => c.parent === o.id).map((c) => c.id));
          return [...status(r, 'children'), ...(r.status === 200 ? mismatch(a, `children ${o.id}`, want, ids(r.body.items)) : [])];
        });
        tasks.push(async () => {
          const r = await a.client.get(`${base}/ancestors`);
          const c = chain(o.id);
          const want = c.slice(c.indexOf(a.orgId), -1);
          return [
            ...status(r, 'ancestors'),
            ...(r.status === 200
              ? mismatch(
                  a,
                  `ancestors ${o.id}`,
                  want,
                  r.body.items.map((x: Loose) => x.id),
                )
              : []),
          ];
        });
        tasks.push(async () => {
          const r = await a.client.get(`${base}/summary`);
          return [
            ...status(r, 'summary'),
            ...(r.status === 200 ? mismatch(a, `summary ${o.id}`, subtree(o.id).length, r.body.orgCount) : []),
          ];
        });
        tasks.push(async () => status(await a.client.get(`${base}/events`), 'events'));
        tasks.push(async () => {
          const r = await a.client.get(`/api/v1/orgs?rootId=${o.id}&pageSize=200`);
          const want = sorted(subtree(o.id).map((x) => x.id));
          return [
            ...status(r, 'search rootId'),
            ...(r.status === 200 ? mismatch(a, `search rootId ${o.id}`, [want, want.length], [ids(r.body.items), r.body.total]) : []),
          ];
        });
      }
    }
    const failures = (await runAll(tasks)).flat();
    // The matrix has both sides: pairs whose org is in the actor's subtree and pairs whose org is not, so an
    // always-200 or always-404 answer could not pass by an empty expectation.
    const pairs = actors.flatMap((a) => matrixOrgs.map((o) => within(o.id, a.orgId)));
    expect(pairs.filter(Boolean).length).toBeGreaterThan(0);
    expect(pairs.filter((v) => !v).length).toBeGreaterThan(0);
    expect(failures.slice(0, 20)).toEqual([]);
    // Hundreds of requests: ~10 s on a quiet machine, more when the two cores are shared.
  }, 120_000);

  it('search and plain listing return only in-scope orgs, and totals count only those', async () => {
    const queries = [SHARED, pairA.name, pairB.name, `${pairA.name}街道1`, `${pairB.name}街道`];
    const tasks: (() => Promise<Check[]>)[] = [];
    for (const a of actors) {
      const scope = subtree(a.orgId);
      tasks.push(async () => {
        const r = await a.client.get('/api/v1/orgs?pageSize=200');
        const want = sorted(scope.map((o) => o.id));
        return mismatch(a, 'list all', [want, want.length], [ids(r.body.items), r.body.total]);
      });
      for (const q of queries) {
        tasks.push(async () => {
          const r = await a.client.get(`/api/v1/orgs?q=${enc(q)}&pageSize=200`);
          const want = sorted(scope.filter((o) => o.name.includes(q)).map((o) => o.id));
          return mismatch(a, `q=${q}`, [want, want.length], [ids(r.body.items), r.body.total]);
        });
        // A page too small for all hits still reports the in-scope total, not a global one.
        tasks.push(async () => {
          const r = await a.client.get(`/api/v1/orgs?q=${enc(q)}&pageSize=1`);
          return mismatch(a, `q=${q} total`, scope.filter((o) => o.name.includes(q)).length, r.body.total);
        });
      }
    }
    expect((await runAll(tasks)).flat()).toEqual([]);
    // The shared-prefix search really does straddle the sibling subtrees.
    expect(subtree(t.rootOrgId).filter((o) => o.name.includes(pairA.name)).length).toBeGreaterThan(subtree(pairA.id).length);
  });

  it('writes: missing permission 403, out of scope 404, in scope 200/201 for org_admin', async () => {
    const tasks: (() => Promise<Check[]>)[] = [];
    for (const a of actors) {
      for (const o of matrixOrgs) {
        const visible = within(o.id, a.orgId);
        const canWrite = a.role === 'org_admin';
        const want = (ok: number) => (!canWrite ? 403 : visible ? ok : 404);
        const chairName = `主席${++serial}`;
        tasks.push(async () => {
          const r = await a.client.patch(`/api/v1/orgs/${o.id}`, { chairName });
          return [
            ...mismatch(a, `PATCH ${o.id}`, want(200), r.status),
            ...(r.status === 200 ? mismatch(a, `PATCH ${o.id} body`, chairName, r.body.chairName) : []),
          ];
        });
        tasks.push(async () => {
          const r = await a.client.post(`/api/v1/orgs/${o.id}/events`, { type: 'reelect', date: '2024-06-01', chairName, termYears: 5 });
          return mismatch(a, `POST events ${o.id}`, want(201), r.status);
        });
        const level = CHILD_LEVEL[o.level];
        const name = `新建工会${++serial}`;
        tasks.push(async () => {
          // A grassroots union can have no child: in scope that is a 400 on level, out of scope still a 404.
          const r = await a.client.post('/api/v1/orgs', { parentId: o.id, name, level: level ?? 'grassroots', kind: 'other' });
          if (r.status === 201) orgs.set(r.body.id, { id: r.body.id, parent: o.id, name, level: level as OrgLevel });
          return mismatch(a, `POST /orgs under ${o.id}`, level ? want(201) : want(400), r.status);
        });
      }
    }
    expect((await runAll(tasks)).flat().slice(0, 20)).toEqual([]);
    // The created orgs hang where they were asked to, visible to the admins above them only.
    const created = [...orgs.values()].filter((o) => o.name.startsWith('新建工会'));
    expect(created.length).toBeGreaterThan(0);
    const districtA = actors.find((a) => a.label.startsWith('org_admin@districtA')) as Actor;
    const seen = await districtA.client.get(`/api/v1/orgs?q=${enc('新建工会')}&pageSize=200`);
    expect(sorted(ids(seen.body.items))).toEqual(sorted(created.filter((o) => within(o.id, pairA.id)).map((o) => o.id)));
  }, 120_000);

  it('users: lists, gets and patches only users of in-scope orgs', async () => {
    const tasks: (() => Promise<Check[]>)[] = [];
    for (const a of actors) {
      tasks.push(async () => {
        const r = await a.client.get('/api/v1/users?pageSize=200');
        const want = sorted(users.filter((u) => within(u.orgId, a.orgId)).map((u) => u.id));
        return mismatch(a, 'GET /users', [want, want.length], [ids(r.body.items), r.body.total]);
      });
      for (const u of users) {
        const visible = within(u.orgId, a.orgId);
        tasks.push(async () =>
          mismatch(a, `GET /users/${u.id}`, visible ? 200 : 404, (await a.client.get(`/api/v1/users/${u.id}`)).status),
        );
        tasks.push(async () => {
          const r = await a.client.patch(`/api/v1/users/${u.id}`, { displayName: `改名${++serial}` });
          // Accounts are managed from above (a same-org peer: 403), and nobody manages an auditor without audit:read.
          const manageable = u.id === a.userId || (u.orgId !== a.orgId && u.role !== 'auditor' && u.role !== 'security_admin');
          return mismatch(a, `PATCH /users/${u.id}`, a.role !== 'org_admin' ? 403 : !visible ? 404 : manageable ? 200 : 403, r.status);
        });
      }
      for (const o of matrixOrgs) {
        tasks.push(async () =>
          mismatch(
            a,
            `GET /users?orgId=${o.id}`,
            within(o.id, a.orgId) ? 200 : 404,
            (await a.client.get(`/api/v1/users?orgId=${o.id}`)).status,
          ),
        );
      }
    }
    expect((await runAll(tasks)).flat().slice(0, 20)).toEqual([]);
  }, 120_000);

  it('audit: an auditor sees only events of their subtree, not of a prefix-sharing sibling district', async () => {
    const root = actors[0] as Actor;
    const auditor = actors.find((a) => a.role === 'auditor') as Actor;
    expect(auditor.orgId).toBe(pairA.id);
    const patched = await root.client.patch(`/api/v1/orgs/${pairB.id}`, { address: `审计测试地址${++serial}` });
    expect(patched.status).toBe(200);
    const q = `/api/v1/audit-events?action=org.update&entityId=${pairB.id}&pageSize=200`;
    // The root's audit log is read by the root auditor (三员分立: the root admin does not hold audit:read).
    const rootAuditor = await loginRoot(app, 'auditor');
    const forRoot = await rootAuditor.get(q);
    expect(forRoot.body.items.some((e: Loose) => e.after?.address === patched.body.address)).toBe(true);
    expect((await auditor.client.get(q)).body).toMatchObject({ total: 0, items: [] });
    // A failed login of an unknown name has no org: the root sees it, a district auditor does not.
    const ghost = `ghost_${serial}`;
    expect((await new Client(app).post('/api/v1/auth/login', { username: ghost, password: 'Wrong#Pass1' })).status).toBe(401);
    expect((await rootAuditor.get(`/api/v1/audit-events?actor=${ghost}`)).body.total).toBe(1);
    expect((await auditor.client.get(`/api/v1/audit-events?actor=${ghost}`)).body.total).toBe(0);
    // Every event the auditor can page through belongs to their subtree, and their own subtree’s changes are there.
    const seen: Loose[] = [];
    for (let p = 1; ; p++) {
      const r = await auditor.client.get(`/api/v1/audit-events?page=${p}&pageSize=200`);
      seen.push(...r.body.items);
      if (seen.length >= r.body.total || r.body.items.length === 0) break;
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((e) => e.orgId === null || !within(e.orgId, pairA.id)).map((e) => [e.id, e.action, e.orgId])).toEqual([]);
    expect(seen.some((e) => e.action === 'org.update' && e.entityId === String(pairA.id))).toBe(true);
    // And the auditor’s view of the shared district is exactly the root admin’s view of it.
    const both = await Promise.all(
      [rootAuditor, auditor.client].map((c) => c.get(`/api/v1/audit-events?action=org.reelect&entityId=${pairA.id}`)),
    );
    expect(both[1]?.body.total).toBe(both[0]?.body.total);
  });
});
