import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { usccCheckChar } from '@gonghui/common';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, loginRoot, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, uniq } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { XlsxWorkbook, type Row } from '../../platform/excel/index.ts';
import { zipOf } from '../../platform/excel/testkit.ts';
import { legacyOf, newId, rawRequest, rosterXlsx, upload, waitForImport, type CellInput } from '../../test/imports.ts';
import { useTestApp } from '../../test/suite.ts';

const uscc = () => {
  const body = `81320102${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  return body + usccCheckChar(body);
};
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);

async function readXlsx(buf: Buffer, sheetName?: string): Promise<Row[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-rep-')), 'x.xlsx');
  fs.writeFileSync(file, buf);
  const wb = await XlsxWorkbook.open(file);
  try {
    const sheet = wb.sheets.find((s) => !sheetName || s.name === sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const rows: Row[] = [];
    for await (const r of wb.rows(sheet)) rows.push(r);
    return rows;
  } finally {
    wb.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

describe.each(engines())('member import on %s', (engine) => {
  let t: TestDb, app: HttpApp, admin: Client;
  useTestApp(engine, (s) => ({ t, app, admin } = s));

  it('serves a template with marked required columns, text-formatted ID and phone columns and dropdowns', async () => {
    const res = await rawRequest(app, admin, 'GET', '/api/v1/member-imports/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await readXlsx(res.rawPayload, '会员名册');
    expect(rows[0]?.cells.map((c) => c.value)).toEqual(['姓名*', '身份证号*', '手机号', '入会日期*', '人员类别', '性别', '所在工会']);
    expect((await readXlsx(res.rawPayload, '说明')).map((r) => r.cells[0]?.value).join('\n')).toContain('文本');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('会员名册');
    expect(ws?.getColumn(2).numFmt).toBe('@');
    expect(ws?.getColumn(3).numFmt).toBe('@');
    expect(ws?.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['"农民工,新业态劳动者,劳务派遣"'] });
    expect(ws?.getCell('F500').dataValidation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
  });

  it('imports exactly the valid rows of a messy roster and reports every other row with its Excel row number', async () => {
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('区总工会') });
    const other = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('外区总工会') });
    const childName = uniq('幸福街道工会');
    const child = (await admin.post('/api/v1/orgs', { parentId: district.id, name: childName, level: 'street', kind: 'federation_body' }))
      .body;
    const code = uscc();
    const coded = (
      await admin.post('/api/v1/orgs', {
        parentId: child.id,
        name: uniq('某公司工会'),
        level: 'grassroots',
        kind: 'enterprise_private',
        uscc: code,
      })
    ).body;
    expect(coded.uscc).toBe(code);

    const cadre = await loginAs(app, (await makeUser(t.db, district.id)).username, 'Test#Pass2026');
    const [sameId, updId, foreignId] = [newId(), newId(), newId()];
    await admin.post('/api/v1/members', {
      orgId: district.id,
      name: '钱多多',
      idNumber: sameId,
      phone: '13911112222',
      joinedAt: '2020-01-01',
      categories: ['migrant'],
    });
    await admin.post('/api/v1/members', {
      orgId: district.id,
      name: '孙悟',
      idNumber: updId,
      phone: '13911113333',
      joinedAt: '2020-01-01',
    });
    await admin.post('/api/v1/members', { orgId: other.id, name: '外人', idNumber: foreignId, joinedAt: '2020-01-01' });

    const ids = Array.from({ length: 11 }, () => newId());
    const [a, b, c, d, e, g, h, i, j, k, l] = ids as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const spaced = `${c.slice(0, 6)} ${c.slice(6, 14)}\u3000${c.slice(14)}`;
    const badCheck = d.slice(0, 17) + (d.endsWith('0') ? '1' : '0');
    const female = newId({ female: true });
    const ending = (x: boolean) => {
      for (;;) {
        const id = newId();
        if (id.endsWith('X') === x) return id;
      }
    };
    const lowerX = ending(true);
    const numeric = ending(false);
    const rows: CellInput[][] = [
      /* 4 */ ['1', '张三', a, '13800138000', '2023-06-20', '农民工', '男', ''],
      /* 5 */ ['2', '李 四', fullWidth(b), '138 0013 8001', '2023/6/20', '农民工、劳务派遣', '', ''],
      /* 6 */ ['3', '王　五', lowerX.toLowerCase(), '', '2023年6月20日', '', '', ''],
      /* 7 */ ['4', '赵六', spaced, '', '2023.6.20', '', '', ''],
      /* 8 */ ['5', '周七', legacyOf(e), '', new Date(Date.UTC(2023, 5, 20)), '新业态劳动者', '', ''],
      /* 9 */ ['6', '吴八', Number(numeric), '', '2023-06-20', '', '', ''],
      /* 10 */ ['7', '郑九', badCheck, '', '2023-06-20', '', '', ''],
      /* 11 */ ['8', '冯十', g, '', tomorrow(), '', '', ''],
      /* 12 */ ['9', '张三丰', a, '', '2023-06-20', '', '', ''],
      /* 13 */ ['10', '钱多多', sameId, '13911112222', '2020-01-01', '农民工', '', ''],
      /* 14 */ ['11', '孙悟', updId, '13911114444', '2020-01-01', '', '', ''],
      /* 15 */ ['12', '外人', foreignId, '', '2020-01-01', '', '', ''],
      /* 16 */ ['13', '陈一', h, '', '2023-06-20', '', '', ` ${childName} `],
      /* 17 */ ['14', '陈二', i, '', '2023-06-20', '', '', code.toLowerCase()],
      /* 18 */ ['15', '陈三', j, '', '2023-06-20', '', '', '不存在的工会'],
      /* 19 */ [null, null, null, null, null, null, null, null],
      /* 20 */ ['16', '褚四', female, '', '2023-06-20', '', '男', ''],
      /* 21 */ ['17', '卫五', k, '12345', '2023-06-20', '', '', ''],
      /* 22 */ ['18', '', l, '', '2023-06-20', '', '', ''],
      /* 23 */ ['19', '蒋六', newId(), '', '2023-06-20', '临时工', '', ''],
      /* 24 */ ['20', '沈七', newId(), '', 45097, '', '', ''],
    ];
    const file = await rosterXlsx({
      titleRows: [`${district.name}2024年会员花名册`, '填报单位：（盖章）    填报日期：2024年6月30日'],
      header: ['序号', '会员姓名＊', '公民身份 号码', '联系电话', '入会时间', '类别', '性别', '工会名称'],
      rows,
    });
    const expectedErrors = [9, 10, 11, 12, 15, 18, 20, 21, 22, 23];
    const counts = { totalRows: 20, validRows: 10, imported: 8, updated: 1, skipped: 1, errorCount: 10 };
    const memberCount = async () =>
      Number(
        (await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM members WHERE org_path LIKE ${district.path + '%'}`))
          .rows[0]?.n,
      );

    // Dry run: the same verdicts, nothing written.
    const dry = await upload(app, cadre, district.id, file, { dryRun: true });
    expect(dry.status).toBe(202);
    const dryStatus = await waitForImport(app, cadre, dry.body.id);
    expect(dryStatus).toMatchObject({ status: 'succeeded', dryRun: true, progress: 1, ...counts });
    expect(await memberCount()).toBe(2);

    const run = await upload(app, cadre, district.id, file);
    const s = await waitForImport(app, cadre, run.body.id);
    expect(s).toMatchObject({ status: 'succeeded', dryRun: false, ...counts });
    expect(s.errors.map((x) => x.row)).toEqual(expectedErrors);
    expect(dryStatus.errors).toEqual(s.errors);
    const why = Object.fromEntries(s.errors.map((x) => [x.row, x.message]));
    expect(why[9]).toMatch(/数字格式.*文本/);
    expect(why[10]).toContain('校验位');
    expect(why[11]).toBe('入会日期：日期不能晚于今天');
    expect(why[12]).toBe('身份证号：与第4行身份证号重复');
    expect(why[15]).toBe('身份证号：该会员已在其他工会登记，需办理会员接转');
    expect(why[15]).not.toContain(other.name);
    expect(why[18]).toContain('不存在的工会');
    expect(why[20]).toContain('与身份证号不符');
    expect(why[21]).toContain('手机号');
    expect(why[22]).toBe('姓名：不能为空');
    expect(why[23]).toContain('临时工');
    expect(s.errors.find((x) => x.row === 12)?.column).toBe('身份证号');
    expect(s.notices).toEqual([{ row: 8, message: expect.stringContaining('15位') as string }]);
    expect(await memberCount()).toBe(10);

    const members = (await admin.get(`/api/v1/members?orgId=${district.id}&pageSize=50`)).body.items as {
      name: string;
      orgId: number;
      idNumberMasked: string;
      phoneMasked: string | null;
      joinedAt: string;
      categories: string[];
    }[];
    const byName = Object.fromEntries(members.map((m) => [m.name, m]));
    expect(Object.keys(byName).sort()).toEqual(['孙悟', '张三', '李四', '沈七', '王五', '赵六', '钱多多', '陈一', '陈二', '周七'].sort());
    expect(byName['李四']).toMatchObject({ phoneMasked: '138****8001', joinedAt: '2023-06-20', categories: ['migrant', 'dispatched'] });
    expect(byName['周七']?.idNumberMasked).toBe(`${e.slice(0, 3)}***********${e.slice(-4)}`);
    expect(byName['周七']?.joinedAt).toBe('2023-06-20');
    expect(byName['沈七']?.joinedAt).toBe('2023-06-20');
    expect(byName['陈一']?.orgId).toBe(child.id);
    expect(byName['陈二']?.orgId).toBe(coded.id);
    expect(byName['孙悟']?.phoneMasked).toBe('139****4444');
    const joins = await t.owner.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM member_events WHERE type = 'join' AND data->>'importJobId' = ${String(run.body.id)}`,
    );
    expect(joins.rows[0]?.n).toBe(8);

    const audit = (await (await loginRoot(app, 'auditor')).get(`/api/v1/audit-events?action=member.import&entityId=${run.body.id}`)).body
      .items;
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ fileName: '会员名册.xlsx', imported: 8, updated: 1, skipped: 1, errorCount: 10 });
    expect(JSON.stringify(audit)).not.toContain(a.slice(6, 14));

    // The same file again adds nobody.
    const again = await waitForImport(app, cadre, (await upload(app, cadre, district.id, file)).body.id);
    expect(again).toMatchObject({ status: 'succeeded', imported: 0, updated: 0, skipped: 10, errorCount: 10 });
    expect(await memberCount()).toBe(10);

    // The error report: the original rows with their Excel row numbers and reasons.
    const rep = await rawRequest(app, cadre, 'GET', `/api/v1/member-imports/${run.body.id}/error-report`);
    expect(rep.statusCode).toBe(200);
    expect(String(rep.headers['content-disposition'])).toContain(encodeURIComponent('会员名册-错误报告.xlsx'));
    const report = await readXlsx(rep.rawPayload);
    expect(report[0]?.cells.map((x) => x.value)).toEqual([
      '原表行号',
      '序号',
      '会员姓名＊',
      '公民身份 号码',
      '联系电话',
      '入会时间',
      '类别',
      '性别',
      '工会名称',
      '错误原因',
    ]);
    expect(report.slice(1).map((r) => r.cells[0]?.value)).toEqual(expectedErrors);
    expect(report[1]?.cells.slice(1, 4).map((x) => x.value)).toEqual(['6', '吴八', String(Number(numeric))]);
    expect(report[4]?.cells[9]?.value).toBe('身份证号：与第4行身份证号重复');
    expect(report[4]?.cells[3]?.value).toBe(a);
    const reads = (await (await loginRoot(app, 'auditor')).get(`/api/v1/audit-events?action=member.import_report&entityId=${run.body.id}`))
      .body.items;
    expect(reads).toHaveLength(1);
  });

  it('keeps imports inside the scope: other unions get 404, read-only users 403', async () => {
    const mine = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const theirs = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const file = await rosterXlsx({ header: ['姓名', '身份证号', '入会日期'], rows: [['张三', newId(), '2023-01-01']] });
    const job = await upload(app, admin, mine.id, file, { dryRun: true });
    await waitForImport(app, admin, job.body.id);
    const outsider = await loginAs(app, (await makeUser(t.db, theirs.id)).username, 'Test#Pass2026');
    expect((await upload(app, outsider, mine.id, file)).status).toBe(404);
    expect((await rawRequest(app, outsider, 'GET', `/api/v1/member-imports/${job.body.id}`)).statusCode).toBe(404);
    expect((await rawRequest(app, outsider, 'GET', `/api/v1/member-imports/${job.body.id}/error-report`)).statusCode).toBe(404);
    const viewer = await loginAs(app, (await makeUser(t.db, mine.id, ['viewer'])).username, 'Test#Pass2026');
    expect((await upload(app, viewer, mine.id, file)).status).toBe(403);
    expect((await rawRequest(app, viewer, 'GET', `/api/v1/member-imports/${job.body.id}`)).statusCode).toBe(403);
    expect((await rawRequest(app, viewer, 'GET', '/api/v1/member-imports/template')).statusCode).toBe(403);
  });

  it('refuses files that are not xlsx, zip bombs and oversize uploads at once, and fails a roster without its required columns', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const csv = await upload(app, admin, org.id, Buffer.from('姓名,身份证号\n张三,110105194912310021\n'), { fileName: 'a.csv' });
    expect(csv.status).toBe(400);
    expect(csv.body.message).toContain('xlsx');
    const started = Date.now();
    const bomb = await upload(
      app,
      admin,
      org.id,
      zipOf({
        '[Content_Types].xml': '<Types/>',
        'xl/workbook.xml': '<workbook/>',
        'xl/worksheets/sheet1.xml': Buffer.alloc(50 * 1024 * 1024, 0x20),
      }),
    );
    expect(bomb.status).toBe(400);
    expect(bomb.body.message).toContain('压缩比');
    expect(Date.now() - started).toBeLessThan(5000);
    const huge = await upload(app, admin, org.id, Buffer.alloc(101 * 1024 * 1024, 1));
    expect(huge.status).toBe(413);
    expect(huge.body.message).toContain('100 MB');

    const noDate = await rosterXlsx({ header: ['姓名', '身份证号', '手机号'], rows: [['张三', newId(), '13800138000']] });
    const failed = await waitForImport(app, admin, (await upload(app, admin, org.id, noDate)).body.id);
    expect(failed.status).toBe('failed');
    expect(failed.message).toContain('缺少必填列：入会日期');
  });
});
