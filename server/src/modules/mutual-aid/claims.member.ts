// 医疗互助报销 brought by the member themselves in the member portal (我的申请): the plan and class are the member's
// own enrolment of this year (or the one they name among them), the same checks as a cadre's claim (in the register,
// enrolled, a yearly ceiling not used up), and the same case: their union verifies it, the plan's org reviews and
// pays. What the member wrote about the visit (hospital, day, diagnosis) is health data, encrypted like a cadre's.
import {
  MUTUAL_AID_CLAIM_KIND_LABELS,
  MUTUAL_AID_CLASS_LABELS,
  maskName,
  todayCst,
  type MutualAidClaimKind,
  type MutualAidClass,
  type TMemberClaimApply,
} from '@gonghui/common';
import type { MemberCtx } from '../../platform/cases/index.ts';
import { CipherError, type FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { AppError, conflict, notFound } from '../../platform/http/index.ts';
import * as repo from './claims.repo.ts';
import { bad, ruleOf } from './mutual-aid.rules.ts';
import { overCapMessage, type MutualAidCaseType } from './mutual-aid.workflow.ts';
import * as plans from './plans.repo.ts';

// The diagnosis column's binding, as the claim service's (MUTUAL_AID_CIPHER_COLUMNS).
const binding = (id: number) => ({ table: 'mutual_aid_claims', column: 'diagnosis_cipher', id });

/** The member's account of the visit as stored in the diagnosis column. */
const visitText = (i: TMemberClaimApply) =>
  [`就诊医院：${i.hospital.trim()}`, `就诊日期：${i.visitDate}`, i.diagnosis?.trim() ? `诊断：${i.diagnosis.trim()}` : '']
    .filter(Boolean)
    .join('\n');

export function createClaimMemberFns({ db, crypto, cases }: { db: Db; crypto: FieldCrypto; cases: MutualAidCaseType }) {
  /** Opens the claim for the member; returns its id. */
  async function submitForMember(
    m: MemberCtx,
    who: { memberId: number; name: string; status: string },
    input: TMemberClaimApply,
  ): Promise<number> {
    if (who.status !== 'active' && who.status !== 'retained') throw bad('memberId', '您已不在籍，不能申请报销');
    const year = Number(todayCst().slice(0, 4));
    const all = await asSystem(() => plans.enrolmentsOfMember(db, who.memberId, m.member.orgPath, year));
    const mine = all.filter(
      (e) =>
        (input.planId === undefined || e.planId === input.planId) && (input.classCode === undefined || e.classCode === input.classCode),
    );
    const enrolment = mine[0];
    if (!enrolment) throw conflict(`您未参加${input.planId || input.classCode ? '所选' : '本年度'}医疗互助，不能申请报销`, 'planId');
    const plan = await asSystem(() => plans.findPlan(db, enrolment.planId));
    const rule = plan && ruleOf(plan, enrolment.classCode);
    if (!plan || !rule) throw notFound('互助计划');
    const label = MUTUAL_AID_CLASS_LABELS[enrolment.classCode as MutualAidClass] ?? enrolment.classCode;
    const key = { planId: plan.id, memberId: who.memberId, classCode: enrolment.classCode };
    return asSystem(() =>
      db.transaction(async (tx) => {
        const used = await repo.usedOfYear(tx, key, null);
        if (rule.yearlyCap - used <= 0) throw conflict(overCapMessage(0), 'amount');
        const opened = await cases.openForMember(m, tx, {
          owner: { id: m.member.orgId, path: m.member.orgPath },
          target: { id: plan.orgId, path: plan.orgPath },
          title: `医疗互助报销：${maskName(who.name)}（${label}）`,
          payload: {
            planId: plan.id,
            memberId: who.memberId,
            classCode: enrolment.classCode,
            kind: input.kind,
            invoiceTotal: input.amount,
          },
        });
        await repo.insert(tx, {
          id: opened.id,
          planId: plan.id,
          orgId: m.member.orgId,
          memberId: who.memberId,
          classCode: enrolment.classCode,
          kind: input.kind,
          invoiceTotalFen: input.amount,
          diagnosisCipher: crypto.encrypt(visitText(input), binding(opened.id)),
          note: '职工本人网上申请',
        });
        // Invoice photos the member uploaded beforehand: only their own, unattached; the claim type's rules apply.
        await cases.adoptMemberUploads(tx, opened.id, who.memberId, input.attachments ?? []);
        return opened.id;
      }),
    );
  }

  /** What the member who claimed sees of it (the member-cases module has checked it is theirs): their own visit,
   *  the amounts and the outcome; never the reviewers' internal reason for an adjusted payout. */
  async function memberDetail(caseId: number) {
    const c = await asSystem(() => repo.findById(db, caseId));
    if (!c) throw notFound('医疗互助报销');
    let visit: string;
    try {
      visit = await crypto.open(c.diagnosisCipher, binding(c.id));
    } catch (e) {
      if (e instanceof CipherError) throw new AppError('DATA_INTEGRITY');
      throw e;
    }
    const fixed = c.status === 'reviewed' || c.status === 'paid';
    return {
      kind: c.kind,
      kindLabel: MUTUAL_AID_CLAIM_KIND_LABELS[c.kind as MutualAidClaimKind] ?? c.kind,
      classLabel: MUTUAL_AID_CLASS_LABELS[c.classCode as MutualAidClass] ?? c.classCode,
      visit,
      invoiceTotal: c.invoiceTotalFen,
      payout: fixed ? c.payoutFen : null,
      paidAt: c.paidAt,
    };
  }

  return { submitForMember, memberDetail };
}
