// Defect 1: a masked member must not carry the full birth date. With it beside `310***********2343` only the
// district digits stay hidden and the ID number can be rebuilt from a handful of candidates.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { useTestApp } from '../../test/suite.ts';

/** Every way the birth date 1985-11-20 could be written in a response or a sheet. */
const birthForms = ['1985-11-20', '19851120', '1985/11/20', '1985年11月20日', '851120', '1985-11'];
const noBirthDate = (text: string) => {
  for (const f of birthForms) expect(text, `contains ${f}`).not.toContain(f);
};

async function sheetText(app: HttpApp, c: Client, url: string): Promise<{ status: number; text: string; header: string[] }> {
  const cookie = Object.entries(c.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) return { status: res.statusCode, text: res.body, header: [] };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  const header: string[] = [];
  wb.worksheets[0]?.eachRow((row, n) => {
    for (const v of (row.values as unknown[]).slice(1)) {
      const s =
        v instanceof Date
          ? v.toISOString()
          : typeof v === 'object' && v !== null
            ? JSON.stringify(v)
            : typeof v === 'string' || typeof v === 'number'
              ? String(v)
              : '';
      cells.push(s);
      if (n === 1) header.push(s);
    }
  });
  return { status: 200, text: cells.join('\n'), header };
}

describe.each(engines())('masked members carry no full birth date on %s', (engine) => {
  let t: TestDb, app: HttpApp, admin: Client;
  useTestApp(engine, (s) => ({ t, app, admin } = s));

  it('create, detail, list, search and the masked export show the birth year at most; reveal shows the date', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const idNumber = newIdNumber('19851120', true);
    const created = await admin.post('/api/v1/members', {
      orgId: org.id,
      name: '出生测试',
      idNumber,
      phone: '13800138000',
      joinedAt: '2024-06-20',
    });
    expect(created.status).toBe(201);
    expect(created.body.birthYear).toBe(1985);
    noBirthDate(JSON.stringify(created.body));

    const reader = await loginAs(app, (await makeUser(t.db, org.id, ['viewer'])).username, 'Test#Pass2026');
    const detail = await reader.get(`/api/v1/members/${created.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ birthYear: 1985, gender: 'female' });
    expect(detail.body).not.toHaveProperty('birthDate');
    noBirthDate(JSON.stringify(detail.body));
    for (const q of [`orgId=${org.id}`, `orgId=${org.id}&q=${encodeURIComponent('出生')}`, `idNumber=${idNumber}`]) {
      const list = await reader.get(`/api/v1/members?${q}`);
      expect(list.body.items.map((m: { id: number }) => m.id)).toEqual([created.body.id]);
      noBirthDate(JSON.stringify(list.body));
    }

    const exporter = await loginAs(app, (await makeUser(t.db, org.id, ['org_admin'])).username, 'Test#Pass2026');
    const masked = await sheetText(app, exporter, `/api/v1/members/export?orgId=${org.id}`);
    expect(masked.status).toBe(200);
    expect(masked.header).toContain('出生年份');
    expect(masked.text).toContain('1985');
    expect(masked.text).toContain('出生测试');
    noBirthDate(masked.text);

    // The privacy officer sees the date on reveal and in an approved unmasked export.
    const privacy = await loginAs(app, (await makeUser(t.db, org.id, ['org_admin', 'privacy_officer'])).username, PASSWORD);
    const approver = await loginAs(app, (await makeUser(t.db, org.id, ['privacy_officer'])).username, PASSWORD);
    const revealed = await privacy.post(`/api/v1/members/${created.body.id}/reveal`, { reason: '核对身份' });
    expect(revealed.body).toEqual({ idNumber, phone: '13800138000', birthDate: '1985-11-20' });
    const request = await privacy.post('/api/v1/export-requests', { orgId: org.id, reason: '上报劳模评选名单' });
    expect((await approver.post(`/api/v1/export-requests/${request.body.id}/approve`, {})).status).toBe(200);
    const full = await sheetText(app, privacy, `/api/v1/export-requests/${request.body.id}/download`);
    expect(full.text).toContain('1985-11-20');
  });

  it('stores no birth date in clear: members has birth_year and no birth_date column', async () => {
    const cols = await t.owner.execute<{ column_name: string }>(
      sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'members'`,
    );
    const names = cols.rows.map((r) => r.column_name);
    expect(names).toContain('birth_year');
    expect(names).not.toContain('birth_date');
  });
});
