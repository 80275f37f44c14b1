// 信息更正 requests: opened by the member in the portal (我的申请) or registered at the union's desk for a member,
// routed to the member's union, listed and shown to its cadres who may edit members, resolved or rejected there.
// The proposed value of an ID number or a phone is encrypted at rest and shown masked.
import {
  DATA_CORRECTION_DUE_DAYS,
  DATA_CORRECTION_FIELD_LABELS,
  DATA_CORRECTION_SENSITIVE,
  DATA_CORRECTION_STATUS_LABELS,
  maskIdNumber,
  maskName,
  maskPhone,
  type DataCorrectionAction,
  type DataCorrectionStatus,
  type TDataCorrectionCreate,
  type TMemberDataCorrection,
} from '@gonghui/common';
import { can, inScope, type Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import { isOverdue, presentCaseSteps, type ActionBody, type CaseRecord, type MemberCtx } from '../../platform/cases/index.ts';
import { CipherError, type FieldCrypto } from '../../platform/crypto/index.ts';
import { eq } from 'drizzle-orm';
import { asSystem, cases as casesTable, type Db } from '../../platform/db/index.ts';
import { AppError, forbidden, notFound } from '../../platform/http/index.ts';
import type { MemberApplicant } from '../members/index.ts';
import { ZDataCorrectionPayload, type DataCorrectionCaseType, type DataCorrectionPayload } from './data-corrections.workflow.ts';

const binding = (memberId: number) => ({ table: 'cases', column: 'data_correction.correct', id: memberId });

export function createDataCorrectionService(deps: {
  db: Db;
  crypto: FieldCrypto;
  cases: DataCorrectionCaseType;
  applicant: (memberId: number) => Promise<MemberApplicant>;
}) {
  const { db, crypto, cases } = deps;

  function payloadOf(memberId: number, input: TMemberDataCorrection): DataCorrectionPayload {
    const correct = input.correct.trim();
    const sensitive = DATA_CORRECTION_SENSITIVE.includes(input.field);
    return {
      memberId,
      field: input.field,
      ...(sensitive ? { correctCipher: crypto.encrypt(correct, binding(memberId)) } : { correct }),
      ...(input.note?.trim() ? { note: input.note.trim() } : {}),
    };
  }

  const titleOf = (name: string, input: TMemberDataCorrection) =>
    `信息更正：${maskName(name)}（${DATA_CORRECTION_FIELD_LABELS[input.field]}）`;

  /** The member's own request from the portal, to their union; returns the case id. */
  async function submitForMember(m: MemberCtx, who: { memberId: number; name: string }, input: TMemberDataCorrection): Promise<number> {
    return asSystem(() =>
      db.transaction(async (tx) => {
        const c = await cases.openForMember(m, tx, {
          owner: { id: m.member.orgId, path: m.member.orgPath },
          title: titleOf(who.name, input),
          payload: payloadOf(who.memberId, input),
          dueInWorkingDays: DATA_CORRECTION_DUE_DAYS,
        });
        return c.id;
      }),
    );
  }

  /** A request registered at the desk for a member of the cadre's subtree (404 outside it). */
  async function create(ctx: Ctx, input: TDataCorrectionCreate) {
    const { memberId, ...rest } = input;
    const a = await deps.applicant(memberId);
    if (!inScope(ctx.actor, a.orgPath)) throw notFound('会员');
    const c = await db.transaction((tx) =>
      cases.open(ctx, tx, {
        owner: { id: a.orgId, path: a.orgPath },
        title: titleOf(a.name, rest),
        payload: payloadOf(memberId, rest),
        dueInWorkingDays: DATA_CORRECTION_DUE_DAYS,
      }),
    );
    return get(ctx, c.id);
  }

  /** The proposed value in clear. */
  async function plainOf(p: DataCorrectionPayload): Promise<string> {
    if (p.correct !== undefined) return p.correct;
    if (!p.correctCipher) return '';
    try {
      return await crypto.open(p.correctCipher, binding(p.memberId));
    } catch (e) {
      if (e instanceof CipherError) throw new AppError('DATA_INTEGRITY');
      throw e;
    }
  }

  /** The proposed value as shown: masked for an ID number or a phone. */
  async function shown(p: DataCorrectionPayload): Promise<string> {
    const plain = await plainOf(p);
    if (p.correct !== undefined || !plain) return plain;
    return p.field === 'idNumber' ? maskIdNumber(plain) : maskPhone(plain);
  }

  /** The proposed ID number or phone in clear for a cadre who may see personal data (403 otherwise), audited with
   *  the reason: they need it to correct the record. */
  async function reveal(ctx: Ctx, id: number, reason: string) {
    const v = await cases.get(ctx, id);
    if (!can(ctx.actor, 'member:view_sensitive')) throw forbidden();
    const c = v.case;
    await db.transaction((tx) =>
      recordAudit(tx, originOf(ctx), {
        action: 'data_correction.reveal',
        orgId: c.orgId,
        orgPath: c.orgPath,
        entityType: 'data_correction',
        entityId: id,
        after: { reason, number: c.number, field: c.payload.field },
      }),
    );
    return { correct: await plainOf(c.payload) };
  }

  async function present(c: CaseRecord<DataCorrectionPayload>) {
    const p = c.payload;
    return {
      id: c.id,
      number: c.number,
      title: c.title,
      status: c.status,
      statusLabel: DATA_CORRECTION_STATUS_LABELS[c.status as DataCorrectionStatus] ?? c.status,
      version: c.version,
      orgId: c.orgId,
      memberId: p.memberId,
      field: p.field,
      fieldLabel: DATA_CORRECTION_FIELD_LABELS[p.field],
      correct: await shown(p),
      sensitive: p.correctCipher !== undefined,
      note: p.note ?? null,
      byMember: c.createdByMemberId !== null,
      dueAt: c.dueAt,
      overdue: isOverdue(c),
      createdAt: c.createdAt.toISOString(),
    };
  }

  async function list(ctx: Ctx, q: { status?: DataCorrectionStatus | undefined; page: number; pageSize: number }) {
    const res = await cases.list(ctx, { side: 'owner', status: q.status, page: q.page, pageSize: q.pageSize });
    return { items: await Promise.all(res.items.map(present)), total: res.total, page: q.page, pageSize: q.pageSize };
  }

  async function get(ctx: Ctx, id: number) {
    const v = await cases.get(ctx, id);
    return { ...(await present(v.case)), steps: presentCaseSteps(v.steps), allowedActions: v.allowedActions };
  }

  async function act(ctx: Ctx, id: number, action: DataCorrectionAction, body: ActionBody) {
    await cases.act(ctx, id, action, body);
    return get(ctx, id);
  }

  /** What the member sees of their own request (the member-cases module checked it is theirs). */
  async function memberDetail(caseId: number) {
    const [row] = await asSystem(() => db.select({ payload: casesTable.payload }).from(casesTable).where(eq(casesTable.id, caseId)));
    if (!row) throw notFound('信息更正申请');
    const p = ZDataCorrectionPayload.parse(row.payload);
    return { field: p.field, fieldLabel: DATA_CORRECTION_FIELD_LABELS[p.field], correct: await shown(p), note: p.note ?? null };
  }

  return { submitForMember, create, list, get, act, reveal, memberDetail };
}

export type DataCorrectionService = ReturnType<typeof createDataCorrectionService>;
