// Identical creates fired at once: the service's pre-check lets them all through on PostgreSQL, the unique index
// stops all but one, and the loser must read like the pre-check (409 naming the field), never a 500.
// On PGlite (one connection) requests run one after another, so the pre-check answers; the outcome is the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { usccCheckChar } from '@gonghui/common';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginRoot, type Client, type Res } from '../../test/http.ts';
import { makeOrg, newIdNumber, uniq } from '../../test/factories.ts';
import type { HttpApp } from './index.ts';

const ROUNDS = 4;

/** Exactly one request won; every other one is a 409 DUPLICATE naming `field`. */
function expectOneWinner(res: Res[], win: number, field: string): void {
  const statuses = res.map((r) => r.status);
  expect(statuses, JSON.stringify(res.map((r) => r.body))).not.toContain(500);
  expect(statuses.filter((s) => s === win)).toHaveLength(1);
  for (const r of res.filter((x) => x.status !== win)) {
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'DUPLICATE', field });
  }
}

describe.each(engines())('concurrent duplicates on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db, { logLevel: 'warn', logStream: { write: (l) => void lines.push(l) } });
    admin = await loginRoot(app, 'admin');
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const count = async (query: ReturnType<typeof sql>) => Number((await t.owner.execute<{ n: number }>(query)).rows[0]?.n);

  it('registers a member once per ID number: 2 at once, then 3 at once, round after round', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    lines.length = 0;
    for (const [round, racers] of [...Array<number>(ROUNDS).fill(2), 3, 3].entries()) {
      const idNumber = newIdNumber();
      const body = { orgId: org.id, name: '张三', idNumber, joinedAt: '2024-01-01' };
      const res = await Promise.all(Array.from({ length: racers }, () => admin.post('/api/v1/members', body)));
      expectOneWinner(res, 201, 'idNumber');
      for (const r of res.filter((x) => x.status === 409)) expect(r.body.message).toMatch(/^身份证号：已.*登记为会员/);
      expect(await count(sql`SELECT count(*)::int AS n FROM members WHERE org_id = ${org.id}`)).toBe(round + 1);
      expect(lines.join('')).not.toContain(idNumber);
    }
    expect(await count(sql`SELECT count(*)::int AS n FROM member_events WHERE org_id = ${org.id}`)).toBe(ROUNDS + 2);
    // A race the index caught is logged with its SQLSTATE and constraint, never the statement or its parameters.
    const logged = lines
      .map((l) => JSON.parse(l) as { msg: string; err?: Record<string, unknown> })
      .filter((l) => l.msg === 'database conflict');
    for (const l of logged)
      expect(JSON.stringify(l.err)).toMatch(
        /"code":"23505".*"constraint":"members_id_hash_uq"|"constraint":"members_id_hash_uq".*"code":"23505"/,
      );
    expect(lines.join('')).not.toMatch(/params|Failing row/);
  });

  it('creates a username once, whatever its case, when 4 ask at once', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    for (let round = 0; round < 2; round++) {
      const username = uniq('Race');
      const res = await Promise.all(
        [username, username, username.toLowerCase(), username.toUpperCase()].map((u) =>
          admin.post('/api/v1/users', { username: u, password: 'Init#Pass2026', orgId: org.id, roles: ['viewer'] }),
        ),
      );
      expectOneWinner(res, 201, 'username');
      for (const r of res.filter((x) => x.status === 409)) expect(r.body.message).toBe('用户名：已被使用（不区分大小写）');
      expect(await count(sql`SELECT count(*)::int AS n FROM users WHERE lower(username) = ${username.toLowerCase()}`)).toBe(1);
    }
  });

  // Org names are not unique (two unions under one parent may share one); the 统一社会信用代码 is.
  it('creates an org with a given 统一社会信用代码 once when 3 ask at once under one parent', async () => {
    const parent = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const code = `91110000${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    const uscc = code + (usccCheckChar(code) ?? '');
    const body = { parentId: parent.id, name: uniq('同名工会'), level: 'grassroots', kind: 'enterprise_state', uscc };
    const res = await Promise.all([0, 1, 2].map(() => admin.post('/api/v1/orgs', body)));
    expectOneWinner(res, 201, 'uscc');
    for (const r of res.filter((x) => x.status === 409)) expect(r.body.message).toBe('统一社会信用代码：已被其他组织使用');
    expect(await count(sql`SELECT count(*)::int AS n FROM orgs WHERE uscc = ${uscc}`)).toBe(1);
  });

  it('saves targets for one org, year and indicator from 4 requests at once without a 500', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const bodies = [
      { 'orgs.founded': 5, 'members.joined': 20 },
      { 'members.joined': 21, 'orgs.founded': 6 },
      { 'orgs.founded': 7 },
      { 'members.joined': 22, 'orgs.founded': 8 },
    ];
    const res = await Promise.all(bodies.map((b) => admin.put(`/api/v1/orgs/${org.id}/targets/2026`, b)));
    for (const r of res) {
      expect(r.status, JSON.stringify(r.body)).not.toBe(500);
      // Upserts do not collide; a deadlock between them would be a 409 asking to retry.
      if (r.status !== 200) expect(r.body).toMatchObject({ code: 'RETRY' });
    }
    expect(res.some((r) => r.status === 200)).toBe(true);
    for (const key of ['orgs.founded', 'members.joined']) {
      expect(await count(sql`SELECT count(*)::int AS n FROM targets WHERE org_id = ${org.id} AND year = 2026 AND key = ${key}`)).toBe(1);
    }
  });
});
