// The member's own data (profile, e-card, 个人信息查阅 with the cadres who revealed it, download, consents) and the
// cadres' view of member accounts (list in scope, reset).
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { engines, type TestDb } from '../../test/db.ts';
import { makeOrg, makeUser, uniq } from '../../test/factories.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { useTestApp } from '../../test/suite.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { capturingSender } from '../../platform/sms/index.ts';
import { activate, MemberClient, memberWithCadre } from './member-portal.testkit.ts';
import { pruneMemberPortal } from './index.ts';
import { asSystem } from '../../platform/db/index.ts';
import { sql } from 'drizzle-orm';

describe.each(engines())('member portal on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  const sender = capturingSender();
  useTestApp(engine, (s) => ({ t, app } = s), { messageSender: sender, publicBaseUrl: 'https://gh.example.cn' });

  it('issues the e-card with a verify link that the public check accepts (GET and POST alike)', async () => {
    const { member: m } = await memberWithCadre(app, t.db, t.rootOrgId);
    const c = await activate(app, sender, m);
    const card = await c.get('/api/v1/h5/card');
    expect(card.status).toBe(200);
    expect(card.body.cardNo).toMatch(/^GH\d{10}$/);
    expect(card.body.verifyUrl).toBe(`https://gh.example.cn/v/${card.body.token}`);
    const anon = new MemberClient(app);
    const viaGet = await anon.get(`/api/v1/cards/verify?token=${encodeURIComponent(card.body.token)}`);
    expect(viaGet.status).toBe(200);
    expect(viaGet.body).toMatchObject({ valid: true, member: { nameMasked: '王*明' } });
    const viaPost = await anon.post('/api/v1/cards/verify', { token: card.body.token });
    expect(viaPost.body).toEqual(viaGet.body);
    expect((await anon.get('/api/v1/cards/verify?token=nonsense')).body).toEqual({ valid: false, reason: 'invalid' });
  });

  it('shows the member everything held about them, including which cadre revealed their ID and why', async () => {
    const { cadre, member: m } = await memberWithCadre(app, t.db, t.rootOrgId);
    const c = await activate(app, sender, m, { optionalConsents: ['notifications'] });
    expect((await cadre.post(`/api/v1/members/${m.id}/reveal`, { reason: '核对困难帮扶申请' })).status).toBe(200);
    const to = await makeOrg(t.db, t.rootOrgId, { level: 'grassroots', name: uniq('转入工会') });
    expect((await cadre.post(`/api/v1/members/${m.id}/transfers`, { toOrgId: to.id, reason: '工作调动' })).status).toBeLessThan(300);
    const res = await c.get('/api/v1/h5/my-data');
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.profile).toMatchObject({ name: m.name, joinedAt: '2021-05-01', status: 'active' });
    expect(d.profile.idMasked).not.toBe(m.idNumber);
    expect(JSON.stringify(d)).not.toContain(m.idNumber);
    expect(JSON.stringify(d)).not.toContain(m.phone);
    expect(d.account).toMatchObject({ consentVersion: '2026-12', consents: { notifications: { granted: true } } });
    expect(d.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(d.transfers).toHaveLength(1);
    expect(d.transfers[0]).toMatchObject({ status: 'pending', toOrg: to.name });
    expect(d.viewedBy).toHaveLength(1);
    expect(d.viewedBy[0]).toMatchObject({ reason: '核对困难帮扶申请' });
    expect(d.viewedBy[0].orgName).toMatch(/会员服务测试工会/);
    expect(d.viewedBy[0].cadreName).toBeTruthy();

    const json = await c.get('/api/v1/h5/my-data/export?format=json');
    expect(json.status).toBe(200);
    expect(String(json.headers['content-disposition'])).toMatch(/attachment; filename="my-member-data.json"/);
    expect(JSON.parse(String(json.body)).viewedBy).toHaveLength(1);
    const xlsx = await c.get('/api/v1/h5/my-data/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['基本信息', '账号与授权', '登录会话', '会员接转', '查看记录']);
    expect(wb.getWorksheet('查看记录')?.getRow(2).getCell(4).value).toBe('核对困难帮扶申请');
  });

  it('lets the member withdraw an optional consent', async () => {
    const { member: m } = await memberWithCadre(app, t.db, t.rootOrgId);
    const c = await activate(app, sender, m, { optionalConsents: ['notifications'] });
    const res = await c.post('/api/v1/h5/consents/withdraw', { key: 'notifications' });
    expect(res.status).toBe(200);
    expect(res.body.consents.notifications.granted).toBe(false);
    expect((await c.post('/api/v1/h5/consents/withdraw', { key: 'privacy' })).status).toBe(400);
  });

  it('lists accounts in the cadre’s scope (masked) and resets one: the member must activate again', async () => {
    const { cadre, member: m } = await memberWithCadre(app, t.db, t.rootOrgId);
    const c = await activate(app, sender, m, { password: 'Member#Pass2026' });
    const list = await cadre.get('/api/v1/member-accounts');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ memberId: m.id, nameMasked: '王*明', locked: false });
    expect(list.body.items[0].activatedAt).toBeTruthy();
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|codeHash|argon/);

    // A cadre of another union cannot see or reset it.
    const other = await makeOrg(t.db, t.rootOrgId, { level: 'grassroots', name: uniq('别的工会') });
    const u = await makeUser(t.db, other.id, ['org_admin']);
    const stranger = await loginAs(app, u.username, u.password);
    expect((await stranger.get('/api/v1/member-accounts')).body.total).toBe(0);
    expect((await stranger.post(`/api/v1/members/${m.id}/account/reset`, {})).status).toBe(404);

    expect((await cadre.post(`/api/v1/members/${m.id}/account/reset`, {})).status).toBe(204);
    expect((await c.get('/api/v1/h5/me')).status).toBe(401);
    const after = await cadre.get('/api/v1/member-accounts');
    expect(after.body.items[0]).toMatchObject({ memberId: m.id, activatedAt: null });
    const login = await c.post('/api/v1/h5/auth/login', { phone: m.phone, password: 'Member#Pass2026' });
    expect(login.status).toBe(401);
  });

  it('refuses reset to a viewer (no member_account:reset)', async () => {
    const { member: m } = await memberWithCadre(app, t.db, t.rootOrgId);
    const u = await makeUser(t.db, m.orgId, ['viewer']);
    const viewer: Client = await loginAs(app, u.username, u.password);
    expect((await viewer.get('/api/v1/member-accounts')).status).toBe(200);
    expect((await viewer.post(`/api/v1/members/${m.id}/account/reset`, {})).status).toBe(403);
  });

  it('the sweep removes ended member sessions and code requests past the hourly window', async () => {
    const { member: m } = await memberWithCadre(app, t.db, t.rootOrgId);
    const c = await activate(app, sender, m);
    await asSystem(async () => {
      await t.db.execute(sql`UPDATE member_sessions s SET last_seen_at = now() - interval '2 hours'
        FROM member_accounts a WHERE a.id = s.account_id AND a.member_id = ${m.id}`);
      await t.db.execute(sql`UPDATE member_codes SET created_at = now() - interval '3 hours' WHERE member_id = ${m.id}`);
      await pruneMemberPortal(t.db);
    });
    const left = await asSystem(() =>
      t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM member_codes WHERE member_id = ${m.id}`),
    );
    expect(left.rows[0]?.n).toBe(0);
    expect((await c.get('/api/v1/h5/me')).status).toBe(401);
  });
});
