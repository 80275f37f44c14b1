// 我的申请 at the service level (the member portal's routes come later): a member applies for each of the four
// types; the case is the owning module's, routed to the member's union and in its cadre's to-dos, the applicant from
// the registry and the first step the member's (「职工本人（张*）」). Members list and read only their own cases (404
// otherwise), see replies but no cadre's name; withdraw while pending, 409 after a decision; what they wrote is
// stored only encrypted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { maskName, maskPhone } from '@gonghui/common';
import { engines, type TestDb } from '../../test/db.ts';
import { useTestApp } from '../../test/suite.ts';
import type { Client } from '../../test/http.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { asSystem } from '../../platform/db/index.ts';
import type { MemberCaseService } from './member-cases.service.ts';
import { APPLICATIONS, buildWorld, ORIGIN, startMemberCases, type World } from './member-cases.testkit.ts';

describe.each(engines())('member cases on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let svc: MemberCaseService;
  let close: () => Promise<void>;
  let w: World;
  const ids: Record<string, number> = {};
  useTestApp(engine, (s) => ({ t, app, admin } = s));

  beforeAll(async () => {
    ({ service: svc, close } = await startMemberCases(t));
    w = await buildWorld(t, app, admin);
  });
  afterAll(async () => {
    await close?.();
  });

  const todoIds = async (c: Client) => {
    const res = await c.get('/api/v1/todos');
    expect(res.status).toBe(200);
    return (res.body.items as { caseId: number }[]).map((i) => i.caseId);
  };
  const status = (p: Promise<unknown>) =>
    p.then(
      () => 200,
      (e: { status?: number }) => e.status ?? 500,
    );

  it('opens each type as the same case a cadre would, in the member union cadre’s to-dos', async () => {
    for (const [type, input] of Object.entries(APPLICATIONS)) {
      const v = await svc.submit(w.m1.id, type, input, ORIGIN);
      ids[type] = v.id;
      expect(v.type).toBe(type);
      expect(v.open).toBe(true);
      expect(v.canWithdraw).toBe(true);
      expect(v.timeline).toHaveLength(1);
      expect(v.timeline[0]).toMatchObject({ action: 'submit', label: '提交申请', actor: `职工本人（${maskName(w.m1.name)}）`, byMe: true });
    }
    const mine = await todoIds(w.c1);
    for (const id of Object.values(ids)) expect(mine).toContain(id);
    // Another union's cadre does not get them.
    const other = await todoIds(w.c2);
    for (const id of Object.values(ids)) expect(other).not.toContain(id);

    // The cadre sees the appeal as one received online, the contact from the registry, the member's step.
    const appeal = await w.c1.get(`/api/v1/appeals/${ids.appeal}`);
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(200);
    expect(appeal.body.channel).toBe('online');
    expect(appeal.body.contactName).toBe(maskName(w.m1.name));
    expect(appeal.body.content).toBe(APPLICATIONS.appeal.content);
    expect(appeal.body.steps[0].actorName).toBe(`职工本人（${maskName(w.m1.name)}）`);
    const hardship = await w.c1.get(`/api/v1/hardship-files/${ids.hardship}`);
    expect(hardship.status, JSON.stringify(hardship.body)).toBe(200);
    expect(hardship.body.status).toBe('applied');
    expect(hardship.body.allowedActions).toEqual(expect.arrayContaining(['submit', 'decline']));
    expect(hardship.body.allowedActions).not.toContain('withdraw');
    // The union reads the member's own account through the audited reveal.
    const revealed = await w.c1s.post(`/api/v1/hardship-files/${ids.hardship}/reveal`, { reason: '核实职工困难情况' });
    expect(revealed.status, JSON.stringify(revealed.body)).toBe(200);
    expect(revealed.body.narrative).toBe(APPLICATIONS.hardship.narrative);
    const rights = await w.c1.get(`/api/v1/rights-cases/${ids.legal_aid}`);
    expect(rights.status, JSON.stringify(rights.body)).toBe(200);
    expect(rights.body.type).toBe('legal_aid');
    const claim = await w.c1.get(`/api/v1/mutual-aid/claims/${ids.mutual_aid_claim}`);
    expect(claim.status, JSON.stringify(claim.body)).toBe(200);
    expect(claim.body.invoiceTotal).toBe(APPLICATIONS.mutual_aid_claim.amount);
  });

  it('refuses bad input naming the field, a second hardship file, and a claim without enrolment', async () => {
    const bad = svc.submit(w.m1.id, 'appeal', { category: 'welfare', content: '' }, ORIGIN);
    await expect(bad).rejects.toMatchObject({ status: 400, field: 'content' });
    await expect(svc.submit(w.m1.id, 'nonsense', {}, ORIGIN)).rejects.toMatchObject({ status: 400, field: 'type' });
    await expect(svc.submit(w.m1.id, 'hardship', APPLICATIONS.hardship, ORIGIN)).rejects.toMatchObject({ status: 409 });
    await expect(svc.submit(w.m2.id, 'mutual_aid_claim', APPLICATIONS.mutual_aid_claim, ORIGIN)).rejects.toMatchObject({
      status: 409,
      field: 'planId',
    });
  });

  it('lists and shows a member only their own cases', async () => {
    const other = await svc.submit(w.m2.id, 'appeal', APPLICATIONS.appeal, ORIGIN);
    const list = await svc.list(w.m1.id);
    expect(list.map((c) => c.id).sort()).toEqual(Object.values(ids).sort());
    expect((await svc.list(w.m2.id)).map((c) => c.id)).toEqual([other.id]);
    expect(await status(svc.get(w.m2.id, ids.appeal as number))).toBe(404);
    expect(await status(svc.get(w.m1.id, other.id))).toBe(404);
    expect(await status(svc.withdraw(w.m2.id, ids.appeal as number, {}, ORIGIN))).toBe(404);
    const mine = await svc.get(w.m1.id, ids.hardship as number);
    expect(mine.detail).toMatchObject({ householdSize: 4, narrative: APPLICATIONS.hardship.narrative });
    expect(mine.statusLabel).toBe('职工申请待审核');
  });

  it('shows the reply by the union’s name, and refuses to withdraw once decided (409)', async () => {
    const v = (await w.c1.get(`/api/v1/appeals/${ids.appeal}`)).body.version as number;
    const reply = await w.c1.post(`/api/v1/appeals/${ids.appeal}/actions/reply`, { version: v, opinion: '已协调单位本月补发' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const seen = await svc.get(w.m1.id, ids.appeal as number);
    expect(seen.statusLabel).toBe('已答复');
    expect(seen.canWithdraw).toBe(false);
    expect(seen.detail).toMatchObject({ reply: '已协调单位本月补发' });
    expect(seen.timeline[1]).toMatchObject({ action: 'reply', label: '答复', opinion: '已协调单位本月补发', byMe: false });
    expect(seen.timeline[1]?.actor).toBe(w.g1.name);
    await expect(svc.withdraw(w.m1.id, ids.appeal as number, {}, ORIGIN)).rejects.toMatchObject({ status: 409 });
  });

  it('withdraws pending cases: a step by the member, closed, out of the to-dos, the subject free again', async () => {
    for (const type of ['hardship', 'legal_aid', 'mutual_aid_claim'] as const) {
      const id = ids[type] as number;
      const res = await svc.withdraw(w.m1.id, id, { reason: '问题已自行解决' }, ORIGIN);
      expect(res.status).toBe('withdrawn');
      expect(res.statusLabel).toBe('已撤回');
      expect(res.open).toBe(false);
      expect(res.timeline.at(-1)).toMatchObject({ action: 'withdraw', byMe: true, opinion: '撤回原因：问题已自行解决' });
      await expect(svc.withdraw(w.m1.id, id, {}, ORIGIN)).rejects.toMatchObject({ status: 409 });
    }
    const todos = await todoIds(w.c1);
    for (const type of ['hardship', 'legal_aid', 'mutual_aid_claim']) expect(todos).not.toContain(ids[type]);
    const steps = await asSystem(() =>
      t.db.execute<{ actor_id: number | null; actor_member_id: number | null }>(
        sql`SELECT actor_id, actor_member_id FROM case_steps WHERE case_id = ${ids.hardship} AND action = 'withdraw'`,
      ),
    );
    expect(steps.rows).toEqual([{ actor_id: null, actor_member_id: w.m1.id }]);
    // The withdrawn hardship application no longer blocks a new one.
    const again = await svc.submit(w.m1.id, 'hardship', APPLICATIONS.hardship, ORIGIN);
    expect(again.status).toBe('applied');
  });

  it('stores what the member wrote only encrypted', async () => {
    const secrets = [
      APPLICATIONS.hardship.narrative,
      APPLICATIONS.legal_aid.narrative,
      APPLICATIONS.appeal.content,
      '保密诊断乙',
      '市第一人民医院',
      w.m1.phone,
    ];
    const tables = await t.db.execute<{ table_name: string }>(
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    // As the system: row-level security would hide the rows otherwise. The scan sees the masked forms it should.
    const count = (table: string, s: string) =>
      asSystem(() =>
        t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} x WHERE x::text LIKE ${`%${s}%`}`),
      );
    expect((await count('hardship_files', maskPhone(w.m1.phone))).rows[0]?.n).toBeGreaterThan(0);
    for (const { table_name } of tables.rows) {
      for (const s of secrets) expect((await count(table_name, s)).rows[0]?.n, `${s} in ${table_name}`).toBe(0);
    }
  });
});
