// 受助名单 from Excel, checked and imported by jobs: the campaign's template, a list with a bad row (checked, then
// its valid rows imported, the refused row downloadable with its cells and reason), a clean list becoming entries
// with amounts in 分, a person already in the campaign named by the earlier number, rows refused for the list's own
// rules; out-of-scope campaigns, unions and imports are 404, a viewer 403.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { multipartBody, rawRequest, rosterXlsx, type CellInput } from '../../test/imports.ts';
import { useTestApp } from '../../test/suite.ts';
import type { HttpApp } from '../../platform/http/index.ts';

const HEADER = ['姓名*', '身份证号*', '手机号', '帮扶类型*', '资金来源*', '金额（元）*', '物资折价（元）', '日期*'];
const STUDENT = ['学生姓名*', '学校*', '学段*', '入学年份*'];

describe.each(engines())('beneficiary lists on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let district: OrgRef;
  let street: OrgRef;
  let g1: OrgRef;
  let other: OrgRef;
  let dc: Client;
  let c1: Client;
  let outsider: Client;
  let warmth: number;
  let autumn: number;
  useTestApp(engine, (s) => ({ t, app } = s));

  const login = async (org: OrgRef, role = 'org_admin') => loginAs(app, (await makeUser(t.db, org.id, [role])).username, PASSWORD);
  const send = async (c: Client, campaign: number, orgId: number, file: Buffer, dryRun: boolean) => {
    const res = await rawRequest(
      app,
      c,
      'POST',
      `/api/v1/campaigns/${campaign}/beneficiaries/import?orgId=${orgId}&dryRun=${dryRun}`,
      multipartBody(file, '名单.xlsx'),
    );
    const queued = JSON.parse(res.body);
    if (res.statusCode !== 202) return { status: res.statusCode, body: queued };
    expect(queued).toMatchObject({ dryRun, fileName: '名单.xlsx', orgId });
    // The job runs after the upload's answer; its status is followed like the console does.
    for (let i = 0; i < 1200; i++) {
      const now = await c.get(`/api/v1/beneficiary-imports/${queued.id}`);
      if (now.body.status === 'succeeded' || now.body.status === 'failed') return { status: now.status, body: now.body };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`beneficiary import ${queued.id} did not end`);
  };
  const list = (rows: CellInput[][], header = HEADER) => rosterXlsx({ sheetName: '受助名单', header, rows });
  const entriesOf = async (c: Client, campaign: number) =>
    (await c.get(`/api/v1/assistance?campaignId=${campaign}&pageSize=200`)).body.items as {
      name: string;
      amount: number;
      goodsValue: number;
      status: string;
      number: string;
    }[];

  beforeAll(async () => {
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('名单区总') });
    street = await makeOrg(t.db, district, { level: 'street', name: uniq('名单街道') });
    g1 = await makeOrg(t.db, street, { level: 'grassroots' });
    other = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('别区总') });
    [dc, c1, outsider] = await Promise.all([login(district), login(g1), login(other)]);
    const open = async (kind: string, name: string) => {
      const res = await dc.post('/api/v1/campaigns', { orgId: district.id, kind, name, startsOn: '2026-01-10', endsOn: '2026-02-20' });
      expect(res.status).toBe(201);
      return res.body.id as number;
    };
    warmth = await open('warmth', '春节送温暖');
    autumn = await open('golden_autumn', '金秋助学');
  });

  it('serves the campaign template: Chinese columns, ID and phone as text, dropdowns; 金秋助学 adds the student', async () => {
    const res = await rawRequest(app, c1, 'GET', `/api/v1/campaigns/${warmth}/beneficiaries/template`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('受助名单');
    expect((ws?.getRow(1).values as string[]).slice(1)).toEqual(HEADER);
    expect(ws?.getColumn(2).numFmt).toBe('@');
    expect(ws?.getColumn(3).numFmt).toBe('@');
    expect(JSON.stringify((ws as unknown as { dataValidations: unknown }).dataValidations)).toContain('慰问');
    const ga = await rawRequest(app, c1, 'GET', `/api/v1/campaigns/${autumn}/beneficiaries/template`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(ga.rawPayload as unknown as ArrayBuffer);
    expect((wb2.getWorksheet('受助名单')?.getRow(1).values as string[]).slice(1)).toEqual([...HEADER, ...STUDENT]);
  });

  it('reports a bad check digit by row and column on a dry run, then imports the valid rows in 分', async () => {
    const good1 = newIdNumber('19700101');
    const good2 = newIdNumber('19700102');
    const bad = newIdNumber('19700103');
    const badId = bad.slice(0, 17) + (bad.endsWith('1') ? '2' : '1');
    const file = await list([
      ['张三', good1, '13800138000', '慰问', '工会经费', 500.5, null, '2026-01-15'],
      ['李四', badId, null, '生活救助', '财政', '1,200', '35.20', '2026/1/16'],
      ['王五', good2, null, '临时救助', '社会捐助', '0', '88.8', new Date(Date.UTC(2026, 0, 17))],
    ]);
    const dry = await send(c1, warmth, g1.id, file, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ status: 'succeeded', checked: true, total: 3, valid: 2, imported: 0, errorCount: 1 });
    expect(dry.body.errors).toHaveLength(1);
    expect(dry.body.errors[0]).toMatchObject({ row: 3, column: '身份证号' });
    expect(dry.body.errors[0].message).toMatch(/^身份证号：.*校验/);
    expect(await entriesOf(c1, warmth)).toHaveLength(0);

    // The error report: the refused row with the uploader's own cells and the reason, ready to correct.
    const report = await rawRequest(app, c1, 'GET', `/api/v1/beneficiary-imports/${dry.body.id}/errors`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('错误报告');
    expect((ws?.getRow(1).values as string[]).slice(1)).toEqual(['原表行号', ...HEADER, '错误原因']);
    const line = (ws?.getRow(2).values as unknown[]).slice(1);
    expect(line.slice(0, 3)).toEqual([3, '李四', badId]);
    expect(Array.from(line.slice(3, 5), (v) => v ?? '')).toEqual(['', '生活救助']);
    expect(String(line.at(-1))).toMatch(/^身份证号：.*校验/);
    expect(ws?.rowCount).toBe(2);
    const read = await t.owner.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'assistance.import_report' AND entity_id = ${String(dry.body.id)}`,
    );
    expect(read.rows[0]?.n).toBe(1);
    // The uploader's cells are stored encrypted: the ID number is nowhere in clear.
    const stored = await t.owner.execute<{ raw: string }>(
      sql`SELECT raw_cipher AS raw FROM beneficiary_import_rows WHERE job_id = ${dry.body.id}`,
    );
    expect(stored.rows[0]?.raw).not.toContain(badId);
    expect((await rawRequest(app, outsider, 'GET', `/api/v1/beneficiary-imports/${dry.body.id}`)).statusCode).toBe(404);
    expect((await rawRequest(app, outsider, 'GET', `/api/v1/beneficiary-imports/${dry.body.id}/errors`)).statusCode).toBe(404);

    // Like the member import: the rows without error are imported, the others reported.
    const run = await send(c1, warmth, g1.id, file, false);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ status: 'succeeded', progress: 1, total: 3, valid: 2, imported: 2 });
    expect(run.body.errors).toHaveLength(1);
    const entries = await entriesOf(c1, warmth);
    expect(entries.map((e) => [e.name, e.amount, e.goodsValue, e.status]).sort()).toEqual([
      ['张三', 50_050, 0, 'requested'],
      ['王五', 0, 8_880, 'requested'],
    ]);
    const audits = await t.owner.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'assistance.request' AND org_id = ${g1.id}`,
    );
    expect(audits.rows[0]?.n).toBe(2);

    // The corrected file again: the two already in are named by their numbers, the fixed row is imported.
    const fixed = await list([
      ['张三', good1, '13800138000', '慰问', '工会经费', 500.5, null, '2026-01-15'],
      ['李四', newIdNumber('19700104'), null, '生活救助', '财政', '1,200', '35.20', '2026/1/16'],
    ]);
    const again = await send(c1, warmth, g1.id, fixed, false);
    expect(again.body).toMatchObject({ total: 2, valid: 1, imported: 1 });
    const zhang = entries.find((e) => e.name === '张三');
    expect(again.body.errors).toEqual([{ row: 2, column: '身份证号', message: expect.stringContaining(zhang?.number ?? '?') }]);
    const li = (await entriesOf(c1, warmth)).find((e) => e.name === '李四');
    expect(li).toMatchObject({ amount: 120_000, goodsValue: 3_520, status: 'requested' });
  });

  it('imports a clean 金秋助学 list with the students and checks the list’s own rules', async () => {
    const ids = [newIdNumber('19750101'), newIdNumber('19750102'), newIdNumber('19750103')];
    const twice = newIdNumber('19750105');
    const rows = ids.map((id, i) => [
      `职工${'甲乙丙'[i]}`,
      id,
      null,
      '助学',
      '社会捐助',
      1000 + i,
      null,
      '2026-02-01',
      `学生${i}`,
      '南京大学',
      '大学',
      2025,
    ]);
    const clean = await send(c1, autumn, g1.id, await list(rows, [...HEADER, ...STUDENT]), false);
    expect(clean.body).toMatchObject({ status: 'succeeded', total: 3, valid: 3, imported: 3, errorCount: 0, errors: [] });
    const entries = await entriesOf(dc, autumn);
    expect(entries.map((e) => e.amount).sort()).toEqual([100_000, 100_100, 100_200]);

    const messy = await send(
      c1,
      autumn,
      g1.id,
      await list(
        [
          ['赵六', ids[0], null, '助学', '社会捐助', 10, null, '2026-02-01', '学生', '学校', '大学', 2025],
          ['钱七', newIdNumber('19750104'), null, '发钱', '社会捐助', 10.123, null, '2026-03-01', '学生', '学校', '博士', 2025],
          ['孙八', ids[1] ?? '', null, '助学', '社会捐助', 10, null, '2026-02-01', '', '学校', '高中', 2025],
          ['周九', twice, null, '助学', '社会捐助', 10, null, '2026-02-01', '学生', '学校', '高中', 2025],
          ['吴十', twice, null, '助学', '社会捐助', 10, null, '2026-02-01', '学生', '学校', '高中', 2025],
        ],
        [...HEADER, ...STUDENT],
      ),
      true,
    );
    expect(messy.status).toBe(200);
    expect(messy.body).toMatchObject({ total: 5, valid: 1 });
    const byRow = (row: number) => messy.body.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string }) => e.column);
    expect(byRow(2)).toEqual(['身份证号']);
    expect(byRow(3)).toEqual(['帮扶类型', '金额（元）', '日期', '学段']);
    expect(byRow(4)).toEqual(['学生姓名']);
    expect(byRow(6)).toEqual(['身份证号']);
    expect(messy.body.errors.find((e: { row: number }) => e.row === 6).message).toContain('与第5行身份证号重复');
    expect(messy.body.errors.find((e: { column: string }) => e.column === '日期').message).toContain('2026-01-10 至 2026-02-20');
  });

  it('refuses a file without the required columns, out-of-scope campaigns and unions (404) and viewers (403)', async () => {
    // A list the job cannot read ends failed, with the reason the console shows.
    const noAmount = await send(c1, warmth, g1.id, await list([['张三', newIdNumber()]], ['姓名', '身份证号']), true);
    expect(noAmount.body).toMatchObject({ status: 'failed', checked: false });
    expect(noAmount.body.error).toContain('金额（元）');
    const notXlsx = await rawRequest(
      app,
      c1,
      'POST',
      `/api/v1/campaigns/${warmth}/beneficiaries/import?orgId=${g1.id}`,
      multipartBody(Buffer.from('姓名,身份证号\n'), '名单.xlsx'),
    );
    expect(notXlsx.statusCode).toBe(400);
    const file = await list([['张三', newIdNumber(), null, '慰问', '工会经费', 100, null, '2026-01-15']]);
    expect((await send(outsider, warmth, other.id, file, true)).status).toBe(404);
    expect((await rawRequest(app, outsider, 'GET', `/api/v1/campaigns/${warmth}/beneficiaries/template`)).statusCode).toBe(404);
    // A union outside the caller's subtree, and one outside the campaign's union.
    expect((await send(c1, warmth, street.id, file, true)).status).toBe(404);
    const root = await login({ id: t.rootOrgId } as OrgRef);
    expect((await send(root, warmth, other.id, file, true)).status).toBe(404);
    expect((await send(root, warmth, g1.id, file, true)).body).toMatchObject({ status: 'succeeded', valid: 1 });
    const viewer = await login(g1, 'viewer');
    expect((await send(viewer, warmth, g1.id, file, true)).status).toBe(403);
    expect((await rawRequest(app, viewer, 'GET', `/api/v1/campaigns/${warmth}/beneficiaries/template`)).statusCode).toBe(403);
  });
});
