// 我的申请: a member applies for hardship help, a 医疗互助 claim, legal aid or an appeal from the member portal, lists
// their own cases, reads one (timeline, replies, outcome) and withdraws one while it is pending. Each application is
// the owning module's own case, opened through that module's service with its validation, encryption, numbering,
// deadline, to-dos and notifications, routed to the member's union (members.org_id), with the applicant taken from
// the registry. A member's scope is themselves: another member's case is a 404.
import {
  MEMBER_CASE_SCHEMAS,
  MEMBER_CASE_TYPE_LABELS,
  MEMBER_CASE_TYPES,
  ZMemberCaseWithdraw,
  type MemberCaseType,
  type TMemberAppealApply,
  type TMemberClaimApply,
  type TMemberDataCorrection,
  type TMemberHardshipApply,
  type TMemberLegalAidApply,
} from '@gonghui/common';
import { memberActorLabel, type MemberCases, type MemberCtx } from '../../platform/cases/index.ts';
import type { MemberUploads } from '../../platform/files/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, invalid, notFound } from '../../platform/http/index.ts';
import type { MemberApplicant } from '../members/index.ts';
import {
  KERNEL_TYPE_OF,
  memberTypeOf,
  presentMemberCase,
  presentMemberCaseSummary,
  type MemberCaseDetail,
  type MemberCaseSummary,
} from './member-cases.presenter.ts';

/** Where a member-portal request came from, for the audit trail. */
export interface MemberOrigin {
  ip: string | null;
  requestId: string | null;
}

type Detail = (caseId: number) => Promise<Record<string, unknown>>;
type Applicant = { memberId: number; name: string; idNumber: string; idHash: string; phone: string | null; status: string };

/** What the service needs: the kernel's member view and each owning module's member functions. */
export interface MemberCaseDeps {
  db: Db;
  kernel: MemberCases;
  /** The platform's store of members' uploads (wired after the modules start, hence a function). */
  uploads: () => MemberUploads;
  applicant: (memberId: number) => Promise<MemberApplicant>;
  hardship: { submitForMember(m: MemberCtx, who: Applicant, input: TMemberHardshipApply): Promise<number>; memberDetail: Detail };
  mutualAid: { submitForMember(m: MemberCtx, who: Applicant, input: TMemberClaimApply): Promise<number>; memberDetail: Detail };
  rights: { submitForMember(m: MemberCtx, who: Applicant, input: TMemberLegalAidApply): Promise<number>; memberDetail: Detail };
  appeals: { submitForMember(m: MemberCtx, who: Applicant, input: TMemberAppealApply): Promise<number>; memberDetail: Detail };
  corrections: { submitForMember(m: MemberCtx, who: Applicant, input: TMemberDataCorrection): Promise<number>; memberDetail: Detail };
}

export function createMemberCaseService(deps: MemberCaseDeps) {
  const { kernel } = deps;

  /** The member and their union from the registry: who applies, never what the form says. */
  async function memberCtx(memberId: number, origin: MemberOrigin): Promise<{ m: MemberCtx; who: Applicant }> {
    const a = await deps.applicant(memberId);
    const m: MemberCtx = { member: { memberId: a.id, name: a.name, orgId: a.orgId, orgPath: a.orgPath }, ...origin };
    const who = { memberId: a.id, name: a.name, idNumber: a.idNumber, idHash: a.idHash, phone: a.phone, status: a.status };
    return { m, who };
  }

  function parse<T extends MemberCaseType>(type: T, input: unknown) {
    const res = MEMBER_CASE_SCHEMAS[type].safeParse(input);
    if (!res.success) {
      const issue = res.error.issues[0];
      throw invalid(String(issue?.path[0] ?? 'type'), issue?.message ?? '输入有误');
    }
    return res.data;
  }

  const detailOf = (type: MemberCaseType): Detail =>
    ({
      hardship: deps.hardship,
      mutual_aid_claim: deps.mutualAid,
      legal_aid: deps.rights,
      appeal: deps.appeals,
      data_correction: deps.corrections,
    })[type].memberDetail;

  /** What a member may apply for, with the zh-CN labels and the schema of each form. */
  function types() {
    return MEMBER_CASE_TYPES.map((type) => ({ type, label: MEMBER_CASE_TYPE_LABELS[type], schema: MEMBER_CASE_SCHEMAS[type] }));
  }

  /** Opens the member's application of the type; returns it as the member sees it. 400 naming the field for bad
   *  input; 409 when the person already has a hardship file, is not enrolled in 医疗互助 or its ceiling is used. */
  async function submit(memberId: number, type: string, input: unknown, origin: MemberOrigin): Promise<MemberCaseDetail> {
    if (!(MEMBER_CASE_TYPES as readonly string[]).includes(type)) throw invalid('type', '不支持的申请类型');
    const t = type as MemberCaseType;
    const body = input && typeof input === 'object' ? Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'type')) : input;
    const { m, who } = await memberCtx(memberId, origin);
    if (who.status !== 'active' && who.status !== 'retained') throw new AppError('CASE_ACTION_NOT_ALLOWED', '您已不在籍，不能在线申请');
    let id: number;
    if (t === 'hardship') id = await deps.hardship.submitForMember(m, who, parse('hardship', body) as TMemberHardshipApply);
    else if (t === 'mutual_aid_claim')
      id = await deps.mutualAid.submitForMember(m, who, parse('mutual_aid_claim', body) as TMemberClaimApply);
    else if (t === 'legal_aid') id = await deps.rights.submitForMember(m, who, parse('legal_aid', body) as TMemberLegalAidApply);
    else if (t === 'data_correction')
      id = await deps.corrections.submitForMember(m, who, parse('data_correction', body) as TMemberDataCorrection);
    else id = await deps.appeals.submitForMember(m, who, parse('appeal', body) as TMemberAppealApply);
    return get(memberId, id);
  }

  /** The member's own cases of the four types, newest first. */
  async function list(memberId: number): Promise<MemberCaseSummary[]> {
    const views = await kernel.list(memberId);
    return views.filter((v) => memberTypeOf(v.case.type) !== undefined).map(presentMemberCaseSummary);
  }

  /** One of the member's own cases with its timeline and the type's member view; 404 for anyone else's. */
  async function get(memberId: number, caseId: number): Promise<MemberCaseDetail> {
    const view = await kernel.get(memberId, caseId);
    const type = memberTypeOf(view.case.type);
    if (!type) throw notFound('申请');
    return presentMemberCase(view, await detailOf(type)(caseId));
  }

  /** Withdraws the member's pending case: 404 not theirs, 409 once decided (or a stale version). Without a version
   *  the current one is used (still compare-and-set against a cadre acting at the same moment). */
  async function withdraw(memberId: number, caseId: number, body: unknown, origin: MemberOrigin): Promise<MemberCaseDetail> {
    const parsed = ZMemberCaseWithdraw.partial({ version: true }).safeParse(body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(String(issue?.path[0] ?? 'reason'), issue?.message ?? '输入有误');
    }
    const current = await kernel.get(memberId, caseId);
    if (!memberTypeOf(current.case.type)) throw notFound('申请');
    const { m } = await memberCtx(memberId, origin);
    const version = parsed.data.version ?? current.case.version;
    const reason = parsed.data.reason?.trim();
    await kernel.act(m, caseId, 'withdraw', { version, opinion: reason ? `撤回原因：${reason}` : '职工本人撤回' });
    return get(memberId, caseId);
  }

  /** Stores an invoice photo for the member's next claim: theirs alone until a claim adopts it. */
  async function upload(memberId: number, file: { name: string; data: Buffer }, origin: MemberOrigin) {
    const { m, who } = await memberCtx(memberId, origin);
    if (who.status !== 'active' && who.status !== 'retained') throw new AppError('CASE_ACTION_NOT_ALLOWED', '您已不在籍，不能在线上传');
    const actorName = memberActorLabel(m.member.name);
    const row = await deps
      .uploads()
      .upload({ memberId, orgId: m.member.orgId, orgPath: m.member.orgPath }, file, { actorId: null, actorName, ...origin });
    return { id: row.id, name: row.fileName, size: row.size };
  }

  return { types, submit, list, get, withdraw, upload };
}

export type MemberCaseService = ReturnType<typeof createMemberCaseService>;
export { KERNEL_TYPE_OF };
