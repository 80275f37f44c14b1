// Helpers of the member-cases tests: the module services started over the test database (no member routes exist
// yet: the member portal's routes will call the service), a tree with two grassroots unions, their cadres, two
// members from the registry, and this year's 医疗互助 plan with the first union enrolled.
import { expect } from 'vitest';
import { todayCst } from '@gonghui/common';
import { createCaseKernel } from '../../platform/cases/index.ts';
import { startModules } from '../../platform/contract/index.ts';
import { createHttpApp, type HttpApp } from '../../platform/http/index.ts';
import { createJobService } from '../../platform/jobs/index.ts';
import type { TestDb } from '../../test/db.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { loginAs, testCrypto, type Client } from '../../test/http.ts';
import { roles } from '../../platform/db/index.ts';
import { MODULES } from '../../modules.ts';
import type { MemberCaseService } from './member-cases.service.ts';

export const ORIGIN = { ip: '203.0.113.9', requestId: 'req-member' };
export const YEAR = Number(todayCst().slice(0, 4));

/** The member-cases service over the test database, started like the server starts it. */
export async function startMemberCases(t: TestDb): Promise<{ service: MemberCaseService; close: () => Promise<void> }> {
  const side = await createHttpApp({ logLevel: 'silent' });
  const settings = { logLevel: 'silent', cookieSecure: false, loginRateLimit: 10_000, crypto: testCrypto };
  const jobs = createJobService({ db: t.db, log: side.log });
  const { services } = await startModules(MODULES, {
    app: side,
    db: t.db,
    settings,
    cases: createCaseKernel({ db: t.db }),
    jobs,
    messages: { send: async () => undefined },
  });
  const service = services['member-cases'];
  if (!service) throw new Error('member-cases not started');
  return { service, close: () => side.close() };
}

export interface World {
  district: OrgRef;
  street: OrgRef;
  g1: OrgRef;
  g2: OrgRef;
  dc: Client;
  sc: Client;
  c1: Client;
  c2: Client;
  /** A cadre of the first union who may reveal personal data (member:view_sensitive). */
  c1s: Client;
  m1: { id: number; name: string; phone: string };
  m2: { id: number; name: string };
  planId: number;
}

export async function buildWorld(t: TestDb, app: HttpApp, admin: Client): Promise<World> {
  const district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('申请区总') });
  const street = await makeOrg(t.db, district, { level: 'street', name: uniq('申请街道') });
  const g1 = await makeOrg(t.db, street, { level: 'grassroots', name: uniq('申请基层甲') });
  const g2 = await makeOrg(t.db, street, { level: 'grassroots', name: uniq('申请基层乙') });
  const login = async (org: OrgRef) => loginAs(app, (await makeUser(t.db, org.id, ['org_admin'])).username, PASSWORD);
  const [dc, sc, c1, c2] = await Promise.all([login(district), login(street), login(g1), login(g2)]);
  const sensitive = uniq('r_mc').toLowerCase().slice(0, 30);
  await t.db.insert(roles).values({ key: sensitive, name: uniq('查看敏感信息'), permissions: ['hardship:read', 'member:view_sensitive'] });
  const c1s = await loginAs(app, (await makeUser(t.db, g1.id, [sensitive])).username, PASSWORD);
  const member = async (orgId: number, name: string, phone?: string) => {
    const res = await admin.post('/api/v1/members', {
      orgId,
      name,
      idNumber: newIdNumber(),
      joinedAt: '2020-01-01',
      ...(phone ? { phone } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return (res.body as { id: number }).id;
  };
  const m1 = { id: await member(g1.id, '张申请', '13911112222'), name: '张申请', phone: '13911112222' };
  const m2 = { id: await member(g2.id, '李旁人'), name: '李旁人' };
  const classes = [{ code: 'active', premium: 12_000, perClaimCap: 300_000, yearlyCap: 500_000 }];
  const plan = await dc.post('/api/v1/mutual-aid/plans', { orgId: district.id, year: YEAR, classes });
  expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  const planId = (plan.body as { id: number }).id;
  const quota = await dc.put(`/api/v1/mutual-aid/plans/${planId}/quotas`, {
    orgId: street.id,
    quotas: [{ classCode: 'active', headcount: 100 }],
  });
  expect(quota.status, JSON.stringify(quota.body)).toBe(200);
  const enrol = await c1.post('/api/v1/mutual-aid/enrolments', {
    planId,
    orgId: g1.id,
    classCode: 'active',
    headcount: 50,
    enrolledAt: `${YEAR}-01-02`,
  });
  expect(enrol.status, JSON.stringify(enrol.body)).toBe(201);
  return { district, street, g1, g2, dc, sc, c1, c2, c1s, m1, m2, planId };
}

export const APPLICATIONS = {
  hardship: {
    householdSize: 4,
    incomePerHead: 45_000,
    causes: ['illness'],
    narrative: '爱人患尿毒症每周透析三次，孩子上初中，家庭收入难以维持（保密叙述甲）',
  },
  mutual_aid_claim: {
    kind: 'inpatient',
    hospital: '市第一人民医院',
    visitDate: `${YEAR}-01-03`,
    amount: 1_280_000,
    diagnosis: '腰椎间盘突出（保密诊断乙）',
  },
  legal_aid: { category: 'wages', narrative: '公司拖欠我三个月工资共计两万四千元，多次讨要未果（保密叙述丙）' },
  appeal: { category: 'welfare', content: '单位今年未发放防暑降温费，希望工会协调（保密诉求丁）' },
} as const;
