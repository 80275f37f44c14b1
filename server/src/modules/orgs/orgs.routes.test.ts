import { describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, loginRoot, type Client } from '../../test/http.ts';
import { makeOrg, makeTree, makeUser, uniq } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { useTestApp } from '../../test/suite.ts';

describe.each(engines())('organisations on %s', (engine) => {
  let t: TestDb, app: HttpApp, admin: Client;
  useTestApp(engine, (s) => ({ t, app, admin } = s));

  it('creates an org under the actor, records its founding, and shows it among the parent’s children', async () => {
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const res = await admin.post('/api/v1/orgs', {
      parentId: district.id,
      name: '恒达机械有限公司工会',
      level: 'grassroots',
      kind: 'enterprise_private',
      uscc: '91350100M000100Y43',
      foundedAt: '2026-03-15',
      chairName: '王建国',
      headcount: 320,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      parentId: district.id,
      path: `${district.path}${res.body.id}.`,
      pinyinInitials: 'hdjxyxgsgh',
      status: 'active',
    });
    const children = await admin.get(`/api/v1/orgs/${district.id}/children`);
    expect(children.body.items.map((o: { name: string }) => o.name)).toEqual(['恒达机械有限公司工会']);
    const events = await admin.get(`/api/v1/orgs/${res.body.id}/events`);
    expect(events.body.items).toMatchObject([{ type: 'found', date: '2026-03-15' }]);
    expect((await admin.get(`/api/v1/orgs/${district.id}`)).body.childCount).toBe(1);
  });

  it('explains bad input in Chinese, naming the field', async () => {
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const bad = async (body: object) =>
      (await admin.post('/api/v1/orgs', { parentId: district.id, name: uniq('工会'), level: 'grassroots', kind: 'other', ...body })).body;
    expect((await bad({ uscc: '91350100M000100Y44' })).message).toBe('统一社会信用代码：统一社会信用代码校验位不正确');
    expect((await bad({ name: '' })).message).toMatch(/^名称：/);
    expect((await bad({ level: 'planet' })).message).toMatch(/^组织层级：/);
    expect((await bad({ foundedAt: '2999-01-01' })).message).toBe('建会日期：日期不能晚于今天');
    expect((await bad({ foundedAt: '2023-02-30' })).field).toBe('foundedAt');
    const above = await bad({ level: 'city' });
    expect(above.field).toBe('level');
    expect(above.message).toContain('下级不能是这一层级');
  });

  it('refuses a second org with the same 统一社会信用代码', async () => {
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const body = { parentId: district.id, level: 'grassroots', kind: 'enterprise_state', uscc: '91110000100000000W' };
    const code = '911100001000000' + '00';
    const { usccCheckChar } = await import('@gonghui/common');
    body.uscc = code + usccCheckChar(code);
    expect((await admin.post('/api/v1/orgs', { ...body, name: uniq('甲') })).status).toBe(201);
    const dup = await admin.post('/api/v1/orgs', { ...body, name: uniq('乙') });
    expect(dup.status).toBe(409);
    expect(dup.body.field).toBe('uscc');
  });

  it('finds orgs by name fragment, full pinyin and pinyin initials, only within the given subtree', async () => {
    const a = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const b = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const inA = await makeOrg(t.db, a, { name: '绿源食品有限公司工会' });
    await makeOrg(t.db, b, { name: '绿源食品第二有限公司工会' });
    for (const q of ['绿源食品', 'lvyuan', 'lysp']) {
      const res = await admin.get(`/api/v1/orgs?q=${encodeURIComponent(q)}&rootId=${a.id}`);
      expect(res.body.items.map((o: { id: number }) => o.id)).toEqual([inA.id]);
      expect(res.body.total).toBe(1);
    }
    expect((await admin.get(`/api/v1/orgs?q=${encodeURIComponent('绿源')}`)).body.total).toBeGreaterThanOrEqual(2);
    // LIKE wildcards in the query are literal characters, not patterns.
    expect((await admin.get(`/api/v1/orgs?q=${encodeURIComponent('%')}&rootId=${a.id}`)).body.total).toBe(0);
  });

  it('names each search hit’s parent, so two look-alike unions are told apart', async () => {
    const aName = uniq('城东区总工会');
    const bName = uniq('城西区总工会');
    const a = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: aName });
    const b = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: bName });
    const name = uniq('城东恒达机械工会');
    const inA = await makeOrg(t.db, a, { name });
    const inB = await makeOrg(t.db, b, { name: `${name}二` });
    const res = await admin.get(`/api/v1/orgs?q=${encodeURIComponent(name)}`);
    expect(res.status).toBe(200);
    const parents = new Map(res.body.items.map((o: { id: number; parentName: string | null }) => [o.id, o.parentName]));
    expect(parents.get(inA.id)).toBe(aName);
    expect(parents.get(inB.id)).toBe(bName);
    // The root has no parent.
    const root = await admin.get(`/api/v1/orgs/${t.rootOrgId}`);
    const rootHit = await admin.get(`/api/v1/orgs?q=${encodeURIComponent(root.body.name)}`);
    expect(rootHit.body.items.find((o: { id: number }) => o.id === t.rootOrgId)?.parentName).toBeNull();
  });

  it('pages children in pinyin order with totals', async () => {
    const parent = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    for (const name of ['张村社区工会', '安平社区工会', '东湖社区工会']) await makeOrg(t.db, parent, { name, level: 'street' });
    const p1 = await admin.get(`/api/v1/orgs/${parent.id}/children?page=1&pageSize=2`);
    const p2 = await admin.get(`/api/v1/orgs/${parent.id}/children?page=2&pageSize=2`);
    expect(p1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect([...p1.body.items, ...p2.body.items].map((o: { name: string }) => o.name)).toEqual([
      '安平社区工会',
      '东湖社区工会',
      '张村社区工会',
    ]);
  });

  it('renames, re-elects and upgrades as dated events kept in history', async () => {
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const street = await makeOrg(t.db, district, { level: 'street', name: '青石镇总工会', foundedAt: '2010-01-01' });
    const fed = await makeOrg(t.db, street, { level: 'federation', name: '青石镇商会联合工会', foundedAt: '2015-05-01' });
    expect(
      (await admin.post(`/api/v1/orgs/${fed.id}/events`, { type: 'rename', date: '2026-02-01', newName: '青石镇商圈工会联合会' })).status,
    ).toBe(201);
    expect((await admin.get(`/api/v1/orgs?q=qszsq&rootId=${district.id}`)).body.items[0]?.id).toBe(fed.id);
    expect(
      (await admin.post(`/api/v1/orgs/${fed.id}/events`, { type: 'reelect', date: '2026-03-01', chairName: '李秀英', termYears: 5 }))
        .status,
    ).toBe(201);
    expect((await admin.get(`/api/v1/orgs/${fed.id}`)).body).toMatchObject({ name: '青石镇商圈工会联合会', chairName: '李秀英' });
    const early = await admin.post(`/api/v1/orgs/${fed.id}/events`, { type: 'reelect', date: '2014-01-01' });
    expect(early.body.message).toMatch(/建会日期/);
    const tooHigh = await admin.post(`/api/v1/orgs/${fed.id}/events`, { type: 'upgrade', date: '2026-04-01', newLevel: 'district' });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.field).toBe('newLevel');
    const history = await admin.get(`/api/v1/orgs/${fed.id}/events`);
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(['reelect', 'rename']);
    expect(history.body.items[1].data).toEqual({ from: '青石镇商会联合工会', to: '青石镇商圈工会联合会' });
    expect(history.body.items[0].createdBy).toBe('系统管理员');
  });

  it('moves a whole subtree to a new parent and the scope of users follows it', async () => {
    const from = await makeTree(t.db, t.rootOrgId);
    const to = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const street = from.streets[0]?.org;
    const union = from.streets[0]?.unions[0];
    if (!street || !union) throw new Error('tree');
    const unionAdmin = await makeUser(t.db, union.id);
    const toAdmin = await loginAs(app, (await makeUser(t.db, to.id)).username, 'Test#Pass2026');
    const fromAdmin = await loginAs(app, (await makeUser(t.db, from.district.id)).username, 'Test#Pass2026');
    expect((await toAdmin.get(`/api/v1/orgs/${union.id}`)).status).toBe(404);

    const res = await admin.post(`/api/v1/orgs/${street.id}/events`, { type: 'move', date: '2026-05-01', newParentId: to.id });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ fromParentId: from.district.id, toParentId: to.id, orgsMoved: 3 });
    const moved = await toAdmin.get(`/api/v1/orgs/${union.id}`);
    expect(moved.status).toBe(200);
    expect(moved.body.path).toBe(`${to.path}${street.id}.${union.id}.`);
    expect(moved.body.depth).toBe(to.depth + 2);
    expect((await fromAdmin.get(`/api/v1/orgs/${union.id}`)).status).toBe(404);
    expect((await toAdmin.get(`/api/v1/users?orgId=${street.id}`)).body.items.map((u: { username: string }) => u.username)).toEqual([
      unionAdmin.username,
    ]);
    // The union's own admin still sees their union, whose path changed under them.
    const own = await loginAs(app, unionAdmin.username, 'Test#Pass2026');
    expect((await own.get('/api/v1/me')).body.org.path).toBe(moved.body.path);
  });

  it('refuses moves into its own subtree, and moving or dissolving one’s own org', async () => {
    const tree = await makeTree(t.db, t.rootOrgId);
    const street = tree.streets[0]?.org;
    const union = tree.streets[0]?.unions[0];
    if (!street || !union) throw new Error('tree');
    const loop = await admin.post(`/api/v1/orgs/${tree.district.id}/events`, { type: 'move', date: '2026-05-01', newParentId: union.id });
    expect(loop.body.field).toBe('newParentId');
    const streetAdmin = await loginAs(app, (await makeUser(t.db, street.id)).username, 'Test#Pass2026');
    const self = await streetAdmin.post(`/api/v1/orgs/${street.id}/events`, { type: 'dissolve', date: '2026-05-01' });
    expect(self.status).toBe(403);
    expect(self.body.message).toContain('上级工会');
  });

  it('dissolves only when no active unions remain below, then refuses further changes', async () => {
    const tree = await makeTree(t.db, t.rootOrgId);
    const street = tree.streets[1]?.org;
    const unions = tree.streets[1]?.unions ?? [];
    if (!street) throw new Error('tree');
    const blocked = await admin.post(`/api/v1/orgs/${street.id}/events`, { type: 'dissolve', date: '2026-06-01' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.message).toContain('2 个未注销的下级组织');
    for (const u of unions)
      expect((await admin.post(`/api/v1/orgs/${u.id}/events`, { type: 'dissolve', date: '2026-06-01', reason: '企业关停' })).status).toBe(
        201,
      );
    expect((await admin.post(`/api/v1/orgs/${street.id}/events`, { type: 'dissolve', date: '2026-06-30' })).status).toBe(201);
    const gone = await admin.get(`/api/v1/orgs/${street.id}`);
    expect(gone.body).toMatchObject({ status: 'dissolved', dissolvedAt: '2026-06-30' });
    expect((await admin.post(`/api/v1/orgs/${street.id}/events`, { type: 'reelect', date: '2026-07-01' })).status).toBe(409);
    expect((await admin.post('/api/v1/orgs', { parentId: street.id, name: uniq('新'), level: 'grassroots', kind: 'other' })).status).toBe(
      409,
    );
    const summary = await admin.get(`/api/v1/orgs/${tree.district.id}/summary`);
    expect(summary.body).toMatchObject({ orgCount: 7, active: 4, dissolved: 3, byLevel: { district: 1, street: 2, grassroots: 4 } });
  });

  it('edits details with an audit row holding before and after', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const res = await admin.patch(`/api/v1/orgs/${org.id}`, { chairName: '赵敏', headcount: 1200, divisionCode: '320102' });
    expect(res.body).toMatchObject({ chairName: '赵敏', headcount: 1200, divisionCode: '320102' });
    const audit = await (await loginRoot(app, 'auditor')).get(`/api/v1/audit-events?action=org.update&entityId=${org.id}`);
    expect(audit.body.items[0]).toMatchObject({
      before: { chairName: null, headcount: null },
      after: { chairName: '赵敏', headcount: 1200 },
    });
  });

  it('lists ancestors from the actor’s own org down to the parent', async () => {
    const tree = await makeTree(t.db, t.rootOrgId);
    const union = tree.streets[0]?.unions[1];
    const street = tree.streets[0]?.org;
    if (!union || !street) throw new Error('tree');
    const all = await admin.get(`/api/v1/orgs/${union.id}/ancestors`);
    expect(all.body.items.map((o: { id: number }) => o.id)).toEqual([t.rootOrgId, tree.district.id, street.id]);
    const streetAdmin = await loginAs(app, (await makeUser(t.db, street.id)).username, 'Test#Pass2026');
    expect((await streetAdmin.get(`/api/v1/orgs/${union.id}/ancestors`)).body.items.map((o: { id: number }) => o.id)).toEqual([street.id]);
  });
});
