import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, loginRoot, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber as newId } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { useTestApp } from '../../test/suite.ts';

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

async function readSheet(app: HttpApp, c: Client, url: string) {
  const cookie = Object.entries(c.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) return { status: res.statusCode, rows: [] as string[][], body: res.json<{ message: string }>() };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(cellText)));
  return { status: 200, rows, body: null, ws };
}

describe.each(engines())('member export on %s', (engine) => {
  let t: TestDb, app: HttpApp, admin: Client;
  useTestApp(engine, (s) => ({ t, app, admin } = s));

  it('exports the filter masked by default, as text cells, with formula-looking names escaped, and audits it', async () => {
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const union = await makeOrg(t.db, district, { name: '=HYPERLINK("x")工会' });
    const ids = [newId(), newId()];
    await admin.post('/api/v1/members', {
      orgId: union.id,
      name: '张伟',
      idNumber: ids[0],
      phone: '13800138000',
      joinedAt: '2023-05-01',
      categories: ['migrant', 'new_forms'],
    });
    await admin.post('/api/v1/members', { orgId: union.id, name: '+李四', idNumber: ids[1], joinedAt: '2023-05-02' });
    const viewer = await loginAs(app, (await makeUser(t.db, district.id, ['viewer'])).username, 'Test#Pass2026');
    expect((await readSheet(app, viewer, `/api/v1/members/export?orgId=${district.id}`)).status).toBe(403);

    const exporter = await loginAs(app, (await makeUser(t.db, district.id, ['org_admin'])).username, 'Test#Pass2026');
    const sheet = await readSheet(app, exporter, `/api/v1/members/export?orgId=${district.id}`);
    expect(sheet.rows[0]).toEqual([
      '姓名',
      '身份证号',
      '性别',
      '出生年份',
      '手机号',
      '所在工会',
      '入会日期',
      '会籍状态',
      '人员类别',
      '会员卡号',
    ]);
    const body = sheet.rows.slice(1).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
    expect(body.map((r) => r[0])).toEqual(["'+李四", '张伟']);
    const zhang = body[1] ?? [];
    expect(zhang[1]).toBe(`${ids[0]?.slice(0, 3)}***********${ids[0]?.slice(-4)}`);
    expect(zhang[4]).toBe('138****8000');
    expect(zhang[5]).toBe(`'=HYPERLINK("x")工会`);
    expect(zhang[8]).toBe('农民工、新业态劳动者');
    expect(sheet.ws?.getColumn(2).numFmt).toBe('@');
    const audit = await (await loginRoot(app, 'auditor')).get('/api/v1/audit-events?action=member.export');
    expect(audit.body.items[0].after).toMatchObject({ rows: 2, unmasked: false, filter: { orgId: district.id } });
  });

  it('leaves 退会 members out of the default roster and its export, names the file by org and filter', async () => {
    const union = await makeOrg(t.db, t.rootOrgId, { name: '东湖/纺织厂工会' });
    const stay = (await admin.post('/api/v1/members', { orgId: union.id, name: '留下', idNumber: newId(), joinedAt: '2020-01-01' })).body;
    const gone = (await admin.post('/api/v1/members', { orgId: union.id, name: '离开', idNumber: newId(), joinedAt: '2020-01-01' })).body;
    expect((await admin.post(`/api/v1/members/${gone.id}/leave`, { date: '2026-03-01', kind: 'quit' })).status).toBe(200);
    const names = async (query: string) =>
      (await admin.get(`/api/v1/members?orgId=${union.id}${query}`)).body.items.map((m: { name: string }) => m.name).sort();
    expect(await names('')).toEqual([stay.name]);
    expect(await names('&status=all')).toEqual([gone.name, stay.name].sort());
    expect(await names('&status=left')).toEqual([gone.name]);
    // The 退会 figure's drill-down still finds them.
    expect(await names('&leftFrom=2026-01-01&leftTo=2026-06-30')).toEqual([gone.name]);
    const sheet = await readSheet(app, admin, `/api/v1/members/export?orgId=${union.id}`);
    expect(sheet.rows.slice(1).map((r) => r[0])).toEqual([stay.name]);

    const cookie = Object.entries(admin.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/members/export?orgId=${union.id}&status=all&category=migrant`,
      headers: { cookie },
    });
    const disposition = decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1] ?? '');
    expect(disposition).toMatch(/^会员名册-东湖_纺织厂工会-含退会-农民工-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it('never exports full numbers directly, even with the permission and a reason (an approved request is needed)', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const id = newId();
    await admin.post('/api/v1/members', { orgId: org.id, name: '王芳', idNumber: id, joinedAt: '2023-05-01' });
    const officer = await loginAs(app, (await makeUser(t.db, org.id, ['org_admin', 'privacy_officer'])).username, 'Test#Pass2026');
    const full = await readSheet(
      app,
      officer,
      `/api/v1/members/export?orgId=${org.id}&unmasked=true&reason=${encodeURIComponent('上报市总')}`,
    );
    expect(full.status).toBe(403);
    expect(full.body?.message).toContain('导出申请');
  });
});
