import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../test/docx.ts';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeUser, PASSWORD, uniq } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { seedHalfYear, type Scenario } from '../../test/half-year.ts';

describe.each(engines())('work summaries on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let s: Scenario;
  const cookie = (c: Client) =>
    Object.entries(c.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
    s = await seedHalfYear(admin, t.rootOrgId, uniq(''));
    expect((await admin.put(`/api/v1/orgs/${s.district}/targets/2026`, { 'orgs.founded': 5, 'members.joined': 20 })).status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('drafts the half-year summary with exact totals, 其中 breakdowns and completion of the annual task', async () => {
    const created = await admin.post('/api/v1/reports/work-summaries', { orgId: s.district, year: 2026, period: 'H1', asOf: '2026-06-30' });
    expect(created.status).toBe(201);
    const doc = (await admin.get(`/api/v1/reports/work-summaries/${created.body.id}`)).body;
    expect(doc.title).toMatch(/^2026年东湖区总工会.*上半年工作总结$/);
    const text = doc.sections.flatMap((x: { heading: string; paragraphs: string[] }) => [x.heading, ...x.paragraphs]).join('\n');
    expect(text).toContain('现将上半年工作情况汇报如下');
    expect(text).toContain('截至2026年6月30日，全区共有各级工会组织5家，其中街道（乡镇）总工会1家、基层工会4家');
    expect(text).toContain(
      '共新建工会组织3家，新建工会会员10人。其中非公企业工会1家，会员5人；农民工工会1家，会员3人；新业态工会1家，会员2人。',
    );
    expect(text).toContain('实名制会员12人，其中男性会员8人、女性会员4人');
    expect(text).toContain('发展会员11人');
    expect(text).toContain('净增会员9人');
    expect(text).toContain('新建工会组织全年任务5家，已完成3家，完成全年任务的60.00%，完成率位列全市第1名');
    expect(text).toContain('发展会员全年任务20人，已完成11人，完成全年任务的55.00%');
    expect(doc.sections.map((x: { heading: string }) => x.heading)).toEqual(
      expect.arrayContaining(['一、上半年工作回顾', '二、存在的不足', '三、下半年工作计划']),
    );
    // Three to four shortcomings, and one plan item per theme, the targets' remainders in their own theme.
    const shortcomings = doc.sections.find((x: { heading: string }) => x.heading === '二、存在的不足').paragraphs.join('');
    expect(shortcomings).toMatch(/一是.+；二是.+；三是/);
    const plan = doc.sections.find((x: { heading: string }) => x.heading === '三、下半年工作计划').paragraphs as string[];
    expect(plan[1]).toMatch(/^一是持续推进基层工会组建.*新建工会组织全年任务5家，尚需完成2家/);
    expect(plan[2]).toMatch(/^二是扎实做好会员发展.*发展会员全年任务20人，尚需完成9人/);
    expect(plan.at(-1)).toMatch(/^三是加强工会自身建设/);
    expect(text).not.toMatch(/X|{{/);
    const joined = doc.figures.find((f: { key: string; label: string }) => f.label === '发展会员');
    expect(joined).toMatchObject({ value: 11, unit: '人', from: '2026-01-01', to: '2026-06-30' });
    expect(joined.records).toBe(`/members?orgId=${s.district}&subtree=true&joinedFrom=2026-01-01&joinedTo=2026-06-30`);
  });

  it('keeps the cadre’s prose when figures are refreshed, and downloads a .docx LibreOffice reads with the same figures', async () => {
    // The same org and period again: the cadre is asked first (409), and gets a second draft only when confirmed.
    const again = await admin.post('/api/v1/reports/work-summaries', { orgId: s.district, year: 2026, period: 'H1', asOf: '2026-06-30' });
    expect([again.status, again.body.code]).toEqual([409, 'SUMMARY_EXISTS']);
    expect(again.body.message).toContain('上半年工作总结');
    const confirmed = await admin.post('/api/v1/reports/work-summaries', {
      orgId: s.district,
      year: 2026,
      period: 'H1',
      asOf: '2026-06-30',
      again: true,
    });
    expect(confirmed.status).toBe(201);
    const { id } = confirmed.body;
    const doc = (await admin.get(`/api/v1/reports/work-summaries/${id}`)).body;
    const sections = doc.sections.map((x: { heading: string; level: number; source: string[] }) => ({
      heading: x.heading,
      level: x.level,
      source: x.source,
    }));
    const joinedId = doc.figures.find((f: { label: string }) => f.label === '发展会员').id;
    sections.push({ heading: '四、特色亮点', level: 1, source: [`我们坚持把服务职工放在首位，上半年累计发展会员{{${joinedId}}}。`] });
    const edited = await admin.patch(`/api/v1/reports/work-summaries/${id}`, { sections });
    expect(edited.status).toBe(200);
    expect(edited.body.sections.at(-1).paragraphs[0]).toBe('我们坚持把服务职工放在首位，上半年累计发展会员11人。');
    // A member registered later for May counts after a refresh, in the cadre's own sentence too.
    await admin.post('/api/v1/members', {
      orgId: s.unions.migrant,
      name: '周强',
      idNumber: (await import('../../test/factories.ts')).newIdNumber('19880808'),
      joinedAt: '2026-05-05',
      categories: ['migrant'],
    });
    const refreshed = await admin.post(`/api/v1/reports/work-summaries/${id}/refresh`);
    expect(refreshed.body.sections.at(-1).paragraphs[0]).toBe('我们坚持把服务职工放在首位，上半年累计发展会员12人。');

    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/work-summaries/${id}/download?format=docx`,
      headers: { cookie: cookie(admin) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(res.rawPayload);
    expect(text).toContain('完成全年任务的60.00%');
    expect(text).toContain('上半年累计发展会员12人');
    expect(text).toContain('截至2026年6月30日，全区共有各级工会组织5家，其中街道（乡镇）总工会1家、基层工会4家');
    // Dated at the end of the period it reports on, not on the day it was downloaded.
    expect(text.trim().slice(-40)).toContain('2026年6月30日');
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/work-summaries/${id}/download?format=pdf`,
      headers: { cookie: cookie(admin) },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // LibreOffice starts a fresh profile for the conversion: 5–20 s on two busy cores.
  }, 120_000);

  it('keeps scope and roles: outsiders get 404, viewers read but cannot draft or edit', async () => {
    const { id } = (await admin.post('/api/v1/reports/work-summaries', { orgId: s.street, year: 2026, period: 'year' })).body;
    const outsider = await loginAs(app, (await makeUser(t.db, s.otherDistrict)).username, PASSWORD);
    expect((await outsider.get(`/api/v1/reports/work-summaries/${id}`)).status).toBe(404);
    expect((await outsider.post(`/api/v1/reports/work-summaries/${id}/refresh`)).status).toBe(404);
    expect((await outsider.patch(`/api/v1/reports/work-summaries/${id}`, { title: '改' })).status).toBe(404);
    expect((await outsider.post('/api/v1/reports/work-summaries', { orgId: s.street, year: 2026, period: 'H1' })).status).toBe(404);
    expect((await outsider.get('/api/v1/reports/work-summaries')).body.items.map((x: { id: number }) => x.id)).not.toContain(id);
    const dl = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/work-summaries/${id}/download?format=docx`,
      headers: { cookie: cookie(outsider) },
    });
    expect(dl.statusCode).toBe(404);
    const viewer = await loginAs(app, (await makeUser(t.db, s.district, ['viewer'])).username, PASSWORD);
    expect((await viewer.get(`/api/v1/reports/work-summaries/${id}`)).body.title).toContain('工作总结');
    expect((await viewer.post('/api/v1/reports/work-summaries', { orgId: s.street, year: 2026, period: 'H1' })).status).toBe(403);
    expect((await viewer.patch(`/api/v1/reports/work-summaries/${id}`, { title: '改' })).status).toBe(403);
    const bad = await admin.post('/api/v1/reports/work-summaries', { orgId: s.street, year: 1999, period: 'Q3' });
    expect(bad.status).toBe(400);
  });
});
