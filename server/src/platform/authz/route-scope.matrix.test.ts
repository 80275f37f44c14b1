// Generated from the route inventory alone: every /api route whose path names a scoped object (`config.scope`) is
// called by the cadres of two sibling districts, each with an object of every kind made inside each district by
// test/scope-fixtures.ts. With invalid input on purpose: the other district's object answers 404 — exactly as an
// object that does not exist — before validation; one's own answers neither 403 nor 404; a cadre lacking the route's
// permission gets 403 whichever object it names. Adding a scoped route needs no edit here; a new kind of object needs
// its fixture factory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '@gonghui/common';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, uniq, type OrgRef } from '../../test/factories.ts';
import { apiRoutes, invalidRequest, routeKey as key, scopedParams } from '../../test/routes.ts';
import { FIXTURE_PERMISSIONS, SCOPE_FIXTURES } from '../../test/scope-fixtures.ts';
import { roles } from '../db/index.ts';
import type { HttpApp, RouteEntry } from '../http/index.ts';

/** An id no object has. */
const MISSING = 2_147_480_000;

interface District {
  org: OrgRef;
  cadre: Client;
  /** kind → the id of an object of that kind in this district's subtree. */
  objects: Map<string, number>;
}

describe.each(engines())('route scope matrix on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let routes: RouteEntry[];
  let kinds: string[];
  let a: District;
  let b: District;
  /** Cadres of district A each lacking exactly one permission (every other one the matrix needs, they hold). */
  const lacking = new Map<Permission, Client>();

  const role = async (permissions: Permission[]) => {
    const k = uniq('r_scope').toLowerCase().slice(0, 30);
    await t.db.insert(roles).values({ key: k, name: uniq('范围测试角色'), permissions });
    return k;
  };
  const cadreOf = async (org: OrgRef, roleKey: string) => {
    const u = await makeUser(t.db, org.id, [roleKey]);
    return loginAs(app, u.username, u.password);
  };
  /** The route's path parameters: each scoped one names the district's object, or `override`'s for one of them. */
  const paramsOf = (r: RouteEntry, d: District, override: Record<string, number> = {}) =>
    Object.fromEntries(scopedParams(r).map(([p, kind]) => [p, override[p] ?? (d.objects.get(kind) as number)]));
  /** The request with invalid input, as the cadre (session and CSRF header); downloads are not read as JSON. */
  const call = async (c: Client, r: RouteEntry, params: Record<string, number>) => {
    const cookie = Object.entries(c.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const res = await app.inject({ ...invalidRequest(r, params), headers: { cookie, 'x-csrf-token': c.cookies.csrf_token ?? '' } });
    const json = String(res.headers['content-type'] ?? '').startsWith('application/json');
    const body = json ? res.json<{ code?: string }>() : undefined;
    return { status: res.statusCode, code: body?.code, body };
  };

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    routes = apiRoutes(app).filter((r) => scopedParams(r).length > 0);
    kinds = [...new Set(routes.flatMap((r) => scopedParams(r).map(([, kind]) => kind)))].sort();
    const routePermissions = [...new Set(routes.flatMap((r) => (r.config?.permission ? [r.config.permission] : [])))];
    const needed = [...new Set([...routePermissions, ...FIXTURE_PERMISSIONS])];
    const all = await role(needed);
    const district = async (): Promise<District> => {
      const org = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('范围区总工会') });
      return { org, cadre: await cadreOf(org, all), objects: new Map() };
    };
    a = await district();
    b = await district();
    for (const d of [a, b]) {
      for (const kind of kinds) {
        const make = SCOPE_FIXTURES[kind];
        if (make) d.objects.set(kind, await make({ t, app, district: d.org, cadre: d.cadre }));
      }
    }
    for (const p of routePermissions) lacking.set(p, await cadreOf(a.org, await role(needed.filter((x) => x !== p))));
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('finds the scoped routes, and every kind of object they name has a fixture factory', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(kinds).toEqual(expect.arrayContaining(['org', 'member', 'transfer']));
    expect(kinds.filter((k) => !SCOPE_FIXTURES[k])).toEqual([]);
  });

  it('answers 404 before validation for the other district’s object, exactly as for an object that does not exist', async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      for (const [p, kind] of scopedParams(r)) {
        for (const [me, them] of [
          [a, b],
          [b, a],
        ] as const) {
          const hidden = await call(me.cadre, r, paramsOf(r, me, { [p]: them.objects.get(kind) as number }));
          const missing = await call(me.cadre, r, paramsOf(r, me, { [p]: MISSING }));
          if (hidden.status !== 404 || hidden.code !== 'NOT_FOUND')
            wrong.push(`${key(r)} :${p} out of scope → ${hidden.status} ${hidden.code}`);
          else if (JSON.stringify(hidden.body) !== JSON.stringify(missing.body))
            wrong.push(`${key(r)} :${p} out of scope ${JSON.stringify(hidden.body)} ≠ missing ${JSON.stringify(missing.body)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 to a cadre lacking the route’s permission, for an object in scope and out of it alike', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.config?.permission)) {
      const c = lacking.get(r.config?.permission as Permission) as Client;
      for (const [where, d] of [
        ['in scope', a],
        ['out of scope', b],
      ] as const) {
        const res = await call(c, r, paramsOf(r, d));
        if (res.status !== 403 || res.code !== 'FORBIDDEN') wrong.push(`${key(r)} ${where} → ${res.status} ${res.code}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers neither 403 nor 404 (nor 500) for the district’s own object', async () => {
    const wrong: string[] = [];
    // Deleting routes last: the object they remove stays for the others.
    const ordered = [...routes.filter((r) => r.method !== 'DELETE'), ...routes.filter((r) => r.method === 'DELETE')];
    for (const r of ordered) {
      for (const d of [a, b]) {
        const res = await call(d.cadre, r, paramsOf(r, d));
        if (res.status === 403 || res.status === 404 || res.status >= 500) wrong.push(`${key(r)} → ${res.status} ${res.code}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
