// 敏感数据导出申请: the unmasked export needs a second cadre's approval, is capped, downloads once, carries a mark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, loginRoot, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';

async function download(app: HttpApp, c: Client, id: number) {
  const cookie = Object.entries(c.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const res = await app.inject({ method: 'GET', url: `/api/v1/export-requests/${id}/download`, headers: { cookie } });
  if (res.statusCode !== 200) return { status: res.statusCode, body: res.json<{ code: string; message: string }>() };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''))),
  );
  return { status: 200, rows, wb, ws, headers: res.headers };
}

describe.each(engines())('unmasked export requests on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let auditor: Client;
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db, { exportUnmaskedMaxRows: 3 });
    admin = await loginRoot(app, 'admin');
    auditor = await loginRoot(app, 'auditor');
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  /** A district with a union of `n` members, a requester (org_admin + privacy_officer) and two approvers. */
  async function setup(n: number) {
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const union = await makeOrg(t.db, district);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const idNumber = newIdNumber();
      ids.push(idNumber);
      expect(
        (await admin.post('/api/v1/members', { orgId: union.id, name: `会员${i}`, idNumber, phone: '13800138000', joinedAt: '2023-05-01' }))
          .status,
      ).toBe(201);
    }
    const login = async (orgId: number, roles: string[]) => {
      const u = await makeUser(t.db, orgId, roles);
      return { id: u.id, username: u.username, client: await loginAs(app, u.username, PASSWORD) };
    };
    const requester = await login(district.id, ['org_admin', 'privacy_officer']);
    const approvers = [
      await login(district.id, ['privacy_officer']),
      await login(t.rootOrgId, ['privacy_officer']),
      await login(district.id, ['privacy_officer']),
    ];
    return { district, union, ids, requester, approvers, login };
  }

  it('lives through request → another cadre approves → one download with a watermark, all audited', async () => {
    const { district, union, ids, requester, approvers, login } = await setup(3);
    const plainCadre = await login(district.id, ['org_admin']);
    const body = { orgId: union.id, reason: '上报市总工会劳模评选名单' };
    const refused = await plainCadre.client.post('/api/v1/export-requests', body);
    expect(refused.status).toBe(403);

    const created = await requester.client.post('/api/v1/export-requests', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'pending',
      rowCount: 3,
      orgId: union.id,
      requesterId: requester.id,
      canDecide: false,
      canDownload: false,
    });
    expect(created.body.number).toMatch(/^DC-\d{4}-\d{6}$/);
    const id = created.body.id as number;

    expect((await download(app, requester.client, id)).status).toBe(409);
    const self = await requester.client.post(`/api/v1/export-requests/${id}/approve`, { opinion: '同意' });
    expect(self.status).toBe(403);
    expect(self.body.message).toContain('自己');
    // An approver elsewhere does not see it.
    const sibling = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const outsider = await login(sibling.id, ['privacy_officer']);
    expect((await outsider.client.post(`/api/v1/export-requests/${id}/approve`, {})).status).toBe(404);
    expect((await outsider.client.get('/api/v1/export-requests')).body.items.map((r: { id: number }) => r.id)).not.toContain(id);
    // A cadre without export:approve cannot approve.
    expect((await plainCadre.client.post(`/api/v1/export-requests/${id}/approve`, {})).status).toBe(403);
    const listed = await approvers[0]?.client.get('/api/v1/export-requests?status=pending');
    expect(listed?.body.items.find((r: { id: number }) => r.id === id)).toMatchObject({ canDecide: true, reason: body.reason });

    // Three approvers at once: exactly one wins.
    const results = await Promise.all(approvers.map((a) => a.client.post(`/api/v1/export-requests/${id}/approve`, { opinion: '同意' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.status === 200);
    expect(winner?.body).toMatchObject({ status: 'approved', opinion: '同意' });

    // Only the requester downloads, once.
    expect((await download(app, approvers[0]?.client as Client, id)).status).toBe(403);
    const file = await download(app, requester.client, id);
    expect(file.status).toBe(200);
    const mark = file.rows?.[0]?.[0] ?? '';
    expect(mark).toContain('敏感数据');
    expect(mark).toContain(requester.username);
    expect(mark).toContain(created.body.number);
    expect(mark).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(file.rows?.[1]?.slice(0, 2)).toEqual(['姓名', '身份证号']);
    expect(
      file.rows
        ?.slice(2)
        .map((r) => r[1])
        .sort(),
    ).toEqual([...ids].sort());
    expect(file.wb?.title).toBe(mark);
    expect(file.ws?.headerFooter.oddHeader).toContain(created.body.number);
    expect(file.headers?.['cache-control']).toBe('no-store');
    const again = await download(app, requester.client, id);
    expect(again.status).toBe(409);
    expect(again.body?.message).toContain('已下载');

    const trail = async (action: string) => (await auditor.get(`/api/v1/audit-events?action=${action}&entityId=${id}`)).body;
    expect((await trail('export_request.create')).items[0].after).toMatchObject({
      number: created.body.number,
      rows: 3,
      reason: body.reason,
    });
    expect((await trail('export_request.approve')).total).toBe(1);
    const dl = await trail('export_request.download');
    expect(dl.total).toBe(1);
    expect(dl.items[0]).toMatchObject({ actorName: requester.username, after: { rows: 3, number: created.body.number } });
  });

  it('refuses a request over the row cap, out of scope, or without a reason', async () => {
    const { district, union, requester } = await setup(4);
    const over = await requester.client.post('/api/v1/export-requests', { orgId: district.id, reason: '上报市总工会名单' });
    expect(over.status).toBe(400);
    expect(over.body.message).toContain('上限 3');
    // Narrowed by a filter it fits.
    expect(
      (await requester.client.post('/api/v1/export-requests', { orgId: union.id, q: '会员1', reason: '上报市总工会名单' })).body.rowCount,
    ).toBe(1);
    const sibling = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    expect((await requester.client.post('/api/v1/export-requests', { orgId: sibling.id, reason: '上报市总工会名单' })).status).toBe(404);
    const noReason = await requester.client.post('/api/v1/export-requests', { orgId: union.id, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.field).toBe('reason');
  });

  it('a rejected request never downloads; the direct unmasked export is gone', async () => {
    const { union, requester, approvers } = await setup(1);
    const id = (await requester.client.post('/api/v1/export-requests', { orgId: union.id, reason: '核对会员身份信息' })).body.id as number;
    const approver = approvers[0]?.client as Client;
    expect((await approver.post(`/api/v1/export-requests/${id}/reject`, {})).body.field).toBe('opinion');
    const rejected = await approver.post(`/api/v1/export-requests/${id}/reject`, { opinion: '用途不明确' });
    expect(rejected.body).toMatchObject({ status: 'rejected', opinion: '用途不明确' });
    expect((await approver.post(`/api/v1/export-requests/${id}/approve`, {})).status).toBe(409);
    expect((await download(app, requester.client, id)).status).toBe(409);

    const cookie = Object.entries(requester.client.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const direct = await app.inject({
      method: 'GET',
      url: `/api/v1/members/export?orgId=${union.id}&unmasked=true&reason=x`,
      headers: { cookie },
    });
    expect(direct.statusCode).toBe(403);
    expect(direct.json<{ message: string }>().message).toContain('导出申请');
  });
});
