// Uploads built to hurt: the reviewer's 398 MB inline string, overlong cells and formula text that the error
// report hands back to Excel.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, type TestDb } from '../../test/db.ts';
import { type Client } from '../../test/http.ts';
import { makeOrg } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { XlsxWorkbook, type Row } from '../../platform/excel/index.ts';
import { hugeInlineStringXlsx } from '../../platform/excel/testkit.ts';
import { newId, rawRequest, rosterXlsx, upload, waitForImport } from '../../test/imports.ts';
import { useTestApp } from '../../test/suite.ts';

async function readXlsx(buf: Buffer): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-rep-'));
  const file = path.join(dir, 'x.xlsx');
  fs.writeFileSync(file, buf);
  const wb = await XlsxWorkbook.open(file);
  try {
    const rows: Row[] = [];
    for await (const r of wb.rows(wb.sheets[0] ?? { name: '', path: '', hidden: false })) rows.push(r);
    return rows;
  } finally {
    wb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(engines())('hostile member imports on %s', (engine) => {
  let t: TestDb, app: HttpApp, admin: Client;
  useTestApp(engine, (s) => ({ t, app, admin } = s));

  it('fails the 398 MB inline string quickly with a clear message while the API keeps answering', { timeout: 60_000 }, async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const file = await hugeInlineStringXlsx();
    const started = Date.now();
    const res = await upload(app, admin, org.id, file);
    expect(res.status).toBe(202);
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    const done = await waitForImport(app, admin, res.body.id, 30_000);
    expect(done.status).toBe('failed');
    expect(done.message).toContain('单元格内容过长');
    // Before the fix: a V8 out-of-memory crash (PostgreSQL) or a hang of 24+ minutes (PGlite).
    expect(Date.now() - started).toBeLessThan(45_000);
    expect((await admin.get('/api/v1/me')).status).toBe(200);
    const n = await t.owner.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM members WHERE org_id = ${org.id}`);
    expect(n.rows[0]?.n).toBe(0);
  });

  it('refuses a row whose cell runs past 1,000 characters and keeps the report bounded', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const file = await rosterXlsx({
      header: ['姓名', '身份证号', '入会日期', '备注'],
      rows: [
        ['张三', newId(), '2023-01-01', '长'.repeat(1001)],
        ['李四', newId(), '2023-01-01', '短'],
      ],
    });
    const done = await waitForImport(app, admin, (await upload(app, admin, org.id, file)).body.id);
    expect(done).toMatchObject({ status: 'succeeded', imported: 1, errorCount: 1 });
    expect(done.errors[0]).toMatchObject({ row: 2, column: '备注', message: '备注：内容超过1000个字符' });
    const rep = await rawRequest(app, admin, 'GET', `/api/v1/member-imports/${done.id}/error-report`);
    const report = await readXlsx(rep.rawPayload);
    expect(String(report[1]?.cells[4]?.value)).toHaveLength(1001);
  });

  it('writes formula-like text of the upload into the error report as text Excel never evaluates', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const evil = ['=HYPERLINK("http://evil.example","点我")', '+1+2', '-3+4', '@SUM(A1)', '\t=1'];
    const file = await rosterXlsx({
      header: ['姓名', '身份证号', '入会日期', '=备注'],
      rows: evil.map((e) => [e, '123', '2023-01-01', e]),
    });
    const done = await waitForImport(app, admin, (await upload(app, admin, org.id, file)).body.id);
    expect(done.errorCount).toBe(evil.length);
    const rep = await rawRequest(app, admin, 'GET', `/api/v1/member-imports/${done.id}/error-report`);
    const report = await readXlsx(rep.rawPayload);
    expect(report[0]?.cells[4]?.value).toBe("'=备注");
    const names = report.slice(1).map((r) => r.cells[1]?.value);
    const notes = report.slice(1).map((r) => r.cells[4]?.value);
    // Names are trimmed by the roster rules before the report shows the original cell.
    expect(notes).toEqual(evil.map((e) => `'${e}`));
    for (const v of [...names, ...notes]) expect(String(v)).toMatch(/^'/);
  });
});
