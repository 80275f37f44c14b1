import { describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, loginRoot, type Client } from '../../test/http.ts';
import { makeOrg, makeTree, makeUser, newIdNumber as newId } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { useTestApp } from '../../test/suite.ts';

describe.each(engines())('member registry on %s', (engine) => {
  let t: TestDb, app: HttpApp, admin: Client;
  useTestApp(engine, (s) => ({ t, app, admin } = s));

  it('registers a member masked, deriving gender and birth year from the ID number', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    const id = newId('19851120', true);
    const res = await admin.post('/api/v1/members', {
      orgId: org.id,
      name: '李秀英',
      idNumber: id.toLowerCase(),
      phone: '+86 138-0013-8000',
      joinedAt: '2024-06-20',
      categories: ['migrant'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '李秀英',
      gender: 'female',
      birthYear: 1985,
      phoneMasked: '138****8000',
      status: 'active',
      categories: ['migrant'],
    });
    expect(res.body.idNumberMasked).toBe(`${id.slice(0, 3)}***********${id.slice(-4)}`);
    expect(JSON.stringify(res.body)).not.toContain(id.slice(3, 14));
    expect(res.body.cardNo).toMatch(/^GH\d{10}$/);
  });

  it('explains bad input per field and refuses a gender that contradicts the ID', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    const post = (b: object) =>
      admin.post('/api/v1/members', { orgId: org.id, name: '张三', idNumber: newId(), joinedAt: '2024-01-01', ...b });
    expect((await post({ idNumber: '32010219900307051' })).body.message).toBe('身份证号：身份证号应为18位（现为17位）');
    expect((await post({ phone: '12345' })).body.message).toBe('手机号：手机号应为11位中国大陆手机号');
    expect((await post({ joinedAt: '2999-01-01' })).body.field).toBe('joinedAt');
    // The member schema names its own fields: an empty name is 姓名 (an org's name would be 名称).
    const noName = await post({ name: '  ' });
    expect(noName.body).toMatchObject({ code: 'VALIDATION', field: 'name', message: '姓名：不能为空' });
    const created = await post({});
    expect((await admin.patch(`/api/v1/members/${created.body.id}`, { name: '' })).body.message).toBe('姓名：不能为空');
    expect(
      (await admin.post('/api/v1/orgs', { parentId: org.id, name: '', level: 'grassroots', kind: 'enterprise' })).body.message,
    ).toMatch(/^名称：/);
    const wrongGender = await post({ idNumber: newId('19900101', true), gender: 'male' });
    expect(wrongGender.status).toBe(400);
    expect(wrongGender.body.message).toContain('与身份证号不符');
  });

  it('keeps one member per ID number across the whole federation, without naming foreign unions', async () => {
    const a = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const b = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const id = newId();
    expect((await admin.post('/api/v1/members', { orgId: a.id, name: '王五', idNumber: id, joinedAt: '2020-01-01' })).status).toBe(201);
    const bAdmin = await loginAs(app, (await makeUser(t.db, b.id)).username, 'Test#Pass2026');
    const dup = await bAdmin.post('/api/v1/members', { orgId: b.id, name: '王五', idNumber: id, joinedAt: '2021-01-01' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toContain('会员接转');
    expect(dup.body.message).not.toContain(a.name);
    const legacy = await admin.post('/api/v1/members', { orgId: a.id, name: '赵六', idNumber: '110105491231002', joinedAt: '2020-01-01' });
    expect(legacy.status).toBe(201);
    expect(legacy.body.notice).toMatch(/15位/);
  });

  it('lists by subtree or one org, finds 2-character names, pinyin initials and exact ID numbers, and pages by keyset', async () => {
    const tree = await makeTree(t.db, t.rootOrgId);
    const [u1, u2] = tree.streets[0]?.unions ?? [];
    if (!u1 || !u2) throw new Error('tree');
    const ids: string[] = [];
    for (const [org, name] of [
      [u1, '张伟'],
      [u1, '张伟明'],
      [u2, '刘芳'],
      [u2, '陈静'],
    ] as const) {
      const idNumber = newId();
      ids.push(idNumber);
      await admin.post('/api/v1/members', {
        orgId: org.id,
        name,
        idNumber,
        joinedAt: '2023-05-01',
        categories: name === '刘芳' ? ['new_forms'] : [],
      });
    }
    const names = async (qs: string) => (await admin.get(`/api/v1/members?${qs}`)).body.items.map((m: { name: string }) => m.name).sort();
    expect(await names(`orgId=${tree.district.id}`)).toEqual(['刘芳', '张伟', '张伟明', '陈静']);
    expect(await names(`orgId=${u2.id}&subtree=false`)).toEqual(['刘芳', '陈静']);
    expect(await names(`orgId=${tree.district.id}&q=${encodeURIComponent('张伟')}`)).toEqual(['张伟', '张伟明']);
    expect(await names(`orgId=${tree.district.id}&q=${encodeURIComponent('伟明')}`)).toEqual(['张伟明']);
    expect(await names(`orgId=${tree.district.id}&q=zw`)).toEqual(['张伟', '张伟明']);
    expect(await names(`orgId=${tree.district.id}&category=new_forms`)).toEqual(['刘芳']);
    expect(await names(`idNumber=${ids[3]?.toLowerCase()}`)).toEqual(['陈静']);
    const p1 = await admin.get(`/api/v1/members?orgId=${tree.district.id}&pageSize=3`);
    expect(p1.body.total).toBe(4);
    const p2 = await admin.get(`/api/v1/members?orgId=${tree.district.id}&pageSize=3&after=${p1.body.nextAfter}`);
    expect([...p1.body.items, ...p2.body.items].map((m: { name: string }) => m.name).sort()).toEqual(['刘芳', '张伟', '张伟明', '陈静']);
    // Only the first page counts; a next page by cursor does not count the subtree again.
    expect(p2.body.total).toBeNull();
    expect(p2.body.nextAfter).toBeNull();
  });

  it('sorts by join date and by name in pinyin order, paging by cursor without OFFSET or a second count', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const people = [
      ['赵敏', '2019-03-01'],
      ['王芳', '2024-07-15'],
      ['张三', '2021-01-10'],
      ['李四', '2024-07-15'],
      ['陈晨', '2018-12-31'],
    ] as const;
    for (const [name, joinedAt] of people) {
      expect((await admin.post('/api/v1/members', { orgId: org.id, name, idNumber: newId(), joinedAt })).status).toBe(201);
    }
    const walk = async (sort: string) => {
      const seen: { name: string; joinedAt: string }[] = [];
      let url = `/api/v1/members?orgId=${org.id}&sort=${sort}&pageSize=2`;
      for (let i = 0; i < 5; i++) {
        const res = await admin.get(url);
        expect(res.status).toBe(200);
        if (i > 0) expect(res.body.total).toBeNull();
        seen.push(...res.body.items);
        if (!res.body.nextCursor) break;
        url = `/api/v1/members?orgId=${org.id}&sort=${sort}&pageSize=2&cursor=${res.body.nextCursor}`;
      }
      return seen;
    };
    const byJoin = await walk('joinedAt');
    expect(byJoin.map((m) => m.joinedAt)).toEqual(['2024-07-15', '2024-07-15', '2021-01-10', '2019-03-01', '2018-12-31']);
    expect(new Set(byJoin.map((m) => m.name)).size).toBe(5);
    // chen, li, wang, zhang, zhao
    expect((await walk('name')).map((m) => m.name)).toEqual(['陈晨', '李四', '王芳', '张三', '赵敏']);
    const first = await admin.get(`/api/v1/members?orgId=${org.id}&sort=name&pageSize=2`);
    const wrongSort = await admin.get(`/api/v1/members?orgId=${org.id}&sort=joinedAt&cursor=${first.body.nextCursor}`);
    expect(wrongSort.status).toBe(400);
    expect(wrongSort.body.message).toContain('cursor');
    expect((await admin.get(`/api/v1/members?orgId=${org.id}&cursor=bm90LWpzb24`)).status).toBe(400);
  });

  it('reveals the full ID and phone only with the permission, a reason and an audit row; the database holds no clear ID', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const idNumber = newId();
    const created = await admin.post('/api/v1/members', {
      orgId: org.id,
      name: '孙七',
      idNumber,
      phone: '13912345678',
      joinedAt: '2022-02-02',
    });
    const viewer = await loginAs(app, (await makeUser(t.db, org.id, ['viewer'])).username, 'Test#Pass2026');
    expect((await viewer.get(`/api/v1/members/${created.body.id}`)).body.idNumberMasked).toContain('*');
    expect((await viewer.post(`/api/v1/members/${created.body.id}/reveal`, { reason: '核对身份' })).status).toBe(403);
    // org_admin does not unmask (三员分立 keeps member:view_sensitive apart); the privacy officer does.
    expect((await admin.post(`/api/v1/members/${created.body.id}/reveal`, { reason: '核对身份' })).status).toBe(403);
    const officer = await loginAs(app, (await makeUser(t.db, org.id, ['privacy_officer'])).username, 'Test#Pass2026');
    expect((await officer.post(`/api/v1/members/${created.body.id}/reveal`, {})).status).toBe(400);
    const shown = await officer.post(`/api/v1/members/${created.body.id}/reveal`, { reason: '办理医疗互助理赔核对身份' });
    expect(shown.body).toEqual({ idNumber, phone: '13912345678', birthDate: '1990-03-07' });
    const audit = await (await loginRoot(app, 'auditor')).get(`/api/v1/audit-events?action=member.reveal&entityId=${created.body.id}`);
    expect(audit.body.items[0].after.reason).toBe('办理医疗互助理赔核对身份');
    const dump = await t.owner.execute(
      sql`SELECT m.*::text AS row FROM members m UNION ALL SELECT a.*::text FROM audit_events a UNION ALL SELECT e.*::text FROM member_events e`,
    );
    const text = dump.rows.map((r) => String((r as { row: string }).row)).join('\n');
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain('13912345678');
  });

  it('records leaving and retained membership as dated history', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    const m = (await admin.post('/api/v1/members', { orgId: org.id, name: '周八', idNumber: newId(), joinedAt: '2010-01-01' })).body;
    const early = await admin.post(`/api/v1/members/${m.id}/leave`, { date: '2009-12-31', kind: 'quit' });
    expect(early.body.field).toBe('date');
    const res = await admin.post(`/api/v1/members/${m.id}/leave`, { date: '2026-01-31', kind: 'retire_keep', reason: '退休' });
    expect(res.body).toMatchObject({ status: 'retained', statusSince: '2026-01-31' });
    expect((await admin.post(`/api/v1/members/${m.id}/leave`, { date: '2026-02-01', kind: 'quit' })).status).toBe(409);
    const events = await admin.get(`/api/v1/members/${m.id}/events`);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['retire_keep', 'join']);
  });

  it('transfers a member across subtrees: the sender requests, the receiver accepts once', async () => {
    const a = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const b = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const ua = await makeOrg(t.db, a);
    const ub = await makeOrg(t.db, b);
    const aAdmin = await loginAs(app, (await makeUser(t.db, a.id)).username, 'Test#Pass2026');
    const bAdmin = await loginAs(app, (await makeUser(t.db, b.id)).username, 'Test#Pass2026');
    const m = (await aAdmin.post('/api/v1/members', { orgId: ua.id, name: '吴九', idNumber: newId(), joinedAt: '2019-03-01' })).body;
    expect((await bAdmin.get(`/api/v1/members/${m.id}`)).status).toBe(404);
    const req = await aAdmin.post(`/api/v1/members/${m.id}/transfers`, { toOrgId: ub.id, date: '2026-04-01', reason: '工作调动' });
    expect(req.status).toBe(201);
    expect((await aAdmin.post(`/api/v1/members/${m.id}/transfers`, { toOrgId: ub.id, date: '2026-04-01' })).status).toBe(409);
    const v = req.body.version;
    // The sender holds the case but not the receiving side's action: as if it did not exist for that action.
    expect((await aAdmin.post(`/api/v1/transfers/${req.body.id}/actions/accept`, { version: v })).status).toBe(404);
    const incoming = await bAdmin.get('/api/v1/transfers?direction=in&status=pending');
    expect(incoming.body.items.map((x: { member: { name: string } }) => x.member.name)).toEqual(['吴*']);
    expect((await bAdmin.post(`/api/v1/transfers/${req.body.id}/actions/accept`, { version: v })).body.status).toBe('accepted');
    expect((await bAdmin.post(`/api/v1/transfers/${req.body.id}/actions/accept`, { version: v + 1 })).status).toBe(409);
    expect((await bAdmin.get(`/api/v1/members/${m.id}`)).body.orgId).toBe(ub.id);
    expect((await aAdmin.get(`/api/v1/members/${m.id}`)).status).toBe(404);
    const events = await admin.get(`/api/v1/members/${m.id}/events`);
    expect(events.body.items.map((e: { type: string; orgId: number }) => [e.type, e.orgId])).toEqual(
      expect.arrayContaining([
        ['transfer_out', ua.id],
        ['transfer_in', ub.id],
      ]),
    );
  });

  it('moving an org subtree moves its members into the new scope', async () => {
    const from = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const to = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const street = await makeOrg(t.db, from, { level: 'street' });
    const union = await makeOrg(t.db, street);
    const m = (await admin.post('/api/v1/members', { orgId: union.id, name: '郑十', idNumber: newId(), joinedAt: '2019-03-01' })).body;
    await admin.post(`/api/v1/orgs/${street.id}/events`, { type: 'move', date: '2026-05-01', newParentId: to.id });
    const toAdmin = await loginAs(app, (await makeUser(t.db, to.id)).username, 'Test#Pass2026');
    expect((await toAdmin.get(`/api/v1/members?orgId=${to.id}`)).body.items.map((x: { id: number }) => x.id)).toEqual([m.id]);
    const fromAdmin = await loginAs(app, (await makeUser(t.db, from.id)).username, 'Test#Pass2026');
    expect((await fromAdmin.get('/api/v1/members')).body.total).toBe(0);
  });

  it('issues a short-lived e-card token that a desk can verify, and rejects tampered tokens', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    const m = (await admin.post('/api/v1/members', { orgId: org.id, name: '欧阳娜娜', idNumber: newId(), joinedAt: '2019-03-01' })).body;
    const card = await admin.get(`/api/v1/members/${m.id}/card`);
    expect(card.body.cardNo).toBe(m.cardNo);
    expect(Date.parse(card.body.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const anon = new (await import('../../test/http.ts')).Client(app);
    expect((await anon.post('/api/v1/cards/verify', { token: card.body.token })).body).toEqual({
      valid: true,
      member: { nameMasked: '欧**娜', orgName: org.name, status: 'active' },
    });
    const forged = card.body.token.slice(0, -2) + (card.body.token.endsWith('A') ? 'BB' : 'AA');
    expect((await anon.post('/api/v1/cards/verify', { token: forged })).body).toEqual({ valid: false, reason: 'invalid' });
    // A screenshot of the QR stops working once the token expires.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 6 * 60_000);
      expect((await anon.post('/api/v1/cards/verify', { token: card.body.token })).body).toEqual({ valid: false, reason: 'expired' });
    } finally {
      vi.useRealTimers();
    }
  });
});
