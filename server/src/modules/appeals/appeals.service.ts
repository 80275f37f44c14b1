// 职工诉求: receiving an appeal (the receiving union in the caller's scope, the deadline counted in working days from
// the day it was received), reading appeals in scope with the SLA clock, running the kernel's actions, the audited
// reveal of the contact and the masked xlsx export.
import {
  APPEAL_DUE_DAYS,
  APPEAL_CATEGORY_LABELS,
  APPEAL_CHANNEL_LABELS,
  maskName,
  maskPhone,
  normalizePhone,
  todayCst,
  type AppealAction,
  type AppealCategory,
  type TAppealActionBody,
  type TAppealCreate,
  type TAppealListQuery,
} from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import { addCalendarDays, loadCalendar, type CaseStepRow, type MemberCtx, type WorkCalendar } from '../../platform/cases/index.ts';
import { CipherError, type CipherColumn, type FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db, type DbOrTx } from '../../platform/db/index.ts';
import { AppError, invalid, notFound } from '../../platform/http/index.ts';
import { findOrgById, findOrgInScope, orgNamesByIds } from '../orgs/index.ts';
import * as repo from './appeals.repo.ts';
import type { AppealCaseType } from './appeals.workflow.ts';

/** Every encrypted appeal column, for the key rotation and the start-up self-test. */
export const APPEAL_CIPHER_COLUMNS: CipherColumn[] = [
  { table: 'appeals', column: 'content_cipher', key: ['case_id'] },
  { table: 'appeals', column: 'contact_name_cipher', key: ['case_id'] },
  { table: 'appeals', column: 'phone_cipher', key: ['case_id'] },
];
type CipherCol = 'content_cipher' | 'contact_name_cipher' | 'phone_cipher';
const binding = (caseId: number, column: CipherCol) => ({ table: 'appeals', column, id: caseId });

/** The most rows one export writes; a larger filter is refused with a hint to narrow it. */
export const APPEAL_EXPORT_MAX_ROWS = 5000;
const EXCERPT = 20;

export interface AppealItem {
  c: repo.CaseRow;
  a: repo.AppealRow;
  orgName: string;
  responsibleName: string;
  excerpt: string;
  /** The calendar around today and the due days of the page (the SLA clock). */
  calendar: WorkCalendar;
  today: string;
}
export interface AppealView extends AppealItem {
  content: string;
  steps: CaseStepRow[];
  allowedActions: string[];
}

export function createAppealsService({ db, crypto, cases }: { db: Db; crypto: FieldCrypto; cases: AppealCaseType }) {
  async function open(stored: string, caseId: number, column: CipherCol): Promise<string> {
    try {
      return await crypto.open(stored, binding(caseId, column));
    } catch (e) {
      if (e instanceof CipherError) throw new AppError('DATA_INTEGRITY');
      throw e;
    }
  }

  /** Org names, content excerpts and the calendar for a page of appeals the caller has already been scoped to. */
  async function present(conn: DbOrTx, items: { c: repo.CaseRow; a: repo.AppealRow }[]): Promise<AppealItem[]> {
    const today = todayCst();
    const ids = items.flatMap((i) => [i.c.orgId, i.c.targetOrgId ?? i.c.orgId]);
    const names = await asSystem(() => orgNamesByIds(conn, ids));
    const dues = [today, ...items.flatMap((i) => (i.c.dueAt ? [i.c.dueAt] : []))].sort();
    const calendar = await loadCalendar(conn, dues[0] ?? today, addCalendarDays(dues[dues.length - 1] ?? today, 1));
    return Promise.all(
      items.map(async ({ c, a }) => {
        const content = await open(a.contentCipher, c.id, 'content_cipher');
        const chars = [...content.replace(/\s+/g, ' ')];
        return {
          c,
          a,
          orgName: names.get(c.orgId) ?? '',
          responsibleName: names.get(c.targetOrgId ?? c.orgId) ?? '',
          excerpt: chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : chars.join(''),
          calendar,
          today,
        };
      }),
    );
  }

  async function get(ctx: Ctx, id: number): Promise<AppealView> {
    const view = await cases.get(ctx, id);
    const a = await repo.findAppeal(db, id);
    if (!a) throw notFound('职工诉求');
    const [item] = await present(db, [{ c: view.case, a }]);
    const content = await open(a.contentCipher, id, 'content_cipher');
    return { ...(item as AppealItem), content, steps: view.steps, allowedActions: view.allowedActions };
  }

  async function create(ctx: Ctx, input: TAppealCreate): Promise<AppealView> {
    const org = await findOrgInScope(db, ctx.actor.orgPath, input.orgId);
    if (!org) throw notFound('工会组织');
    if (org.status !== 'active') throw invalid('orgId', '该工会组织已注销');
    const phone = input.contactPhone ? normalizePhone(input.contactPhone) : null;
    const contactName = input.contactName?.trim() || null;
    const id = await db.transaction(async (tx) => {
      const c = await cases.open(ctx, tx, {
        owner: { id: org.id, path: org.path },
        target: { id: org.id, path: org.path },
        title: `职工诉求：${APPEAL_CATEGORY_LABELS[input.category]}（${APPEAL_CHANNEL_LABELS[input.channel]}，${org.name}）`,
        payload: {},
        dueInWorkingDays: APPEAL_DUE_DAYS[input.category],
        dueFrom: input.receivedAt,
      });
      await repo.insertAppeal(tx, {
        caseId: c.id,
        channel: input.channel,
        category: input.category,
        contentCipher: crypto.encrypt(input.content.trim(), binding(c.id, 'content_cipher')),
        contactNameCipher: contactName ? crypto.encrypt(contactName, binding(c.id, 'contact_name_cipher')) : null,
        contactNameMasked: contactName ? maskName(contactName) : null,
        phoneCipher: phone ? crypto.encrypt(phone, binding(c.id, 'phone_cipher')) : null,
        phoneMasked: phone ? maskPhone(phone) : null,
        receivedAt: input.receivedAt,
        firstDueAt: c.dueAt ?? input.receivedAt,
      });
      return c.id;
    });
    return get(ctx, id);
  }

  async function act(ctx: Ctx, id: number, action: AppealAction, body: TAppealActionBody): Promise<AppealView> {
    await cases.act(ctx, id, action, body);
    return get(ctx, id);
  }

  /** The subtree a list or export covers: the caller's, or an org in it (404 otherwise). */
  async function scopePath(ctx: Ctx, orgId: number | undefined): Promise<string> {
    if (orgId === undefined) return ctx.actor.orgPath;
    const org = await findOrgInScope(db, ctx.actor.orgPath, orgId);
    if (!org) throw notFound('工会组织');
    return org.path;
  }

  const filterOf = async (ctx: Ctx, q: Omit<TAppealListQuery, 'page' | 'pageSize'>) => ({
    scopePath: await scopePath(ctx, q.orgId),
    status: q.status,
    category: q.category,
    channel: q.channel,
    overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
    today: todayCst(),
    receivedFrom: q.receivedFrom,
    receivedTo: q.receivedTo,
    closedFrom: q.closedFrom,
    closedTo: q.closedTo,
  });

  async function list(ctx: Ctx, q: TAppealListQuery) {
    const res = await repo.list(db, { ...(await filterOf(ctx, q)), page: q.page, pageSize: q.pageSize });
    return { items: await present(db, res.items), total: res.total };
  }

  /** Every appeal of the filter, masked as lists show them (at most APPEAL_EXPORT_MAX_ROWS), with an audit row. */
  async function exportRows(ctx: Ctx, q: Omit<TAppealListQuery, 'page' | 'pageSize'>): Promise<AppealItem[]> {
    const f = await filterOf(ctx, q);
    const res = await repo.list(db, { ...f, page: 1, pageSize: APPEAL_EXPORT_MAX_ROWS + 1 });
    if (res.total > APPEAL_EXPORT_MAX_ROWS)
      throw invalid('orgId', `符合条件的职工诉求超过单次导出上限 ${APPEAL_EXPORT_MAX_ROWS} 条，请缩小筛选范围后分批导出`);
    const items = await present(db, res.items);
    await db.transaction((tx) =>
      recordAudit(tx, originOf(ctx), {
        action: 'appeal.export',
        orgId: ctx.actor.orgId,
        orgPath: f.scopePath,
        entityType: 'appeal',
        after: { filter: q, rows: items.length, unmasked: false },
      }),
    );
    return items;
  }

  /** The contact's full name and phone: a permission, a reason and an audit row. */
  async function reveal(ctx: Ctx, id: number, reason: string) {
    const { c, a } = await get(ctx, id);
    const revealed = {
      contactName: a.contactNameCipher ? await open(a.contactNameCipher, id, 'contact_name_cipher') : null,
      contactPhone: a.phoneCipher ? await open(a.phoneCipher, id, 'phone_cipher') : null,
    };
    await db.transaction((tx) =>
      recordAudit(tx, originOf(ctx), {
        action: 'appeal.reveal',
        orgId: c.orgId,
        orgPath: c.orgPath,
        entityType: 'appeal',
        entityId: id,
        after: { reason, number: c.number, phone: a.phoneMasked },
      }),
    );
    return revealed;
  }

  /**
   * An appeal a member brings in the member portal: channel 网上, received today by the member's own union (which is
   * also responsible), the contact the member's registry name and phone. The same case, deadline, to-do and
   * notices as one a cadre registers; the case is the member's (created_by_member_id). Returns its id.
   */
  async function submitForMember(
    m: MemberCtx,
    applicant: { name: string; phone: string | null },
    input: { category: AppealCategory; content: string },
  ): Promise<number> {
    const org = await asSystem(() => findOrgById(db, m.member.orgId));
    if (!org || org.status !== 'active') throw invalid('orgId', '您所在的工会组织已注销，请联系上级工会');
    const receivedAt = todayCst();
    return asSystem(() =>
      db.transaction(async (tx) => {
        const c = await cases.openForMember(m, tx, {
          owner: { id: org.id, path: org.path },
          target: { id: org.id, path: org.path },
          title: `职工诉求：${APPEAL_CATEGORY_LABELS[input.category]}（${APPEAL_CHANNEL_LABELS.online}，${org.name}）`,
          payload: {},
          dueInWorkingDays: APPEAL_DUE_DAYS[input.category],
          dueFrom: receivedAt,
        });
        await repo.insertAppeal(tx, {
          caseId: c.id,
          channel: 'online',
          category: input.category,
          contentCipher: crypto.encrypt(input.content.trim(), binding(c.id, 'content_cipher')),
          contactNameCipher: crypto.encrypt(applicant.name, binding(c.id, 'contact_name_cipher')),
          contactNameMasked: maskName(applicant.name),
          phoneCipher: applicant.phone ? crypto.encrypt(applicant.phone, binding(c.id, 'phone_cipher')) : null,
          phoneMasked: applicant.phone ? maskPhone(applicant.phone) : null,
          receivedAt,
          firstDueAt: c.dueAt ?? receivedAt,
        });
        return c.id;
      }),
    );
  }

  /** What the member who brought an appeal sees of it (the member-cases module has checked it is theirs). */
  async function memberDetail(caseId: number) {
    const a = await asSystem(() => repo.findAppeal(db, caseId));
    if (!a) throw notFound('职工诉求');
    return {
      category: a.category,
      categoryLabel: APPEAL_CATEGORY_LABELS[a.category as AppealCategory] ?? a.category,
      content: await open(a.contentCipher, caseId, 'content_cipher'),
      receivedAt: a.receivedAt,
      reply: a.reply,
      repliedAt: a.repliedAt?.toISOString() ?? null,
      closedAt: a.closedAt,
    };
  }

  return { create, get, act, list, exportRows, reveal, submitForMember, memberDetail };
}

export type AppealsService = ReturnType<typeof createAppealsService>;
