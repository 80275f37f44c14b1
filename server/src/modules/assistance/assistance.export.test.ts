// The assistance ledger's xlsx export and its link to the hardship files, through the API: the file is masked,
// its totals equal the list's, its name names the org and the filter, the export is audited with its row count and
// refused over the cap; an entry links only to an active file of the same person within the caller's subtree, and
// the file's page lists the assistance the household received.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, loginRoot, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { useTestApp } from '../../test/suite.ts';
import type { HttpApp } from '../../platform/http/index.ts';

const CAP = 6;

describe.each(engines())('assistance export and hardship links on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let district: OrgRef, other: OrgRef, g1: OrgRef, g2: OrgRef;
  let dc: Client, c1: Client, c2: Client, oc: Client, viewer: Client;
  let warmth: number;
  let fileA: number, fileDraft: number, fileOther: number;
  const people = { a: newIdNumber('19700101'), b: newIdNumber('19710101'), c: newIdNumber('19720101'), d: newIdNumber('19730101') };
  useTestApp(engine, (s) => ({ t, app } = s), { exportUnmaskedMaxRows: CAP });

  const login = async (org: OrgRef, roles = ['org_admin']) => {
    const u = await makeUser(t.db, org.id, roles);
    return loginAs(app, u.username, PASSWORD);
  };
  const act = async (c: Client, path: string, id: number, action: string, extra: Record<string, unknown> = {}) => {
    const cur = await c.get(`/api/v1/${path}/${id}`);
    const res = await c.post(`/api/v1/${path}/${id}/actions/${action}`, { version: cur.body.version, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const file = async (c: Client, orgId: number, idNumber: string, approver?: Client) => {
    const res = await c.post('/api/v1/hardship-files', {
      orgId,
      name: '困难职工',
      idNumber,
      householdSize: 3,
      incomePerHead: 80_000,
      causes: ['illness'],
      tier: 'district',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    if (approver) {
      await act(c, 'hardship-files', res.body.id, 'submit');
      await act(approver, 'hardship-files', res.body.id, 'approve', { registeredAt: '2026-01-05' });
    }
    return res.body.id as number;
  };
  const entry = (c: Client, o: Record<string, unknown>) =>
    c.post('/api/v1/assistance', { name: '困难职工', kind: 'living', fundSource: 'union', date: '2026-01-15', ...o });
  const readXlsx = async (c: Client, url: string) => {
    const cookie = Object.entries(c.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) return { status: res.statusCode, body: res.json<{ message: string }>(), rows: [], fileName: '' };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const disposition = String(res.headers['content-disposition']);
    const fileName = decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? '');
    return { status: 200, body: null, rows, fileName, ws: wb.worksheets[0] };
  };

  beforeAll(async () => {
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('台账区总') });
    other = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('邻区总') });
    const s1 = await makeOrg(t.db, district, { level: 'street', name: uniq('台账街道') });
    g1 = await makeOrg(t.db, s1, { level: 'grassroots', name: uniq('台账基层甲') });
    g2 = await makeOrg(t.db, s1, { level: 'grassroots', name: uniq('台账基层乙') });
    [dc, c1, c2, oc, viewer] = await Promise.all([login(district), login(g1), login(g2), login(other), login(district, ['viewer'])]);
    fileA = await file(c1, g1.id, people.a, dc);
    fileDraft = await file(c1, g1.id, people.b);
    fileOther = await file(c2, g2.id, people.c, dc);
    const w = await dc.post('/api/v1/campaigns', {
      orgId: district.id,
      kind: 'warmth',
      name: '=春节送温暖',
      startsOn: '2026-01-01',
      endsOn: '2026-02-28',
      budget: [{ fundSource: 'union', amount: 5_000_000 }],
    });
    expect(w.status).toBe(201);
    warmth = w.body.id;
  });

  it('links an entry only to an active file of the same person in the caller’s subtree (400 naming 困难职工档案)', async () => {
    const cases: [Client, Record<string, unknown>, RegExp][] = [
      [c1, { orgId: g1.id, idNumber: people.b, hardshipFileId: fileDraft }, /困难职工档案.*不在档/],
      [c1, { orgId: g1.id, idNumber: people.d, hardshipFileId: fileA }, /困难职工档案.*不是同一人/],
      // Another grassroots union's file is not visible to g1's cadre.
      [c1, { orgId: g1.id, idNumber: people.c, hardshipFileId: fileOther }, /困难职工档案.*不存在或不在您的管辖范围内/],
      [c1, { orgId: g1.id, idNumber: people.a, hardshipFileId: 987_654_321 }, /困难职工档案.*不存在/],
      [oc, { orgId: other.id, idNumber: people.a, hardshipFileId: fileA }, /困难职工档案.*不存在/],
    ];
    for (const [c, body, message] of cases) {
      const res = await entry(c, { amount: 10_000, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body).toMatchObject({ field: 'hardshipFileId' });
      expect(res.body.message).toMatch(message);
    }
  });

  it('finds the caller’s hardship files by part of the name (the form’s file picker)', async () => {
    const found = await c1.get('/api/v1/hardship-files?q=困难');
    expect(found.status).toBe(200);
    expect(found.body.items.map((f: { id: number }) => f.id).sort()).toEqual([fileA, fileDraft].sort());
    expect((await c1.get('/api/v1/hardship-files?q=%25')).body.total).toBe(0);
    expect((await dc.get('/api/v1/hardship-files?q=职工&status=active')).body.total).toBe(2);
  });

  it('registers the ledger: linked entries list under their file', async () => {
    const made = [
      await entry(c1, { orgId: g1.id, idNumber: people.a, hardshipFileId: fileA, amount: 150_050, campaignId: warmth, kind: 'condolence' }),
      await entry(c1, { orgId: g1.id, idNumber: people.a, hardshipFileId: fileA, amount: 30_000, goodsValue: 12_345, kind: 'medical' }),
      await entry(c2, { orgId: g2.id, idNumber: people.c, hardshipFileId: fileOther, amount: 20_000, fundSource: 'government' }),
      await entry(c2, { orgId: g2.id, name: '@张三', idNumber: people.d, phone: '13812345678', amount: 7_001, campaignId: warmth }),
    ];
    for (const r of made) expect(r.status, JSON.stringify(r.body)).toBe(201);
    await act(dc, 'assistance', made[0]?.body.id, 'approve');
    await act(dc, 'assistance', made[0]?.body.id, 'pay', { paidAt: '2026-01-20' });
    await act(c2, 'assistance', made[2]?.body.id, 'approve');
    await act(c2, 'assistance', made[2]?.body.id, 'pay', { paidAt: '2026-01-21' });

    const ofA = await c1.get(`/api/v1/assistance?hardshipFileId=${fileA}`);
    expect(ofA.status).toBe(200);
    expect(ofA.body.total).toBe(2);
    expect(ofA.body.items.map((i: { amount: number }) => i.amount).sort()).toEqual([150_050, 30_000].sort());
    // The other union's file's entries are outside g1's subtree; the district sees them.
    expect((await c1.get(`/api/v1/assistance?hardshipFileId=${fileOther}`)).body.total).toBe(0);
    expect((await dc.get(`/api/v1/assistance?hardshipFileId=${fileOther}`)).body.items).toMatchObject([{ amount: 20_000, status: 'paid' }]);
  });

  it('exports the filtered ledger masked, with totals equal to the list’s, named after the org and filter, audited', async () => {
    const list = await dc.get(`/api/v1/assistance?orgId=${district.id}&pageSize=100`);
    expect(list.body.total).toBe(4);
    const x = await readXlsx(dc, `/api/v1/assistance/export?orgId=${district.id}`);
    expect(x.status, JSON.stringify(x.body)).toBe(200);
    expect(x.rows[0]).toEqual(expect.arrayContaining(['编号', '身份证号', '手机号', '发放金额（元）', '经费来源', '状态', '所属活动']));
    const body = x.rows.slice(1, -2);
    expect(body).toHaveLength(4);
    const flat = JSON.stringify(x.rows);
    for (const id of Object.values(people)) expect(flat).not.toContain(id);
    expect(flat).not.toContain('13812345678');
    expect(flat).toContain('138****5678');
    // Labels in Chinese; a formula-looking name and campaign name are escaped.
    expect(flat).toContain('慰问');
    expect(flat).toContain('工会经费');
    expect(flat).toContain('已发放');
    expect(flat).toContain('春节送温暖');
    expect(flat).toContain("'@张三");
    expect(flat).toContain("'=春节送温暖");
    const head = x.rows[0] as string[];
    const amountCol = head.indexOf('发放金额（元）');
    const goodsCol = head.indexOf('物资折价（元）');
    const sumFen = (items: { amount: number }[]) => items.reduce((s, i) => s + i.amount, 0);
    const fileFen = body.reduce((s: number, r) => s + Math.round(Number(r[amountCol]) * 100), 0);
    expect(fileFen).toBe(sumFen(list.body.items));
    const [total = [], paid = []] = x.rows.slice(-2);
    expect(total[0]).toBe('合计 4 笔');
    expect(Math.round(Number(total[amountCol]) * 100)).toBe(sumFen(list.body.items));
    expect(Math.round(Number(total[goodsCol]) * 100)).toBe(12_345);
    expect(paid[0]).toBe('其中已发放 2 笔');
    expect(Math.round(Number(paid[amountCol]) * 100)).toBe(170_050);
    // Two decimals in 元 as the cell's format.
    expect(x.ws?.getColumn(amountCol + 1).numFmt).toBe('#,##0.00');
    expect(x.fileName).toMatch(new RegExp(`^帮扶救助台账-${district.name}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));

    // A filter: the campaign's entries; the paid total equals the campaign's own figure.
    const camp = await readXlsx(dc, `/api/v1/assistance/export?orgId=${district.id}&campaignId=${warmth}&kind=condolence`);
    expect(camp.rows.slice(1, -2)).toHaveLength(1);
    const detail = await dc.get(`/api/v1/campaigns/${warmth}`);
    expect(Math.round(Number(camp.rows.at(-1)?.[amountCol]) * 100)).toBe(detail.body.totals.paidAmount);
    expect(camp.fileName).toContain(`帮扶救助台账-${district.name}-慰问-=春节送温暖`);

    const audit = await (await loginRoot(app, 'auditor')).get('/api/v1/audit-events?action=assistance.export');
    expect(audit.status).toBe(200);
    expect(audit.body.items[0].after).toMatchObject({ rows: 1, unmasked: false, filter: { campaignId: warmth, kind: 'condolence' } });
    expect(audit.body.items[1].after).toMatchObject({ rows: 4, unmasked: false, filter: { orgId: district.id } });
  });

  it('keeps the export to the caller’s subtree and permission, and refuses more rows than the cap', async () => {
    const own = await readXlsx(c1, '/api/v1/assistance/export');
    expect(own.rows.slice(1, -2)).toHaveLength(2);
    expect(own.fileName).toContain(g1.name);
    expect((await readXlsx(c1, `/api/v1/assistance/export?orgId=${district.id}`)).status).toBe(404);
    expect((await readXlsx(oc, `/api/v1/assistance/export?orgId=${district.id}`)).status).toBe(404);
    expect((await readXlsx(viewer, `/api/v1/assistance/export?orgId=${district.id}`)).status).toBe(403);
    const bad = await readXlsx(dc, '/api/v1/assistance/export?unmasked=true');
    expect(bad.status).toBe(400);

    for (let i = 0; i < CAP - 3; i++) {
      const r = await entry(c1, { orgId: g1.id, idNumber: newIdNumber('19800101'), amount: 100 + i });
      expect(r.status).toBe(201);
    }
    const over = await readXlsx(dc, `/api/v1/assistance/export?orgId=${district.id}`);
    expect(over.status).toBe(400);
    expect(over.body?.message).toMatch(new RegExp(`超过单次导出上限 ${CAP} 条，请缩小筛选范围`));
    expect((await readXlsx(dc, `/api/v1/assistance/export?orgId=${district.id}&fundSource=government`)).status).toBe(200);
  });
});
