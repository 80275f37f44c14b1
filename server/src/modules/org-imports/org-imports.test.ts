// 组织名册 import, as a district cadre sees it: the blank template; a 预检 of a three-level tree (namesake grassroots
// unions under two streets) that writes nothing, then the import that builds it with paths, 建会 events and audit;
// a second file updating an existing union; an ambiguous parent named with its candidates' parents (and codes) but
// never a union outside the scope; bad codes and unknown levels refused in Chinese naming the row, downloadable as
// an error report; an import with one bad row writing nothing; a second import while one runs is a conflict;
// another district's union is 404 and a viewer 403.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { multipartBody, rawRequest, rosterXlsx, type CellInput } from '../../test/imports.ts';
import { useTestApp } from '../../test/suite.ts';
import { asSystem } from '../../platform/db/index.ts';
import { verifyAuditChain } from '../../platform/audit/index.ts';
import { newUscc } from './org-imports.testkit.ts';
import type { HttpApp } from '../../platform/http/index.ts';

const HEADER = ['组织名称*', '上级组织', '层级', '类型', '统一社会信用代码', '成立日期', '主席', '会员人数'];
interface Status {
  id: number;
  status: string;
  dryRun: boolean;
  message: string | null;
  checked: boolean;
  applied: boolean;
  totalRows: number;
  creates: number;
  updates: number;
  errorCount: number;
  errors: { row: number; column: string; message: string }[];
}

describe.each(engines())('org imports on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let district: OrgRef;
  let other: OrgRef;
  let cadre: Client;
  let viewer: Client;
  useTestApp(engine, (s) => ({ t, app } = s));

  const login = async (org: OrgRef, role = 'org_admin') => loginAs(app, (await makeUser(t.db, org.id, [role])).username, PASSWORD);
  const file = (rows: CellInput[][], header = HEADER) => rosterXlsx({ sheetName: '组织名册', header, rows });
  const start = async (c: Client, orgId: number, f: Buffer, dryRun: boolean) => {
    const res = await rawRequest(app, c, 'POST', `/api/v1/orgs/${orgId}/org-imports?dryRun=${dryRun}`, multipartBody(f, '组织名册.xlsx'));
    return { status: res.statusCode, body: JSON.parse(res.body) as Status & { code?: string; message?: string } };
  };
  const wait = async (c: Client, id: number): Promise<Status> => {
    for (let i = 0; i < 2400; i++) {
      const now = await c.get(`/api/v1/org-imports/${id}`);
      if (now.body.status === 'succeeded' || now.body.status === 'failed') return now.body as Status;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`org import ${id} did not end`);
  };
  const run = async (c: Client, orgId: number, f: Buffer, dryRun: boolean) => {
    const res = await start(c, orgId, f, dryRun);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return wait(c, res.body.id);
  };
  const search = async (q: string, rootId = district.id) =>
    (await cadre.get(`/api/v1/orgs?q=${encodeURIComponent(q)}&rootId=${rootId}&pageSize=100`)).body.items as {
      id: number;
      name: string;
      parentName: string;
      level: string;
      path: string;
      depth: number;
      chairName: string | null;
      headcount: number | null;
      uscc: string | null;
      foundedAt: string | null;
    }[];

  const sunCode = newUscc();
  beforeAll(async () => {
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('导入区总工会') });
    other = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('邻区总工会') });
    // A namesake street and union outside the cadre's scope: never ambiguous, never named.
    const outStreet = await makeOrg(t.db, other, { level: 'street', name: '城关街道' });
    await makeOrg(t.db, outStreet, { level: 'grassroots', name: '阳光社区工会' });
    await makeOrg(t.db, other, { level: 'street', name: '邻区西城街道' });
    cadre = await login(district);
    viewer = await login(district, 'viewer');
  });

  it('offers a blank template with the columns and a 说明 sheet', async () => {
    const res = await rawRequest(app, cadre, 'GET', '/api/v1/org-imports/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.getWorksheet('组织名册')?.getRow(1).values as string[]).filter(Boolean);
    expect(header).toEqual(
      expect.arrayContaining(['组织名称*', '上级组织', '层级', '类型', '统一社会信用代码', '成立日期', '主席', '会员人数']),
    );
    expect(wb.getWorksheet('说明')).toBeDefined();
  });

  const tree: CellInput[][] = [
    ['城关街道', '', '乡镇/街道总工会', '', '', '2010-03-01', '王街道', ''],
    ['东城街道', '', '街道', '', '', '', '', ''],
    ['阳光社区工会', '城关街道', '基层工会', '社区/村工会', sunCode, '2020-05-01', '张三', 120],
    ['阳光社区工会', '东城街道', '基层', '社区', '', '', '', 80],
    ['工业园联合工会', '城关街道', '联合工会', '联合工会', '', '', '', ''],
    ['甲公司工会', '城关街道/工业园联合工会', '基层工会', '非公企业工会', newUscc(), '2021-01-15', '', '35'],
  ];

  it('checks a three-level tree without writing (预检), then imports it whole', async () => {
    const dry = await run(cadre, district.id, await file(tree), true);
    expect(dry).toMatchObject({
      status: 'succeeded',
      dryRun: true,
      checked: true,
      applied: false,
      totalRows: 6,
      creates: 6,
      updates: 0,
      errorCount: 0,
    });
    expect(await search('阳光社区')).toEqual([]);

    const done = await run(cadre, district.id, await file(tree), false);
    expect(done).toMatchObject({ status: 'succeeded', dryRun: false, applied: true, creates: 6, updates: 0, errorCount: 0 });
    const suns = await search('阳光社区工会');
    expect(suns.map((s) => s.parentName).sort()).toEqual(['东城街道', '城关街道']);
    const sun = suns.find((s) => s.parentName === '城关街道');
    expect(sun).toMatchObject({ level: 'grassroots', uscc: sunCode, chairName: '张三', headcount: 120, foundedAt: '2020-05-01' });
    const [firm] = await search('甲公司工会');
    const [park] = await search('工业园联合工会');
    const [street] = await search('城关街道');
    expect(street?.path).toBe(`${district.path}${street?.id}.`);
    expect(firm?.path).toBe(`${district.path}${street?.id}.${park?.id}.${firm?.id}.`);
    expect(firm?.depth).toBe(district.depth + 3);
    // The dated 建会 event of a union created with its founding date, like one created by hand.
    const events = (await cadre.get(`/api/v1/orgs/${firm?.id}/events`)).body.items as { type: string; date: string }[];
    expect(events).toEqual([expect.objectContaining({ type: 'found', date: '2021-01-15' })]);
    const audit = await asSystem(() =>
      t.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'org.import' AND entity_id = ${String(done.id)}`,
      ),
    );
    expect(audit.rows[0]?.n).toBe(1);
    // Each new org has its 新建组织 row, in a chain that still verifies.
    const created = await asSystem(() =>
      t.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'org.create' AND entity_id IN (${sql.join(
          [street, park, firm, ...suns].map((o) => sql`${String(o?.id)}`),
          sql`, `,
        )})`,
      ),
    );
    expect(created.rows[0]?.n).toBe(5);
    expect((await asSystem(() => verifyAuditChain(t.db))).ok).toBe(true);
  });

  it('updates a union the file names again (same name under the same parent), leaving name and place alone', async () => {
    const res = await run(cadre, district.id, await file([['阳光社区工会', '东城街道', '', '', '', '', '李四', 150]]), false);
    expect(res).toMatchObject({ status: 'succeeded', creates: 0, updates: 1, errorCount: 0 });
    const sun = (await search('阳光社区工会')).find((s) => s.parentName === '东城街道');
    expect(sun).toMatchObject({ chairName: '李四', headcount: 150, level: 'grassroots' });
    // By its code too, from anywhere in the file.
    const byCode = await run(cadre, district.id, await file([['阳光社区工会', '城关街道', '', '', sunCode, '', '赵六', '']]), false);
    expect(byCode).toMatchObject({ status: 'succeeded', creates: 0, updates: 1 });
    expect((await search('阳光社区工会')).find((s) => s.parentName === '城关街道')?.chairName).toBe('赵六');
  });

  it('names the candidates’ parents (and codes) of an ambiguous parent, and never a union outside the scope', async () => {
    const res = await run(
      cadre,
      district.id,
      await file([
        ['光明小组工会', '阳光社区工会', '基层工会', '其他', '', '', '', ''],
        ['邻区基层工会', '邻区西城街道', '基层工会', '其他', '', '', '', ''],
        ['城关新工会', '城关街道', '基层工会', '其他', '', '', '', ''],
        ['园区新工会', '城关街道/工业园联合工会', '基层工会', '其他', '', '', '', ''],
      ]),
      true,
    );
    expect(res).toMatchObject({ status: 'succeeded', errorCount: 2, creates: 2 });
    expect(res.errors.map((e) => e.row)).toEqual([2, 3]);
    const ambiguous = res.errors[0]?.message ?? '';
    expect(ambiguous).toContain('第2行');
    expect(ambiguous).toContain('城关街道/阳光社区工会');
    expect(ambiguous).toContain('东城街道/阳光社区工会');
    expect(ambiguous).toContain(sunCode);
    expect(ambiguous).toContain('统一社会信用代码');
    expect(ambiguous).not.toContain(other.name);
    expect(res.errors[1]).toMatchObject({ row: 3, column: '上级组织' });
    expect(res.errors[1]?.message).toContain('不存在或不在您的管辖范围内');
    // The out-of-scope namesake 城关街道 made no ambiguity.
    expect(JSON.stringify(res.errors)).not.toContain(other.name);
  });

  it('refuses bad codes and unknown levels in Chinese naming the row, with an xlsx error report', async () => {
    const bad = `${sunCode.slice(0, 17)}${sunCode.endsWith('0') ? '1' : '0'}`;
    const res = await run(
      cadre,
      district.id,
      await file([
        ['乙公司工会', '城关街道', '基层工会', '非公企业工会', bad, '', '', ''],
        ['丙公司工会', '城关街道', '村级', '非公企业工会', '', '', '', ''],
        ['丁公司工会', '城关街道', '基层工会', '非公企业工会', '', '', '', ''],
      ]),
      true,
    );
    expect(res).toMatchObject({ status: 'succeeded', errorCount: 2, creates: 1 });
    expect(res.errors[0]).toMatchObject({ row: 2, column: '统一社会信用代码' });
    expect(res.errors[0]?.message).toBe('第2行：统一社会信用代码校验位不正确');
    expect(res.errors[1]).toMatchObject({ row: 3, column: '层级' });
    expect(res.errors[1]?.message).toMatch(/^第3行「层级」：无法识别「村级」，应为省总工会、/);

    const report = await rawRequest(app, cadre, 'GET', `/api/v1/org-imports/${res.id}/error-report`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws?.getRow(1).values as string[]).filter(Boolean)).toEqual(['原表行号', ...HEADER, '错误原因']);
    expect(ws?.getRow(2).getCell(1).value).toBe(2);
    expect(ws?.getRow(2).getCell(2).value).toBe('乙公司工会');
    expect(ws?.getRow(3).getCell(HEADER.length + 2).text).toContain('无法识别「村级」');
    expect(await search('丁公司工会')).toEqual([]);
  });

  it('imports all or nothing: one bad row and no org is written', async () => {
    const res = await run(
      cadre,
      district.id,
      await file([
        ['戊公司工会', '城关街道', '基层工会', '非公企业工会', '', '', '', ''],
        ['己公司工会', '无此街道', '基层工会', '非公企业工会', '', '', '', ''],
      ]),
      false,
    );
    expect(res).toMatchObject({ status: 'failed', applied: false, errorCount: 1 });
    expect(res.message).toContain('未导入任何组织');
    expect(await search('戊公司工会')).toEqual([]);
  });

  it('refuses a second import while one is running (409), another district’s union (404) and a viewer (403)', async () => {
    const street = (await search('东城街道'))[0] as { id: number };
    const many: CellInput[][] = Array.from({ length: 1500 }, (_, i) => [`并发工会${i}`, '', '基层工会', '其他', '', '', '', '']);
    const first = await start(cadre, street.id, await file(many), false);
    expect(first.status).toBe(202);
    const second = await start(cadre, district.id, await file([['庚公司工会', '东城街道', '基层工会', '其他']]), false);
    expect(second.status).toBe(409);
    expect(second.body.message).toContain('正有一次组织导入在进行');
    expect(await wait(cadre, first.body.id)).toMatchObject({ status: 'succeeded', creates: 1500 });
    // A dry run never waits.
    expect((await start(cadre, district.id, await file([['庚公司工会', '东城街道', '基层工会', '其他']]), true)).status).toBe(202);

    expect((await start(cadre, other.id, await file(tree), true)).status).toBe(404);
    expect((await start(viewer, district.id, await file(tree), true)).status).toBe(403);
    const mine = await start(cadre, district.id, await file(tree), true);
    const outsider = await login(other);
    expect((await outsider.get(`/api/v1/org-imports/${mine.body.id}`)).status).toBe(404);
  });
});
