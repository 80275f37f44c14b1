// One fixture factory per kind of scoped object (the kinds routes name in `config.scope`): each makes one object of
// its kind inside a district's subtree, through the API as that district's cadre where the API makes it (so the
// cadre is also the requester or uploader the service may insist on). The generated route-scope matrix calls each
// factory for two sibling districts; a kind named by a route but missing here fails that test, so a new kind of
// scoped object comes with its factory.
import type { Permission } from '@gonghui/common';
import type { HttpApp } from '../platform/http/index.ts';
import { multipart, PNG } from '../platform/files/fixtures.ts';
import type { TestDb } from './db.ts';
import { makeOrg, makeUser, newIdNumber, uniq, type OrgRef } from './factories.ts';
import type { Client, Res } from './http.ts';
import { multipartBody, rawRequest, rosterXlsx, upload } from './imports.ts';

export interface ScopeSide {
  t: TestDb;
  app: HttpApp;
  /** The district whose subtree the object must lie in. */
  district: OrgRef;
  /** A cadre of that district holding every permission. */
  cadre: Client;
}

/** What the factories need the district cadre to hold, besides the permissions of the routes under test. */
export const FIXTURE_PERMISSIONS: readonly Permission[] = [
  'member:create',
  'member:update',
  'member:import',
  'member:export',
  'member:view_sensitive',
  'report:manage',
  'hardship:manage',
  'campaign:manage',
  'assistance:manage',
  'rights:manage',
  'appeal:manage',
  'mutual_aid:manage',
];

/** Makes one object of the kind inside `side.district`'s subtree; returns the id its routes take. */
export type ScopeFixture = (side: ScopeSide) => Promise<number>;

function created(res: Res, what: string): number {
  if (res.status !== 200 && res.status !== 201 && res.status !== 202) {
    throw new Error(`fixture ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.id as number;
}

const union = (s: ScopeSide) => makeOrg(s.t.db, s.district, { level: 'grassroots', name: uniq('范围基层工会') });

async function member(s: ScopeSide, orgId?: number): Promise<number> {
  const body = { orgId: orgId ?? (await union(s)).id, name: '范会员', idNumber: newIdNumber(), joinedAt: '2020-01-01' };
  return created(await s.cadre.post('/api/v1/members', body), 'member');
}

export const SCOPE_FIXTURES: Record<string, ScopeFixture> = {
  org: async (s) => (await makeOrg(s.t.db, s.district, { level: 'street', name: uniq('范围街道') })).id,
  // In a street under the district: accounts are managed from above, so the district cadre may manage it.
  user: async (s) => (await makeUser(s.t.db, (await makeOrg(s.t.db, s.district, { level: 'street' })).id, ['viewer'])).id,
  member: (s) => member(s),
  // Both sides within the district: the case is seen from the sending and from the receiving side.
  transfer: async (s) => {
    const id = await member(s);
    const to = await union(s);
    return created(await s.cadre.post(`/api/v1/members/${id}/transfers`, { toOrgId: to.id, reason: '工作调动' }), 'transfer');
  },
  // Any case type will do: the transfer is the one every build has.
  case: async (s) => {
    const id = await member(s);
    const to = await union(s);
    return created(await s.cadre.post(`/api/v1/members/${id}/transfers`, { toOrgId: to.id, reason: '工作调动' }), 'case');
  },
  export_request: async (s) => {
    const orgId = (await union(s)).id;
    await member(s, orgId);
    return created(await s.cadre.post('/api/v1/export-requests', { orgId, reason: '核对会员信息' }), 'export request');
  },
  member_import: async (s) => {
    const file = await rosterXlsx({ header: ['姓名', '身份证号', '入会日期'], rows: [['张三', newIdNumber(), '2023-01-01']] });
    const res = await upload(s.app, s.cadre, (await union(s)).id, file, { dryRun: true });
    return created({ status: res.status, body: res.body, headers: {} }, 'member import');
  },
  // A 预检 of a one-row 组织名册 under a street of the district (202: the job's status).
  org_import: async (s) => {
    const file = await rosterXlsx({
      sheetName: '组织名册',
      header: ['组织名称', '层级', '类型'],
      rows: [['范围基层工会', '基层工会', '其他']],
    });
    const street = await makeOrg(s.t.db, s.district, { level: 'street', name: uniq('导入街道') });
    const url = `/api/v1/orgs/${street.id}/org-imports?dryRun=true`;
    const res = await rawRequest(s.app, s.cadre, 'POST', url, multipartBody(file, '组织名册.xlsx'));
    return created({ status: res.statusCode, body: JSON.parse(res.body), headers: {} }, 'org import');
  },
  hardship_file: async (s) => {
    const body = {
      orgId: (await union(s)).id,
      name: '范职工',
      idNumber: newIdNumber(),
      householdSize: 3,
      incomePerHead: 80000,
      causes: ['illness'],
      tier: 'district',
    };
    return created(await s.cadre.post('/api/v1/hardship-files', body), 'hardship file');
  },
  summary: async (s) =>
    created(await s.cadre.post('/api/v1/reports/work-summaries', { orgId: s.district.id, year: 2025, period: 'year' }), 'summary'),
  attachment: async (s) => {
    const res = await rawRequest(
      s.app,
      s.cadre,
      'POST',
      `/api/v1/attachments?ownerType=org&ownerId=${s.district.id}`,
      multipart(PNG, '照片.png'),
    );
    return created({ status: res.statusCode, body: JSON.parse(res.body), headers: {} }, 'attachment');
  },
  campaign: async (s) => created(await s.cadre.post('/api/v1/campaigns', campaignBody(s.district.id)), 'campaign'),
  assistance: async (s) => {
    const body = {
      orgId: (await union(s)).id,
      name: '范职工',
      idNumber: newIdNumber(),
      kind: 'living',
      amount: 50_000,
      fundSource: 'union',
      date: '2026-01-10',
    };
    return created(await s.cadre.post('/api/v1/assistance', body), 'assistance');
  },
  // A dry run of a one-row list for a union under a campaign of the district (202: the job's status).
  beneficiary_import: async (s) => {
    const campaign = created(await s.cadre.post('/api/v1/campaigns', campaignBody(s.district.id)), 'campaign');
    const file = await rosterXlsx({
      sheetName: '受助名单',
      header: ['姓名', '身份证号', '帮扶类型', '资金来源', '金额（元）', '日期'],
      rows: [['范职工', newIdNumber(), '慰问', '工会经费', 100, '2026-01-10']],
    });
    const url = `/api/v1/campaigns/${campaign}/beneficiaries/import?orgId=${(await union(s)).id}`;
    const res = await rawRequest(s.app, s.cadre, 'POST', url, multipart(file, '名单.xlsx'));
    return created({ status: res.statusCode, body: JSON.parse(res.body), headers: {} }, 'beneficiary import');
  },
  rights_case: async (s) => created(await s.cadre.post('/api/v1/rights-cases', rightsCaseBody((await union(s)).id)), 'rights case'),
  rights_roster: async (s) =>
    created(await s.cadre.post('/api/v1/rights-roster', { orgId: s.district.id, name: '范律师', role: 'lawyer' }), 'roster entry'),
  injury_report: async (s) => {
    const body = { orgId: (await union(s)).id, name: '范职工', employerName: '范围公司', injuredAt: '2026-03-01', severity: 'minor' };
    return created(await s.cadre.post('/api/v1/injury-reports', body), 'injury report');
  },
  appeal: async (s) => {
    const body = { orgId: (await union(s)).id, channel: 'hotline', category: 'wages', content: '拖欠工资两个月', receivedAt: '2026-03-02' };
    return created(await s.cadre.post('/api/v1/appeals', body), 'appeal');
  },
  // A public application to a union of the district (no session: the applicant has none).
  join_application: async (s) => {
    const body = { name: '范申请', idNumber: newIdNumber(), phone: '13800138000', employerName: '范围公司', orgId: (await union(s)).id };
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/h5/join-applications', payload: body });
    return created({ status: res.statusCode, body: res.json(), headers: {} }, 'join application');
  },
  // A correction request registered at the desk for a member of a union of the district.
  data_correction: async (s) =>
    created(
      await s.cadre.post('/api/v1/data-corrections', { memberId: await member(s), field: 'name', correct: '范更正' }),
      'data correction',
    ),
  mutual_aid_plan: (s) => mutualAid(s, 'plan'),
  mutual_aid_enrolment: (s) => mutualAid(s, 'enrolment'),
  mutual_aid_claim: (s) => mutualAid(s, 'claim'),
};

const rightsCaseBody = (orgId: number) => ({
  orgId,
  type: 'mediation',
  channel: 'visit',
  subject: 'wages',
  workers: 1,
  amountAtStake: 100_000,
  employerName: '范围公司',
  receivedAt: '2026-03-01',
  summary: '拖欠工资',
});

/** 医疗互助: a plan of a new street of the district, a union below it enrolled by headcount, a member's claim. */
async function mutualAid(s: ScopeSide, upTo: 'plan' | 'enrolment' | 'claim'): Promise<number> {
  const street = await makeOrg(s.t.db, s.district, { level: 'street', name: uniq('互助街道') });
  const classes = [{ code: 'active', premium: 5000, perClaimCap: 100_000, yearlyCap: 200_000 }];
  const plan = created(await s.cadre.post('/api/v1/mutual-aid/plans', { orgId: street.id, year: 2026, classes }), 'mutual aid plan');
  if (upTo === 'plan') return plan;
  const unit = await makeOrg(s.t.db, street, { level: 'grassroots', name: uniq('互助基层工会') });
  const body = { planId: plan, orgId: unit.id, classCode: 'active', headcount: 10, enrolledAt: '2026-01-10' };
  const enrolment = created(await s.cadre.post('/api/v1/mutual-aid/enrolments', body), 'mutual aid enrolment');
  if (upTo === 'enrolment') return enrolment;
  const memberId = await member(s, unit.id);
  const claim = { planId: plan, memberId, classCode: 'active', kind: 'inpatient', invoiceTotal: 50_000, diagnosis: '急性阑尾炎' };
  return created(await s.cadre.post('/api/v1/mutual-aid/claims', claim), 'mutual aid claim');
}

const campaignBody = (orgId: number) => ({
  orgId,
  kind: 'warmth',
  name: '春节送温暖',
  startsOn: '2026-01-01',
  endsOn: '2026-02-28',
  budget: [{ fundSource: 'union', amount: 1_000_000 }],
});
