// Generated over every route the app registers: each /api route declares who may call it and what each of its path
// parameters names (the declared route scope), and an anonymous or unentitled caller is refused before its input is
// even looked at. Adding a route needs no edit here unless it is public; a public route must be listed below with the
// reason it is safe to call without a session. What a scoped route answers in and out of scope is generated in
// platform/authz/route-scope.matrix.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, zId } from '@gonghui/common';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, Client, loginAs } from '../../test/http.ts';
import { makeUser, uniq } from '../../test/factories.ts';
import { apiRoutes, invalidRequest, PUBLIC_ROUTES, WRITE, routeKey as key } from '../../test/routes.ts';
import { roles } from '../db/index.ts';
import { isNotScoped, pathParams, scopeKinds } from '../authz/index.ts';
import type { HttpApp, RouteEntry } from './index.ts';

describe.each(engines())('route inventory on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let routes: RouteEntry[];
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    routes = apiRoutes(app);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('finds the API routes (the inventory is not empty and sees routes of nested plugins)', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map(key)).toContain('POST /api/v1/orgs/:orgId/member-imports');
  });

  it('every /api route declares exactly one of: a permission, public (listed here with a reason), authenticated, member', () => {
    const undeclared: string[] = [];
    const ambiguous: string[] = [];
    for (const r of routes) {
      const c = r.config ?? {};
      const declared = [c.permission !== undefined, c.public === true, c.authenticated === true, c.member === true].filter(Boolean).length;
      if (declared === 0) undeclared.push(key(r));
      if (declared > 1) ambiguous.push(key(r));
      if (c.permission !== undefined) expect(PERMISSIONS as readonly string[]).toContain(c.permission);
    }
    expect(undeclared, 'routes with neither permission, public, authenticated nor member').toEqual([]);
    expect(ambiguous, 'routes declaring more than one kind of access').toEqual([]);
    const publicRoutes = routes
      .filter((r) => r.config?.public)
      .map(key)
      .sort();
    expect(publicRoutes, 'public routes must be listed in PUBLIC_ROUTES with a reason').toEqual(Object.keys(PUBLIC_ROUTES).sort());
  });

  it('the member portal (/api/v1/h5/) is member-only except its listed public routes, and no other route is a member route', () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const h5 = r.url.startsWith('/api/v1/h5/');
      if (h5 && !r.config?.member && !PUBLIC_ROUTES[key(r)]) wrong.push(`${key(r)} is neither member-only nor listed public`);
      if (!h5 && r.config?.member) wrong.push(`${key(r)} is a member route outside /api/v1/h5/`);
    }
    expect(wrong).toEqual([]);
    expect(routes.filter((r) => r.config?.member).length).toBeGreaterThan(4);
  });

  it('every /api route with a path parameter declares what it names: a kind of object a resolver scopes, or none and why', () => {
    const kinds = new Set(scopeKinds());
    const wrong: string[] = [];
    for (const r of routes) {
      const params = pathParams(r.url);
      const scope = r.config?.scope ?? {};
      for (const p of params) {
        const v = scope[p];
        if (v === undefined) wrong.push(`${key(r)}: :${p} declares no scope`);
        else if (isNotScoped(v)) {
          if (v.none.trim().length < 8) wrong.push(`${key(r)}: :${p} is not scoped without a reason`);
        } else if (!kinds.has(v)) wrong.push(`${key(r)}: :${p} names '${v}', which no module resolves`);
        // The scope hook reads the raw parameter with zId, the rule validation applies after it.
        else if ((r.schema?.params as { shape?: Record<string, unknown> } | undefined)?.shape?.[p] !== zId)
          wrong.push(`${key(r)}: :${p} is scoped but not validated with zId`);
      }
      for (const p of Object.keys(scope)) if (!params.includes(p)) wrong.push(`${key(r)}: declares :${p}, which is no path parameter`);
    }
    expect(wrong).toEqual([]);
    expect(routes.filter((r) => pathParams(r.url).length > 0).length).toBeGreaterThan(30);
  });

  it('anonymous requests with invalid input get 401 on every non-public route, before validation, and are not cached', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => !x.config?.public)) {
      const res = await app.inject(invalidRequest(r));
      const body = res.json<{ code?: string }>();
      if (res.statusCode !== 401 || body.code !== 'UNAUTHENTICATED') wrong.push(`${key(r)} → ${res.statusCode} ${body.code}`);
      else expect(res.headers['cache-control'], key(r)).toBe('no-store');
    }
    expect(wrong).toEqual([]);
  });

  it('a logged-in user without the permission gets 403 before validation on every route that needs one', async () => {
    const none = uniq('r_none').toLowerCase().slice(0, 30);
    await t.db.insert(roles).values({ key: none, name: '无权限', permissions: [] });
    const u = await makeUser(t.db, t.rootOrgId, [none]);
    const c = await loginAs(app, u.username, u.password);
    const wrong: string[] = [];
    for (const r of routes.filter((x) => x.config?.permission)) {
      const req = invalidRequest(r);
      const res = await c.request(req.method, req.url, req.payload);
      if (res.status !== 403 || res.body.code !== 'FORBIDDEN') wrong.push(`${key(r)} → ${res.status} ${res.body.code}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a cookie-authenticated write without the CSRF header is refused before validation', async () => {
    const u = await makeUser(t.db, t.rootOrgId);
    const c = await loginAs(app, u.username, u.password);
    const cookie = `gh_sid=${c.cookies.gh_sid}`;
    const wrong: string[] = [];
    // Member routes do not read the cadre cookie at all (401 UNAUTHENTICATED): member-portal tests check their CSRF.
    for (const r of routes.filter((x) => !x.config?.public && !x.config?.member && WRITE.has(x.method))) {
      const res = await app.inject({ ...invalidRequest(r), headers: { cookie } });
      if (res.statusCode !== 403 || res.json<{ code: string }>().code !== 'CSRF') wrong.push(`${key(r)} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('an anonymous request to an unknown /api path is a JSON 404 that is not cached', async () => {
    const res = await new Client(app).get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
