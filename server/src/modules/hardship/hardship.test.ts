// 困难职工档案 through the API: a grassroots union drafts and submits a file, a cadre of the street above approves
// it (the union's own cadre cannot), reject needs an opinion, one file per person in the whole federation (also 20
// parallel drafts), the yearly review (changing the tier) and its to-do, exit, masked personal data, the audited
// reveal, the subtree a grassroots cadre sees, and exact indicators over a small scenario.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { todayCst } from '@gonghui/common';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, type OrgRef } from '../../test/factories.ts';
import { createCaseKernel, type CaseKernel } from '../../platform/cases/index.ts';
import { asSystem } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { monthsLater } from './hardship.workflow.ts';

describe.each(engines())('hardship files on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let kernel: CaseKernel;
  let district: OrgRef;
  let street: OrgRef;
  let union: OrgRef;
  let sibling: OrgRef;
  let unionCadre: Client;
  let streetCadre: Client;
  let siblingCadre: Client;
  let viewer: Client;
  let privacy: Client;

  beforeAll(async () => {
    t = await openTestDb(engine);
    kernel = createCaseKernel({ db: t.db });
    app = await buildTestApp(t.db, { cases: kernel });
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    street = await makeOrg(t.db, district, { level: 'street' });
    union = await makeOrg(t.db, street);
    sibling = await makeOrg(t.db, street);
    const login = async (org: OrgRef, roles: string[]) => loginAs(app, (await makeUser(t.db, org.id, roles)).username, PASSWORD);
    unionCadre = await login(union, ['org_admin']);
    streetCadre = await login(street, ['org_admin']);
    siblingCadre = await login(sibling, ['org_admin']);
    viewer = await login(street, ['viewer']);
    privacy = await login(street, ['privacy_officer']);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const body = (over: Record<string, unknown> = {}) => ({
    orgId: union.id,
    name: '张困难',
    idNumber: newIdNumber(),
    phone: '13812345678',
    householdSize: 4,
    incomePerHead: 65000,
    causes: ['illness', 'education'],
    tier: 'district',
    family: [{ name: '李配偶', relation: '配偶' }],
    pairing: '街道工会 王主席',
    ...over,
  });
  const act = (c: Client, id: number, action: string, b: Record<string, unknown>) =>
    c.post(`/api/v1/hardship-files/${id}/actions/${action}`, b);
  const draft = async (over: Record<string, unknown> = {}, by = unionCadre) => {
    const res = await by.post('/api/v1/hardship-files', body(over));
    expect(res.status).toBe(201);
    return res.body as { id: number; version: number };
  };
  /** Drafted, submitted and approved on `registeredAt`: returns the file id and its version. */
  const registered = async (registeredAt: string, over: Record<string, unknown> = {}) => {
    const f = await draft(over);
    const s = await act(unionCadre, f.id, 'submit', { version: f.version });
    expect(s.status).toBe(200);
    const a = await act(streetCadre, f.id, 'approve', { version: s.body.version, registeredAt });
    expect(a.status).toBe(200);
    return { id: f.id, version: a.body.version as number };
  };

  it('drafts a numbered file with the household masked, submitted by the union and approved from the street', async () => {
    const idNumber = newIdNumber();
    const res = await unionCadre.post('/api/v1/hardship-files', body({ idNumber }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      version: 1,
      org: { id: union.id, name: union.name },
      name: '张困难',
      idNumber: `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`,
      phone: '138****5678',
      causes: ['illness', 'education'],
      tier: 'district',
      family: [{ name: '李配偶', relation: '配偶' }],
      allowedActions: ['submit'],
      registeredAt: null,
    });
    expect(res.body.number).toMatch(new RegExp(`^KN-${todayCst().slice(0, 4)}-\\d{6}$`));
    const id = res.body.id as number;

    const submitted = await act(unionCadre, id, 'submit', { version: 1 });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', allowedActions: [] });

    // The street sees it among its to-dos, titled with the masked name and the union.
    const todos = await streetCadre.get('/api/v1/todos');
    expect(todos.body.items).toContainEqual(
      expect.objectContaining({ type: 'hardship_file', caseId: id, title: `困难职工建档：张*难（${union.name}）`, orgName: street.name }),
    );
    expect((await unionCadre.get('/api/v1/todos')).body.items.map((x: { caseId: number }) => x.caseId)).not.toContain(id);
    expect((await streetCadre.get(`/api/v1/hardship-files/${id}`)).body.allowedActions).toEqual(['approve', 'reject']);

    // The union's own cadre holds hardship:approve but is not above the file: 404, as for anything outside the
    // action's side (the kernel's rule; it does not tell whether the case exists for that action).
    const own = await act(unionCadre, id, 'approve', { version: 2, registeredAt: '2026-01-10' });
    expect(own.status).toBe(404);

    const missing = await act(streetCadre, id, 'approve', { version: 2 });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ field: 'registeredAt' });
    expect(missing.body.message).toContain('建档日期');

    const approved = await act(streetCadre, id, 'approve', { version: 2, registeredAt: '2026-01-10' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'active', registeredAt: '2026-01-10', nextReviewAt: '2027-01-10', dueAt: '2027-01-10' });
    expect(approved.body.steps.map((s: { action: string }) => s.action)).toEqual(['submit', 'submit', 'approve']);
    expect((await unionCadre.get(`/api/v1/hardship-files/${id}`)).body.allowedActions).toEqual(['review', 'exit']);

    const audit = await t.owner.execute<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity_type = 'hardship_file' AND entity_id = ${String(id)} ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['hardship.create', 'hardship.submit', 'hardship.approve']);
  });

  it('rejects only with an opinion; a rejected person may be filed again', async () => {
    const idNumber = newIdNumber();
    const f = await draft({ idNumber });
    await act(unionCadre, f.id, 'submit', { version: 1 });
    const bare = await act(streetCadre, f.id, 'reject', { version: 2 });
    expect(bare.status).toBe(400);
    expect(bare.body.field).toBe('opinion');
    const rejected = await act(streetCadre, f.id, 'reject', { version: 2, opinion: '家庭收入高于当地标准' });
    expect(rejected.body).toMatchObject({ status: 'rejected', allowedActions: [] });
    expect(rejected.body.steps.at(-1)).toMatchObject({ action: 'reject', opinion: '家庭收入高于当地标准' });
    expect((await unionCadre.post('/api/v1/hardship-files', body({ idNumber }))).status).toBe(201);
  });

  it('keeps one active file per person in the whole federation: 409 naming 身份证号, 20 parallel drafts give one', async () => {
    const idNumber = newIdNumber();
    await draft({ idNumber });
    // Another union, another cadre: still the same person.
    const dup = await siblingCadre.post('/api/v1/hardship-files', body({ orgId: sibling.id, idNumber }));
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'DUPLICATE', field: 'idNumber' });
    expect(dup.body.message).toContain('身份证号');

    const racing = newIdNumber();
    const all = await Promise.all(Array.from({ length: 20 }, () => unionCadre.post('/api/v1/hardship-files', body({ idNumber: racing }))));
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(all.filter((r) => r.status === 409)).toHaveLength(19);
    for (const r of all.filter((x) => x.status === 409)) expect(r.body.field).toBe('idNumber');
  });

  it('reviews yearly (the tier may change), with a to-do once the review day has passed, then exits', async () => {
    const { id, version } = await registered('2025-03-01', { tier: 'city' });
    // Past its review day the sweep moves it to 待复核, a to-do of the union.
    const swept = await asSystem(() => kernel.sweepOverdue(monthsLater('2025-03-01', 12).replace(/-\d\d$/, '-15')));
    expect(swept.failed).toBe(0);
    const due = await unionCadre.get(`/api/v1/hardship-files/${id}`);
    expect(due.body).toMatchObject({ status: 'review_due', allowedActions: ['review', 'exit'] });
    expect((await unionCadre.get('/api/v1/todos')).body.items).toContainEqual(
      expect.objectContaining({ caseId: id, type: 'hardship_file' }),
    );

    const early = await act(unionCadre, id, 'review', { version: due.body.version, reviewedAt: '2025-01-01' });
    expect(early.status).toBe(400);
    expect(early.body.field).toBe('reviewedAt');
    const reviewed = await act(unionCadre, id, 'review', { version: due.body.version, reviewedAt: '2026-03-02', tier: 'provincial' });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({
      status: 'active',
      tier: 'provincial',
      reviewedAt: '2026-03-02',
      dueAt: '2027-03-02',
      overdue: false,
    });
    expect(version).toBeLessThan(reviewed.body.version);

    const noReason = await act(unionCadre, id, 'exit', { version: reviewed.body.version, exitedAt: '2026-04-01' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.field).toBe('reason');
    const exited = await act(unionCadre, id, 'exit', {
      version: reviewed.body.version,
      exitedAt: '2026-04-01',
      reason: '子女就业，收入稳定',
    });
    expect(exited.body).toMatchObject({ status: 'exited', exitedAt: '2026-04-01', exitReason: '子女就业，收入稳定', dueAt: null });
    expect(exited.body.allowedActions).toEqual([]);
  });

  it('shows a grassroots cadre only its subtree, a viewer reads without acting, the reveal is audited', async () => {
    const mine = await draft();
    const theirs = await draft({ orgId: sibling.id }, siblingCadre);
    const listed = await unionCadre.get('/api/v1/hardship-files?pageSize=100');
    const ids = listed.body.items.map((x: { id: number }) => x.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    for (const item of listed.body.items) expect(item.idNumber).toMatch(/^.{3}\*{11}.{4}$/);
    expect((await unionCadre.get(`/api/v1/hardship-files/${theirs.id}`)).status).toBe(404);
    expect((await unionCadre.get(`/api/v1/hardship-files?orgId=${sibling.id}`)).status).toBe(404);
    const streetList = await streetCadre.get(`/api/v1/hardship-files?orgId=${sibling.id}&status=draft`);
    expect(streetList.body.items.map((x: { id: number }) => x.id)).toEqual([theirs.id]);

    expect((await viewer.get(`/api/v1/hardship-files/${mine.id}`)).body.allowedActions).toEqual([]);
    expect((await viewer.post('/api/v1/hardship-files', body())).status).toBe(403);
    expect((await act(viewer, mine.id, 'submit', { version: 1 })).status).toBe(403);

    expect((await unionCadre.post(`/api/v1/hardship-files/${mine.id}/reveal`, { reason: '核对' })).status).toBe(403);
    const revealed = await privacy.post(`/api/v1/hardship-files/${mine.id}/reveal`, { reason: '核对身份' });
    expect(revealed.status).toBe(200);
    expect(revealed.body.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(revealed.body.phone).toBe('13812345678');
    const audit = await t.owner.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'hardship.reveal' AND entity_id = ${String(mine.id)}`,
    );
    expect(audit.rows[0]?.n).toBe(1);
    // Nothing stored in clear gives the ID number away.
    const raw = await t.owner.execute<{ id_cipher: string }>(sql`SELECT id_cipher FROM hardship_files WHERE case_id = ${mine.id}`);
    expect(raw.rows[0]?.id_cipher).not.toContain(revealed.body.idNumber);
  });

  it('counts households, registrations and exits exactly for a period, by tier and primary cause', async () => {
    // A fresh street so earlier tests do not count.
    const s2 = await makeOrg(t.db, district, { level: 'street' });
    const u1 = await makeOrg(t.db, s2);
    const u2 = await makeOrg(t.db, s2);
    const s2Cadre = await loginAs(app, (await makeUser(t.db, s2.id, ['org_admin'])).username, PASSWORD);
    const u1Cadre = await loginAs(app, (await makeUser(t.db, u1.id, ['org_admin'])).username, PASSWORD);
    const u2Cadre = await loginAs(app, (await makeUser(t.db, u2.id, ['org_admin'])).username, PASSWORD);
    const file = async (c: Client, orgId: number, tier: string, causes: string[], registeredAt: string) => {
      const f = (await c.post('/api/v1/hardship-files', body({ orgId, tier, causes }))).body;
      const s = await act(c, f.id, 'submit', { version: 1 });
      const a = await act(s2Cadre, f.id, 'approve', { version: s.body.version, registeredAt });
      expect(a.status).toBe(200);
      return a.body as { id: number; version: number };
    };
    await file(u1Cadre, u1.id, 'national', ['illness', 'disability'], '2025-11-20'); // before the period, still on file
    await file(u1Cadre, u1.id, 'district', ['unemployment'], '2026-02-01');
    const reviewed = await file(u2Cadre, u2.id, 'city', ['disaster'], '2026-03-01');
    const out = await file(u2Cadre, u2.id, 'district', ['illness'], '2026-01-15');
    await act(u2Cadre, out.id, 'exit', { version: out.version, exitedAt: '2026-05-20', reason: '再就业' });
    // Reviewed after the period: the period's tier stays city.
    await act(u2Cadre, reviewed.id, 'review', { version: reviewed.version, reviewedAt: '2026-07-05', tier: 'provincial' });
    // Rejected and still-drafted files count nowhere.
    const rej = (await u1Cadre.post('/api/v1/hardship-files', body({ orgId: u1.id }))).body;
    await act(u1Cadre, rej.id, 'submit', { version: 1 });
    await act(s2Cadre, rej.id, 'reject', { version: 2, opinion: '不符合条件' });
    await u2Cadre.post('/api/v1/hardship-files', body({ orgId: u2.id }));

    const stats = await s2Cadre.get(`/api/v1/stats?orgId=${s2.id}&from=2026-01-01&to=2026-06-30`);
    expect(stats.status).toBe(200);
    const v = stats.body.values;
    expect(v['hardship.households']).toEqual({
      value: 3,
      breakdown: { tier: { national: 1, district: 1, city: 1 }, cause: { illness: 1, unemployment: 1, disaster: 1 } },
    });
    expect(v['hardship.registered']).toEqual({ value: 3, breakdown: { tier: { district: 2, city: 1 } } });
    expect(v['hardship.exited']).toEqual({ value: 1, breakdown: { tier: { district: 1 } } });

    // Later, the review shows in the tier at the year's end.
    const year = (await s2Cadre.get(`/api/v1/stats?orgId=${s2.id}&from=2026-01-01&to=2026-12-31`)).body.values;
    expect(year['hardship.households'].breakdown.tier).toEqual({ national: 1, district: 1, provincial: 1 });

    const kids = await s2Cadre.get(`/api/v1/stats/children?orgId=${s2.id}&from=2026-01-01&to=2026-06-30&keys=hardship.households`);
    const byOrg = Object.fromEntries(
      kids.body.children.map((c: { orgId: number; values: Record<string, number> }) => [c.orgId, c.values['hardship.households']]),
    );
    expect(byOrg).toEqual({ [u1.id]: 2, [u2.id]: 1 });

    // A union moved to another street takes its files along (their paths follow the move in its transaction).
    const s3 = await makeOrg(t.db, district, { level: 'street' });
    const districtCadre = await loginAs(app, (await makeUser(t.db, district.id, ['org_admin'])).username, PASSWORD);
    const moved = await districtCadre.post(`/api/v1/orgs/${u2.id}/events`, { type: 'move', date: '2026-07-01', newParentId: s3.id });
    expect(moved.status).toBe(201);
    const q = 'from=2026-01-01&to=2026-06-30&keys=hardship.households,hardship.registered,hardship.exited';
    const left = (await districtCadre.get(`/api/v1/stats?orgId=${s2.id}&${q}`)).body.values;
    const gained = (await districtCadre.get(`/api/v1/stats?orgId=${s3.id}&${q}`)).body.values;
    expect([left['hardship.households'].value, left['hardship.registered'].value, left['hardship.exited'].value]).toEqual([2, 1, 0]);
    expect([gained['hardship.households'].value, gained['hardship.registered'].value, gained['hardship.exited'].value]).toEqual([1, 2, 1]);
  });
});
