// What a request string may carry. Generated over every route's body and query schema: a NUL byte in any
// string, or an invisible / direction-changing / control character in any free-text field, is refused by
// validation at that field (it used to reach PostgreSQL and answer 500, or be stored in names). Unknown
// fields are refused too, naming the field. Then end-to-end on both engines for the endpoints that failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, Client, loginAs, loginRoot } from '../../test/http.ts';
import { makeOrg, newIdNumber, uniq } from '../../test/factories.ts';
import { apiRoutes, routeKey } from '../../test/routes.ts';
import type { HttpApp, RouteEntry } from './index.ts';

type Json = { [k: string]: unknown };
type Path = (string | number)[];
interface Leaf {
  path: Path;
  /** Discriminator constants of the union branch the leaf sits in. */
  base: Json;
}

/** Strings that are not free text: a secret may hold any printable character, only NUL is refused. */
const SECRETS = new Set(['password', 'oldPassword', 'newPassword', 'token']);
const BAD: Record<string, string> = {
  nul: '\u0000',
  zeroWidth: '\u200B',
  bom: '\uFEFF',
  bidiOverride: '\u202E',
  bidiIsolate: '\u2066',
  bell: '\u0007',
  escape: '\u001B',
};

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every string leaf of an input JSON schema (objects, arrays, unions). */
function stringLeaves(s: unknown, path: Path = [], base: Json = {}): Leaf[] {
  if (!isObj(s)) return [];
  const out: Leaf[] = [];
  if (s.type === 'string' && path.length > 0) out.push({ path, base });
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const branch of (s[k] as unknown[] | undefined) ?? []) {
      const consts: Json = { ...base };
      if (isObj(branch) && isObj(branch.properties)) {
        for (const [p, v] of Object.entries(branch.properties)) if (isObj(v) && v.const !== undefined) consts[p] = v.const;
      }
      out.push(...stringLeaves(branch, path, consts));
    }
  }
  if (isObj(s.properties)) {
    for (const [p, v] of Object.entries(s.properties))
      if (!(isObj(v) && v.const !== undefined)) out.push(...stringLeaves(v, [...path, p], base));
  }
  if (isObj(s.items)) out.push(...stringLeaves(s.items, [...path, 0], base));
  return out;
}

function withValue(base: Json, path: Path, value: unknown): Json {
  const root: Json = structuredClone(base);
  let cur: Json | unknown[] = root;
  path.forEach((p, i) => {
    const last = i === path.length - 1;
    const next = last ? value : typeof path[i + 1] === 'number' ? [] : {};
    (cur as Record<string | number, unknown>)[p] = next;
    if (!last) cur = next as Json | unknown[];
  });
  return root;
}

function inputSchemas(r: RouteEntry): { where: string; schema: z.ZodType }[] {
  const s = (r.schema ?? {}) as Record<string, unknown>;
  return (['body', 'querystring'] as const).filter((k) => s[k] instanceof z.ZodType).map((k) => ({ where: k, schema: s[k] as z.ZodType }));
}

describe('every request string refuses what PostgreSQL or a reader cannot take (generated over all routes)', () => {
  let app: HttpApp;
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('pglite');
    app = await buildTestApp(t.db);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('finds string fields to check (the walk is not vacuous)', () => {
    const leaves = apiRoutes(app).flatMap((r) =>
      inputSchemas(r).flatMap(({ schema }) => stringLeaves(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }))),
    );
    expect(leaves.length).toBeGreaterThan(60);
  });

  it('refuses NUL in every string and invisible, bidi and control characters in every free-text string, at that field', () => {
    const accepted: string[] = [];
    for (const r of apiRoutes(app)) {
      for (const { where, schema } of inputSchemas(r)) {
        for (const leaf of stringLeaves(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }))) {
          const name = String(leaf.path.filter((p) => typeof p === 'string').at(-1));
          for (const [what, ch] of Object.entries(BAD)) {
            if (what !== 'nul' && SECRETS.has(name)) continue;
            const res = schema.safeParse(withValue(leaf.base, leaf.path, `测试${ch}名称`));
            const at = leaf.path.join('.');
            const refused = !res.success && res.error.issues.some((i) => i.path.join('.') === at);
            if (!refused) accepted.push(`${routeKey(r)} ${where}.${at} accepts ${what}`);
          }
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('refuses unknown fields in every body and query object, naming the field', () => {
    const lenient: string[] = [];
    for (const r of apiRoutes(app)) {
      for (const { where, schema } of inputSchemas(r)) {
        const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
        if (!isObj(js.properties) && !js.anyOf && !js.oneOf) continue; // a record: its keys are the data
        const branches = (js.anyOf ?? js.oneOf ?? [js]) as unknown[];
        for (const b of branches) {
          const consts = Object.fromEntries(
            Object.entries(isObj(b) && isObj(b.properties) ? b.properties : {}).flatMap(([k, v]) =>
              isObj(v) && v.const !== undefined ? [[k, v.const]] : [],
            ),
          );
          const res = schema.safeParse({ ...consts, zz_extra: '1' });
          if (res.success || !res.error.issues.some((i) => i.code === 'unrecognized_keys')) lenient.push(`${routeKey(r)} ${where}`);
        }
      }
    }
    expect(lenient).toEqual([]);
  });
});

describe.each(engines())('request strings end to end on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let auditor: Client;
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
    auditor = await loginRoot(app, 'auditor');
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const expect400 = (res: { status: number; body: { field?: string; message: string } }, field: string, text: RegExp) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.field).toBe(field);
    expect(res.body.message).toMatch(text);
  };

  it('answers 400 naming the field, never 500, for a NUL byte in login, searches and names', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    expect400(
      await new Client(app).post('/api/v1/auth/login', { username: 'ad\u0000min', password: 'x' }),
      'username',
      /^用户名：不能包含空字符/,
    );
    expect400(
      await new Client(app).post('/api/v1/auth/login', { username: 'admin', password: 'a\u0000b' }),
      'password',
      /^密码：不能包含空字符/,
    );
    for (const [url, field] of [
      ['/api/v1/orgs?q=%00', 'q'],
      ['/api/v1/members?q=%00', 'q'],
      ['/api/v1/members?idNumber=%00', 'idNumber'],
      ['/api/v1/users?q=a%00', 'q'],
      ['/api/v1/audit-events?actor=%00', 'actor'],
      ['/api/v1/audit-events?entityId=%00', 'entityId'],
    ] as const) {
      // The trail is the auditor's to read (三员分立); the admin would get 403 before validation.
      expect400(await (url.includes('audit-events') ? auditor : admin).get(url), field, /不能包含空字符/);
    }
    expect400(
      await admin.post('/api/v1/orgs', { parentId: org.id, name: `工会\u0000${uniq('x')}`, level: 'grassroots', kind: 'other' }),
      'name',
      /^名称：不能包含空字符/,
    );
    expect400(
      await admin.post('/api/v1/members', { orgId: org.id, name: '张\u0000三', idNumber: newIdNumber(), joinedAt: '2024-01-01' }),
      'name',
      /^姓名：不能包含空字符/,
    );
    expect400(await admin.patch(`/api/v1/orgs/${org.id}`, { address: 'x\u0000' }), 'address', /^地址：不能包含空字符/);
    expect((await new Client(app).post('/api/v1/cards/verify', { token: '\u0000' })).status).toBe(400);
  });

  it('stores no zero-width or right-to-left override characters in names, and says why', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    const name = uniq('恒达工会');
    expect400(
      await admin.post('/api/v1/orgs', { parentId: org.id, name: `${name}\u200B`, level: 'grassroots', kind: 'other' }),
      'name',
      /^名称：不能包含零宽字符/,
    );
    expect400(
      await admin.post('/api/v1/orgs', { parentId: org.id, name: `\u202E${name}`, level: 'grassroots', kind: 'other' }),
      'name',
      /^名称：不能包含改变文字方向/,
    );
    const m = await admin.post('/api/v1/members', { orgId: org.id, name: '李四', idNumber: newIdNumber(), joinedAt: '2024-01-01' });
    expect(m.status).toBe(201);
    expect400(await admin.patch(`/api/v1/members/${m.body.id}`, { name: '李\u2066四' }), 'name', /^姓名：不能包含改变文字方向/);
    expect400(await admin.patch(`/api/v1/orgs/${org.id}`, { chairName: '王\t五' }), 'chairName', /^工会主席：不能包含控制字符/);
    // A text area keeps its line breaks.
    const ok = await admin.patch(`/api/v1/orgs/${org.id}`, { address: '福州市\n鼓楼区' });
    expect(ok.status).toBe(200);
    expect(ok.body.address).toBe('福州市\n鼓楼区');
    expect((await admin.get(`/api/v1/orgs?q=${encodeURIComponent(name)}`)).body.total).toBe(0);
  });

  it('refuses unknown JSON fields and query parameters with 400 naming the field instead of dropping them', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    expect400(await admin.patch(`/api/v1/orgs/${org.id}`, { chairName: '王五', chairman: '赵六' }), 'chairman', /不支持的字段「chairman」/);
    expect400(
      await new Client(app).post('/api/v1/auth/login', { username: 'admin', password: ADMIN_PASSWORD, remember: true }),
      'remember',
      /不支持的字段/,
    );
    expect400(await admin.get(`/api/v1/members?orgId=${org.id}&nmae=张三`), 'nmae', /不支持的字段「nmae」/);
    expect((await admin.get(`/api/v1/orgs/${org.id}`)).body.chairName).toBeNull();
  });
});
