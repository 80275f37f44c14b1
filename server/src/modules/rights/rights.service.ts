// 维权案件: receiving a case (the org in the caller's scope, the employer's USCC checked by the schema), reading cases
// in scope with filters, running the kernel's actions after checking each action's own fields, the audited reveal
// of the parties' narrative and the masked xlsx export (the narrative is never exported).
import type { Writable } from 'node:stream';
import {
  RIGHTS_ACCEPT_WORKING_DAYS,
  RIGHTS_TYPE_LABELS,
  RIGHTS_OUTCOME_LABELS,
  RIGHTS_SUBJECT_LABELS,
  todayCst,
  type RightsOutcome,
  type RightsSubject,
  type TMemberLegalAidApply,
  type RightsAction,
  type TRightsActionBody,
  type TRightsCreate,
  type TRightsExportQuery,
  type TRightsListQuery,
} from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import type { MemberCtx } from '../../platform/cases/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import { CipherError, type CipherColumn, type FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { AppError, invalid, notFound } from '../../platform/http/index.ts';
import { findOrgById, findOrgInScope } from '../orgs/index.ts';
import { rightsExportFileName, writeRightsExport } from './rights.export.ts';
import * as repo from './rights.repo.ts';
import type { RightsCaseType } from './rights.workflow.ts';

/** Every encrypted rights column, for the key rotation and the start-up self-test. */
export const RIGHTS_CIPHER_COLUMNS: CipherColumn[] = [
  { table: 'rights_cases', column: 'parties_cipher', key: ['id'] },
  { table: 'rights_roster', column: 'phone_cipher', key: ['id'] },
  { table: 'injury_reports', column: 'name_cipher', key: ['id'] },
  { table: 'injury_reports', column: 'id_cipher', key: ['id'] },
];
const partiesBinding = (id: number) => ({ table: 'rights_cases', column: 'parties_cipher', id });
/** The first line of the parties' narrative of a member's own application: who applied (from the registry). */
const APPLICANT_PREFIX = '申请人（会员本人网上申请）：';

/** The fields each action requires, with their labels (the route's schema has checked their form). */
const REQUIRED: Record<RightsAction, [keyof TRightsActionBody, string][]> = {
  accept: [],
  decline: [['reason', '不予受理理由']],
  close: [
    ['outcome', '办理结果'],
    ['recoveredAmount', '挽回经济损失'],
    ['closedAt', '结案日期'],
  ],
};

export interface RightsView extends repo.RightsItem {
  steps: Awaited<ReturnType<RightsCaseType['get']>>['steps'];
  allowedActions: RightsAction[];
}

export function createRightsService({
  db,
  crypto,
  cases,
  exportMaxRows,
}: {
  db: Db;
  crypto: FieldCrypto;
  cases: RightsCaseType;
  exportMaxRows: number;
}) {
  async function scopeOrg(ctx: Ctx, orgId: number | undefined) {
    const org = await findOrgInScope(db, ctx.actor.orgPath, orgId ?? ctx.actor.orgId);
    if (!org) throw notFound('工会组织');
    return org;
  }

  async function get(ctx: Ctx, id: number): Promise<RightsView> {
    const view = await cases.get(ctx, id);
    const item = await repo.findInScope(db, ctx.actor.orgPath, id);
    if (!item) throw notFound('维权案件');
    // A member's transition (withdraw) is never a cadre's allowed action.
    const allowedActions = view.allowedActions.filter((a): a is RightsAction => a !== 'withdraw');
    return { ...item, steps: view.steps, allowedActions };
  }

  async function create(ctx: Ctx, input: TRightsCreate): Promise<RightsView> {
    const org = await scopeOrg(ctx, input.orgId);
    if (org.status !== 'active') throw invalid('orgId', '该工会组织已注销');
    const employerName = input.employerName.trim();
    const parties = input.parties?.trim() || null;
    const id = await db.transaction(async (tx) => {
      const c = await cases.open(ctx, tx, {
        owner: { id: org.id, path: org.path },
        title: `${RIGHTS_TYPE_LABELS[input.type]}：${employerName}（${org.name}）`,
        payload: { type: input.type, channel: input.channel, subject: input.subject },
        dueInWorkingDays: RIGHTS_ACCEPT_WORKING_DAYS,
        dueFrom: input.receivedAt,
      });
      await repo.insert(tx, {
        id: c.id,
        orgId: org.id,
        type: input.type,
        channel: input.channel,
        subject: input.subject,
        workers: input.workers,
        amountAtStakeFen: input.amountAtStake,
        employerName,
        employerUscc: input.employerUscc ?? null,
        receivedAt: input.receivedAt,
        summary: input.summary.trim(),
        partiesCipher: parties ? crypto.encrypt(parties, partiesBinding(c.id)) : null,
        status: c.status,
      });
      return c.id;
    });
    return get(ctx, id);
  }

  async function act(ctx: Ctx, id: number, action: RightsAction, body: TRightsActionBody): Promise<RightsView> {
    for (const [field, label] of REQUIRED[action]) {
      const v = body[field];
      if (v === undefined || (typeof v === 'string' && !v.trim())) throw new AppError('VALIDATION', `请填写${label}`, field);
    }
    await cases.act(ctx, id, action, body);
    return get(ctx, id);
  }

  async function list(ctx: Ctx, q: TRightsListQuery) {
    const org = await scopeOrg(ctx, q.orgId);
    const { page, pageSize, orgId: _orgId, ...f } = q;
    const res = await repo.list(db, { path: org.path, ...f }, page, pageSize);
    return { ...res, page, pageSize };
  }

  /** The parties' narrative in full: a permission (checked by the route), a reason and an audit row. */
  async function reveal(ctx: Ctx, id: number, reason: string): Promise<{ parties: string | null }> {
    const { c, r } = await get(ctx, id);
    let parties: string | null = null;
    try {
      parties = r.partiesCipher ? await crypto.open(r.partiesCipher, partiesBinding(r.id)) : null;
    } catch (e) {
      if (e instanceof CipherError) throw new AppError('DATA_INTEGRITY');
      throw e;
    }
    await db.transaction((tx) =>
      recordAudit(tx, originOf(ctx), {
        action: 'rights.reveal',
        orgId: c.orgId,
        orgPath: c.orgPath,
        entityType: 'rights_case',
        entityId: id,
        after: { reason, number: c.number },
      }),
    );
    return { parties };
  }

  async function exportTo(ctx: Ctx, q: TRightsExportQuery, out: Writable): Promise<void> {
    const org = await scopeOrg(ctx, q.orgId);
    const { orgId: _orgId, ...f } = q;
    const filter = { path: org.path, ...f };
    if ((await repo.countCapped(db, filter, exportMaxRows)) > exportMaxRows) {
      throw invalid('orgId', `符合条件的维权案件超过单次导出上限 ${exportMaxRows} 件，请缩小筛选范围（如按接待日期或案件类型）后分批导出`);
    }
    const audit = (n: number) =>
      db.transaction((tx) =>
        recordAudit(tx, originOf(ctx), {
          action: 'rights.export',
          orgId: org.id,
          orgPath: org.path,
          entityType: 'rights_case',
          after: { filter: q, rows: n, unmasked: false },
        }),
      );
    let audited = false;
    try {
      await writeRightsExport(db, filter, out, async (n) => {
        await audit(n);
        audited = true;
      });
    } finally {
      if (!audited) await audit(0);
    }
  }

  async function exportFileName(ctx: Ctx, q: TRightsExportQuery, stamp: string): Promise<string> {
    const org = await findOrgInScope(db, ctx.actor.orgPath, q.orgId ?? ctx.actor.orgId);
    return rightsExportFileName(org?.name ?? '维权案件', q, stamp);
  }

  /**
   * A member's own application for legal aid (member portal): a 法律援助 case received today (channel 网上) by the
   * member's union, awaiting its acceptance. The parties' narrative (encrypted) opens with the applicant's registry
   * name and phone, then the member's account; the clear summary says no more than that it came from the portal.
   */
  async function submitForMember(m: MemberCtx, who: { name: string; phone: string | null }, input: TMemberLegalAidApply): Promise<number> {
    const org = await asSystem(() => findOrgById(db, m.member.orgId));
    if (!org || org.status !== 'active') throw invalid('orgId', '您所在的工会组织已注销，请联系上级工会');
    const employerName = input.employerName?.trim() || org.name;
    const receivedAt = todayCst();
    const parties = `${APPLICANT_PREFIX}${who.name}${who.phone ? `，联系电话 ${who.phone}` : ''}\n\n${input.narrative.trim()}`;
    return asSystem(() =>
      db.transaction(async (tx) => {
        const c = await cases.openForMember(m, tx, {
          owner: { id: org.id, path: org.path },
          title: `${RIGHTS_TYPE_LABELS.legal_aid}：${employerName}（${org.name}）`,
          payload: { type: 'legal_aid', channel: 'online', subject: input.category },
          dueInWorkingDays: RIGHTS_ACCEPT_WORKING_DAYS,
          dueFrom: receivedAt,
        });
        await repo.insert(tx, {
          id: c.id,
          orgId: org.id,
          type: 'legal_aid',
          channel: 'online',
          subject: input.category,
          workers: 1,
          amountAtStakeFen: 0,
          employerName,
          receivedAt,
          summary: `职工本人通过会员服务平台申请法律援助（${RIGHTS_SUBJECT_LABELS[input.category]}），情况说明见当事人情况`,
          partiesCipher: crypto.encrypt(parties, partiesBinding(c.id)),
          status: c.status,
        });
        return c.id;
      }),
    );
  }

  /** What the member who applied sees of their case (the member-cases module has checked it is theirs). */
  async function memberDetail(caseId: number) {
    const r = await asSystem(() => repo.findById(db, caseId));
    if (!r) throw notFound('维权案件');
    let parties: string | null = null;
    try {
      parties = r.partiesCipher ? await crypto.open(r.partiesCipher, partiesBinding(r.id)) : null;
    } catch (e) {
      if (e instanceof CipherError) throw new AppError('DATA_INTEGRITY');
      throw e;
    }
    // Only the member's own account: the applicant line above it is the registry's.
    const narrative = parties?.startsWith(APPLICANT_PREFIX) ? parties.slice(parties.indexOf('\n\n') + 2) : parties;
    return {
      category: r.subject,
      categoryLabel: RIGHTS_SUBJECT_LABELS[r.subject as RightsSubject] ?? r.subject,
      employerName: r.employerName,
      narrative,
      receivedAt: r.receivedAt,
      handlerName: r.handlerName,
      acceptedAt: r.acceptedAt,
      declinedAt: r.declinedAt,
      declineReason: r.declineReason,
      outcome: r.outcome,
      outcomeLabel: r.outcome ? (RIGHTS_OUTCOME_LABELS[r.outcome as RightsOutcome] ?? r.outcome) : null,
      recoveredAmount: r.recoveredFen,
      closedAt: r.closedAt,
    };
  }

  return { create, get, act, list, reveal, exportTo, exportFileName, submitForMember, memberDetail };
}

export type RightsService = ReturnType<typeof createRightsService>;
