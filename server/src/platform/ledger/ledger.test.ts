// 资金台账 on both engines: idempotent disbursement (also under concurrent retries), reversal once, append-only at the
// database (grants on PostgreSQL, a trigger on both), totals by fund source, and scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { BUILTIN_ROLES, todayCst } from '@gonghui/common';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeTree, makeUser, uniq, type OrgRef } from '../../test/factories.ts';
import type { Ctx } from '../authz/index.ts';
import { runInScope, type Tx } from '../db/index.ts';
import type { HttpApp } from '../http/index.ts';
import { disburse, reverse, totals, type DisburseInput } from './index.ts';

function ctxFor(user: { id: number; username: string }, org: OrgRef): Ctx {
  return {
    actor: {
      userId: user.id,
      username: user.username,
      displayName: null,
      orgId: org.id,
      orgPath: org.path,
      roles: ['org_admin'],
      permissions: new Set(BUILTIN_ROLES.org_admin.permissions),
      sessionId: 's',
      mustChangePassword: false,
    },
    ip: null,
    requestId: null,
  };
}

describe.each(engines())('ledger on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let district: OrgRef;
  let union: OrgRef;
  let sibling: OrgRef;
  let cadre: Ctx;
  let stranger: Ctx;
  let cadreHttp: Client;
  let strangerHttp: Client;

  const inTx = <T>(ctx: Ctx, fn: (tx: Tx) => Promise<T>) => runInScope(ctx.actor.orgPath, () => t.db.transaction(fn));
  const pay = (ctx: Ctx, input: Partial<DisburseInput> & { idempotencyKey: string }) =>
    inTx(ctx, (tx) => disburse(tx, ctx, { orgId: union.id, payeeName: '张三', amountFen: 50_000, fundSource: 'winter_relief', ...input }));
  const rowsWithKey = async (key: string) =>
    Number((await t.owner.execute<{ n: string }>(sql`SELECT count(*) AS n FROM ledger_entries WHERE idempotency_key = ${key}`)).rows[0]?.n);
  const auditRows = async (action: string, entityId: number) =>
    Number(
      (
        await t.owner.execute<{ n: string }>(
          sql`SELECT count(*) AS n FROM audit_events WHERE action = ${action} AND entity_id = ${String(entityId)}`,
        )
      ).rows[0]?.n,
    );

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    const tree = await makeTree(t.db, t.rootOrgId);
    district = tree.district;
    const first = tree.streets[0]?.unions[0];
    if (!first) throw new Error('no union');
    union = first;
    sibling = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('邻区总工会') });
    const a = await makeUser(t.db, district.id);
    const b = await makeUser(t.db, sibling.id);
    cadre = ctxFor(a, district);
    stranger = ctxFor(b, sibling);
    cadreHttp = await loginAs(app, a.username, a.password);
    strangerHttp = await loginAs(app, b.username, b.password);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('records a disbursement once per idempotency key, with one audit row', async () => {
    const key = uniq('k');
    const first = await pay(cadre, { idempotencyKey: key, note: '春节慰问' });
    const again = await pay(cadre, { idempotencyKey: key, note: '春节慰问' });
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ amountFen: 50_000, fundSource: 'winter_relief', orgPath: union.path, createdBy: cadre.actor.userId });
    expect(await rowsWithKey(key)).toBe(1);
    expect(await auditRows('ledger.disburse', first.id)).toBe(1);
  });

  it('gives one row to 10 concurrent uses of the same key, and no error', async () => {
    const key = uniq('par');
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => pay(cadre, { idempotencyKey: key, amountFen: 12_345 })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const ids = new Set(results.map((r) => (r.status === 'fulfilled' ? r.value.id : 0)));
    expect(ids.size).toBe(1);
    expect(await rowsWithKey(key)).toBe(1);
    expect(await auditRows('ledger.disburse', [...ids][0] ?? 0)).toBe(1);
  });

  it('refuses a key reused with different content (409, in Chinese)', async () => {
    const key = uniq('c');
    await pay(cadre, { idempotencyKey: key });
    for (const changed of [
      { amountFen: 50_001 },
      { fundSource: 'other' as const },
      { payeeName: '李四' },
      { note: '另一笔' },
      { orgId: district.id },
    ]) {
      await expect(pay(cadre, { idempotencyKey: key, ...changed })).rejects.toMatchObject({
        status: 409,
        code: 'CONFLICT',
        field: 'idempotencyKey',
        message: expect.stringMatching(/幂等键/),
      });
    }
    // Someone out of scope who (by chance or not) uses the key: a conflict too, never the other district's entry.
    const theirs = inTx(stranger, (tx) =>
      disburse(tx, stranger, { orgId: sibling.id, payeeName: '张三', amountFen: 50_000, fundSource: 'winter_relief', idempotencyKey: key }),
    );
    await expect(theirs).rejects.toMatchObject({ status: 409 });
    expect(await rowsWithKey(key)).toBe(1);
  });

  it('validates amounts, names and case references', async () => {
    for (const bad of [
      { amountFen: 0 },
      { amountFen: -100 },
      { amountFen: 10.5 },
      { amountFen: 1e16 },
      { payeeName: '' },
      { payeeName: '张\u200b三' },
      { caseType: 'hardship' },
    ]) {
      await expect(pay(cadre, { idempotencyKey: uniq('v'), ...bad })).rejects.toMatchObject({ status: 400 });
    }
    await expect(pay(cadre, { idempotencyKey: 'has space' })).rejects.toMatchObject({ status: 400, field: 'idempotencyKey' });
    const withCase = await pay(cadre, { idempotencyKey: uniq('case'), caseType: 'hardship', caseId: 42 });
    expect(withCase).toMatchObject({ caseType: 'hardship', caseId: 42 });
  });

  it('reverses an entry once with a linked counter-entry that nets to zero', async () => {
    const org = await makeOrg(t.db, district, { level: 'grassroots' });
    const e = await pay(cadre, { idempotencyKey: uniq('r'), orgId: org.id, amountFen: 80_000, fundSource: 'medical_mutual' });
    const r = await inTx(cadre, (tx) => reverse(tx, cadre, e.id, '收款人信息有误'));
    expect(r).toMatchObject({
      amountFen: -80_000,
      fundSource: 'medical_mutual',
      reversesEntryId: e.id,
      note: '收款人信息有误',
      orgId: org.id,
    });
    expect(await auditRows('ledger.reverse', r.id)).toBe(1);
    const sum = await runInScope(district.path, () => totals(t.db, org.path));
    expect(sum.medical_mutual).toEqual({ amountFen: 0, entries: 1 });
    // Twice, or a reversal of the reversal: 409.
    await expect(inTx(cadre, (tx) => reverse(tx, cadre, e.id, '再次冲正'))).rejects.toMatchObject({
      status: 409,
      message: '该笔发放已冲正，不能重复冲正',
    });
    await expect(inTx(cadre, (tx) => reverse(tx, cadre, r.id, '冲正的冲正'))).rejects.toMatchObject({
      status: 409,
      message: '冲正记录不能再冲正',
    });
    await expect(inTx(cadre, (tx) => reverse(tx, cadre, e.id, ''))).rejects.toMatchObject({ status: 400 });
    const list = await cadreHttp.get(`/api/v1/ledger?orgId=${org.id}`);
    expect(list.status).toBe(200);
    expect(
      list.body.items.map((i: { amountFen: number; amountText: string; reversedByEntryId: number | null }) => [
        i.amountFen,
        i.amountText,
        i.reversedByEntryId,
      ]),
    ).toEqual([
      [-80_000, '-800.00元', null],
      [80_000, '800.00元', r.id],
    ]);
  });

  it('lets only one of concurrent reversals of an entry through', async () => {
    const e = await pay(cadre, { idempotencyKey: uniq('pr') });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => inTx(cadre, (tx) => reverse(tx, cadre, e.id, '并发冲正'))));
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    for (const x of results) if (x.status === 'rejected') expect(x.reason).toMatchObject({ status: 409 });
    expect(
      Number(
        (await t.owner.execute<{ n: string }>(sql`SELECT count(*) AS n FROM ledger_entries WHERE reverses_entry_id = ${e.id}`)).rows[0]?.n,
      ),
    ).toBe(1);
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    const e = await pay(cadre, { idempotencyKey: uniq('ro') });
    // Drizzle wraps the database's error: its message is the cause's.
    const failure = async (p: Promise<unknown>) =>
      p.then(
        () => 'succeeded',
        (e: { message: string; cause?: { message: string } }) => e.cause?.message ?? e.message,
      );
    const asApp = (q: ReturnType<typeof sql>) => failure(runInScope(district.path, () => t.db.execute(q)));
    const asOwner = (q: ReturnType<typeof sql>) => failure(t.owner.execute(q));
    // PostgreSQL: the app role has no such grant; PGlite (one superuser connection): the trigger.
    const refused = engine === 'postgres' ? /permission denied for table ledger_entries/ : /ledger_entries is append-only/;
    expect(await asApp(sql`UPDATE ledger_entries SET amount_fen = 1 WHERE id = ${e.id}`)).toMatch(refused);
    expect(await asApp(sql`DELETE FROM ledger_entries WHERE id = ${e.id}`)).toMatch(refused);
    expect(await asApp(sql`TRUNCATE ledger_entries`)).toMatch(refused);
    // The owner (who bypasses grants) meets the trigger.
    expect(await asOwner(sql`UPDATE ledger_entries SET note = 'x' WHERE id = ${e.id}`)).toMatch(/append-only/);
    expect(await asOwner(sql`DELETE FROM ledger_entries WHERE id = ${e.id}`)).toMatch(/append-only/);
    expect(await asOwner(sql`TRUNCATE ledger_entries`)).toMatch(/append-only/);
    const [row] = (
      await t.owner.execute<{ amount_fen: string; note: string | null }>(
        sql`SELECT amount_fen, note FROM ledger_entries WHERE id = ${e.id}`,
      )
    ).rows;
    expect([Number(row?.amount_fen), row?.note]).toEqual([50_000, null]);
  });

  it('sums by fund source over an org subtree and a period, net of reversals', async () => {
    const street = await makeOrg(t.db, district, { level: 'street' });
    const a = await makeOrg(t.db, street);
    const b = await makeOrg(t.db, street);
    const amounts: [OrgRef, number, DisburseInput['fundSource']][] = [
      [a, 10, 'winter_relief'], // 0.10 元
      [b, 20, 'winter_relief'], // 0.20 元
      [a, 123_456, 'autumn_scholarship'],
      [b, 100_000_000_000, 'hardship_aid'], // 10^11 分 = 10 亿元
      [a, 900_000_000_000, 'hardship_aid'],
      [street, 5_000, 'other'],
    ];
    const made = [];
    for (const [org, amountFen, fundSource] of amounts)
      made.push(await pay(cadre, { idempotencyKey: uniq('t'), orgId: org.id, amountFen, fundSource }));
    const scholarship = made[2];
    if (!scholarship) throw new Error('not made');
    await inTx(cadre, (tx) => reverse(tx, cadre, scholarship.id, '重复发放'));
    const sum = await runInScope(district.path, () => totals(t.db, street.path));
    expect(sum).toEqual({
      winter_relief: { amountFen: 30, entries: 2 },
      autumn_scholarship: { amountFen: 0, entries: 1 },
      hardship_aid: { amountFen: 1_000_000_000_000, entries: 2 },
      medical_mutual: { amountFen: 0, entries: 0 },
      other: { amountFen: 5_000, entries: 1 },
    });
    expect((await runInScope(district.path, () => totals(t.db, a.path))).hardship_aid.amountFen).toBe(900_000_000_000);
    const today = todayCst();
    const res = await cadreHttp.get(`/api/v1/ledger/totals?orgId=${street.id}&from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.body.totalFen).toBe(1_000_000_005_030);
    expect(res.body.totalText).toBe('10,000,000,050.30元');
    expect(res.body.items.find((i: { fundSource: string }) => i.fundSource === 'winter_relief')).toEqual({
      fundSource: 'winter_relief',
      fundSourceLabel: '送温暖专项',
      amountFen: 30,
      amountText: '0.30元',
      entries: 2,
    });
    // A period before today holds nothing.
    const before = await cadreHttp.get(`/api/v1/ledger/totals?orgId=${street.id}&from=2020-01-01&to=2020-12-31`);
    expect(before.body.totalFen).toBe(0);
    const list = await cadreHttp.get(`/api/v1/ledger?orgId=${street.id}&fundSource=hardship_aid&from=${today}&to=${today}`);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((i: { amountText: string }) => i.amountText).sort()).toEqual(['1,000,000,000.00元', '9,000,000,000.00元']);
  });

  it('shows a sibling district none of it: lists empty, out-of-scope orgs and entries 404', async () => {
    const e = await pay(cadre, { idempotencyKey: uniq('s') });
    const mine = await cadreHttp.get('/api/v1/ledger?pageSize=200');
    expect(mine.body.items.some((i: { id: number }) => i.id === e.id)).toBe(true);
    const theirs = await strangerHttp.get('/api/v1/ledger?pageSize=200');
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ items: [], total: 0 });
    const theirTotals = await strangerHttp.get('/api/v1/ledger/totals');
    expect(theirTotals.body.totalFen).toBe(0);
    expect((await strangerHttp.get(`/api/v1/ledger?orgId=${union.id}`)).status).toBe(404);
    expect((await strangerHttp.get(`/api/v1/ledger/totals?orgId=${district.id}`)).status).toBe(404);
    await expect(inTx(stranger, (tx) => reverse(tx, stranger, e.id, '越权冲正'))).rejects.toMatchObject({ status: 404 });
    await expect(
      inTx(stranger, (tx) =>
        disburse(tx, stranger, { orgId: union.id, payeeName: '王五', amountFen: 1, fundSource: 'other', idempotencyKey: uniq('x') }),
      ),
    ).rejects.toMatchObject({ status: 404 });
    // Even below the service, the database shows the sibling's scope no row (row-level security on PostgreSQL).
    if (engine === 'postgres') {
      const seen = await runInScope(sibling.path, () => t.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM ledger_entries`));
      expect(Number(seen.rows[0]?.n)).toBe(0);
    }
  });

  it('answers 400 for unknown or malformed query fields and 403 without ledger:read', async () => {
    expect((await cadreHttp.get('/api/v1/ledger?foo=1')).status).toBe(400);
    expect((await cadreHttp.get('/api/v1/ledger?fundSource=cash')).status).toBe(400);
    expect((await cadreHttp.get('/api/v1/ledger/totals?from=2026-02-01&to=2026-01-01')).status).toBe(400);
    const auditorLike = await makeUser(t.db, district.id, ['auditor']);
    const c = await loginAs(app, auditorLike.username, auditorLike.password);
    expect((await c.get('/api/v1/ledger')).status).toBe(403);
  });
});
