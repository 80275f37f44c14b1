// 困难职工档案: drafting a file (the org in the caller's scope and below some approving org, the person not already
// on file anywhere), reading files in scope, running the kernel's actions and revealing the full ID number.
import {
  maskIdNumber,
  maskName,
  maskPhone,
  normalizePhone,
  parseIdNumber,
  type THardshipActionBody,
  type TMemberHardshipApply,
  HARDSHIP_CAUSE_LABELS,
  type THardshipCreate,
  type HardshipAction,
} from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import type { CaseStepRow, MemberCtx } from '../../platform/cases/index.ts';
import { CipherError, type CipherColumn, type FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db, type DbOrTx } from '../../platform/db/index.ts';
import { AppError, duplicate, invalid, notFound } from '../../platform/http/index.ts';
import { findOrgById, findOrgInScope, orgNamesByIds } from '../orgs/index.ts';
import { HARDSHIP_ID_UNIQUE } from './hardship.constraints.ts';
import * as repo from './hardship.repo.ts';
import type { HardshipCaseType } from './hardship.workflow.ts';

/** Every encrypted hardship column, for the key rotation and the start-up self-test. */
export const HARDSHIP_CIPHER_COLUMNS: CipherColumn[] = [
  { table: 'hardship_files', column: 'id_cipher', key: ['case_id'] },
  { table: 'hardship_files', column: 'phone_cipher', key: ['case_id'] },
  { table: 'hardship_files', column: 'narrative_cipher', key: ['case_id'] },
];
type CipherCol = 'id_cipher' | 'phone_cipher' | 'narrative_cipher';
const binding = (caseId: number, column: CipherCol) => ({ table: 'hardship_files', column, id: caseId });

/** What a member applying in the member portal brings from the registry (never re-typed). */
export interface HardshipApplicant {
  memberId: number;
  name: string;
  idNumber: string;
  idHash: string;
  phone: string | null;
}

/** What the service needs of the member registry: a member in the caller's scope (404 otherwise). */
export interface MemberLookup {
  get(ctx: Ctx, id: number): Promise<{ idHash: string }>;
}

export interface HardshipItem {
  c: repo.CaseRow;
  f: repo.FileRow;
  orgName: string;
}
export interface HardshipView extends HardshipItem {
  steps: CaseStepRow[];
  allowedActions: string[];
}

async function withOrgNames(db: DbOrTx, items: { c: repo.CaseRow; f: repo.FileRow }[]): Promise<HardshipItem[]> {
  const names = await asSystem(() =>
    orgNamesByIds(
      db,
      items.map((i) => i.c.orgId),
    ),
  );
  return items.map((i) => ({ ...i, orgName: names.get(i.c.orgId) ?? '' }));
}

export function createHardshipService({
  db,
  crypto,
  cases,
  members,
}: {
  db: Db;
  crypto: FieldCrypto;
  cases: HardshipCaseType;
  members: MemberLookup;
}) {
  async function get(ctx: Ctx, id: number): Promise<HardshipView> {
    const view = await cases.get(ctx, id);
    const f = await repo.findFile(db, id);
    if (!f) throw notFound('困难职工档案');
    const [item] = await withOrgNames(db, [{ c: view.case, f }]);
    return { ...(item as HardshipItem), steps: view.steps, allowedActions: view.allowedActions };
  }

  async function create(ctx: Ctx, input: THardshipCreate): Promise<HardshipView> {
    const org = await findOrgInScope(db, ctx.actor.orgPath, input.orgId);
    if (!org) throw notFound('工会组织');
    if (org.status !== 'active') throw invalid('orgId', '该工会组织已注销');
    if (org.parentId === null) throw invalid('orgId', '困难职工档案由基层工会建立，报上级工会审批；最高一级工会不能建档');
    const parsed = parseIdNumber(input.idNumber);
    if (!parsed.ok) throw invalid('idNumber', parsed.message);
    const idNumber = parsed.idNumber;
    const idHash = crypto.blindIndex('id', idNumber);
    if (input.memberId) {
      const m = await members.get(ctx, input.memberId);
      if (m.idHash !== idHash) throw invalid('memberId', '所选会员的身份证号与填写的身份证号不符');
    }
    const phone = input.phone ? normalizePhone(input.phone) : null;
    const id = await db.transaction(async (tx) => {
      // Anywhere in the federation: the answer says only that a file exists.
      if (await asSystem(() => repo.activeByIdHash(tx, idHash))) throw duplicate(HARDSHIP_ID_UNIQUE);
      const parentId = org.parentId as number;
      const parent = await asSystem(() => findOrgById(tx, parentId));
      if (!parent) throw invalid('orgId', '找不到上级工会');
      const c = await cases.open(ctx, tx, {
        owner: { id: org.id, path: org.path },
        target: { id: parent.id, path: parent.path },
        title: `困难职工建档：${maskName(input.name)}（${org.name}）`,
        payload: {},
      });
      await repo.insertFile(tx, {
        caseId: c.id,
        orgPath: org.path,
        memberId: input.memberId ?? null,
        name: input.name,
        idCipher: crypto.encrypt(idNumber, binding(c.id, 'id_cipher')),
        idHash,
        idMasked: maskIdNumber(idNumber),
        phoneCipher: phone ? crypto.encrypt(phone, binding(c.id, 'phone_cipher')) : null,
        phoneMasked: phone ? maskPhone(phone) : null,
        householdSize: input.householdSize,
        incomePerHead: input.incomePerHead,
        causes: input.causes,
        tier: input.tier,
        family: input.family ?? [],
        pairing: input.pairing?.trim() || null,
        status: c.status,
      });
      return c.id;
    });
    return get(ctx, id);
  }

  async function act(ctx: Ctx, id: number, action: HardshipAction, body: THardshipActionBody): Promise<HardshipView> {
    await cases.act(ctx, id, action, body);
    return get(ctx, id);
  }

  async function list(
    ctx: Ctx,
    q: {
      orgId?: number | undefined;
      tier?: string | undefined;
      status?: string | undefined;
      q?: string | undefined;
      page: number;
      pageSize: number;
    },
  ) {
    let scopePath = ctx.actor.orgPath;
    if (q.orgId !== undefined) {
      const org = await findOrgInScope(db, ctx.actor.orgPath, q.orgId);
      if (!org) throw notFound('工会组织');
      scopePath = org.path;
    }
    const res = await repo.list(db, {
      scopePath,
      tier: q.tier,
      status: q.status,
      q: q.q?.trim() || undefined,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items: await withOrgNames(db, res.items), total: res.total };
  }

  /** The full ID number and phone (and a member applicant's own account): a permission, a reason and an audit row. */
  async function reveal(ctx: Ctx, id: number, reason: string) {
    const { c, f } = await get(ctx, id);
    let revealed: { idNumber: string; phone: string | null; narrative: string | null };
    try {
      revealed = {
        idNumber: await crypto.open(f.idCipher, binding(f.caseId, 'id_cipher')),
        phone: f.phoneCipher ? await crypto.open(f.phoneCipher, binding(f.caseId, 'phone_cipher')) : null,
        narrative: f.narrativeCipher ? await crypto.open(f.narrativeCipher, binding(f.caseId, 'narrative_cipher')) : null,
      };
    } catch (e) {
      if (e instanceof CipherError) throw new AppError('DATA_INTEGRITY');
      throw e;
    }
    await db.transaction((tx) =>
      recordAudit(tx, originOf(ctx), {
        action: 'hardship.reveal',
        orgId: c.orgId,
        orgPath: c.orgPath,
        entityType: 'hardship_file',
        entityId: id,
        after: { reason, number: c.number, idNumber: f.idMasked },
      }),
    );
    return revealed;
  }

  /**
   * A member's own application for hardship help (member portal): a file of the member's union awaiting that union
   * (applied), the person from the registry, the narrative encrypted. The union checks it and submits it to the
   * parent for approval (or declines it); the tier starts at the lowest, to be set at approval's review. Returns its id.
   */
  async function submitForMember(m: MemberCtx, who: HardshipApplicant, input: TMemberHardshipApply): Promise<number> {
    const org = await asSystem(() => findOrgById(db, m.member.orgId));
    if (!org || org.status !== 'active') throw invalid('orgId', '您所在的工会组织已注销，请联系上级工会');
    if (org.parentId === null) throw invalid('orgId', '您所在的工会不受理困难帮扶申请，请联系基层工会');
    const parentId = org.parentId;
    return asSystem(() =>
      db.transaction(async (tx) => {
        if (await repo.activeByIdHash(tx, who.idHash)) throw duplicate(HARDSHIP_ID_UNIQUE);
        const parent = await findOrgById(tx, parentId);
        if (!parent) throw invalid('orgId', '找不到上级工会');
        const c = await cases.openForMember(m, tx, {
          owner: { id: org.id, path: org.path },
          target: { id: parent.id, path: parent.path },
          title: `困难帮扶申请：${maskName(who.name)}（${org.name}）`,
          payload: {},
          initial: 'applied',
        });
        await repo.insertFile(tx, {
          caseId: c.id,
          orgPath: org.path,
          memberId: who.memberId,
          name: who.name,
          idCipher: crypto.encrypt(who.idNumber, binding(c.id, 'id_cipher')),
          idHash: who.idHash,
          idMasked: maskIdNumber(who.idNumber),
          phoneCipher: who.phone ? crypto.encrypt(who.phone, binding(c.id, 'phone_cipher')) : null,
          phoneMasked: who.phone ? maskPhone(who.phone) : null,
          householdSize: input.householdSize,
          incomePerHead: input.incomePerHead,
          causes: input.causes,
          tier: 'district',
          narrativeCipher: crypto.encrypt(input.narrative.trim(), binding(c.id, 'narrative_cipher')),
          status: c.status,
        });
        return c.id;
      }),
    );
  }

  /** What the member who applied sees of their file (the member-cases module has checked it is theirs). */
  async function memberDetail(caseId: number) {
    const f = await asSystem(() => repo.findFile(db, caseId));
    if (!f) throw notFound('困难职工档案');
    let narrative: string | null = null;
    try {
      narrative = f.narrativeCipher ? await crypto.open(f.narrativeCipher, binding(caseId, 'narrative_cipher')) : null;
    } catch (e) {
      if (e instanceof CipherError) throw new AppError('DATA_INTEGRITY');
      throw e;
    }
    return {
      householdSize: f.householdSize,
      incomePerHead: f.incomePerHead,
      causes: f.causes,
      causeLabels: f.causes.map((c) => HARDSHIP_CAUSE_LABELS[c as keyof typeof HARDSHIP_CAUSE_LABELS] ?? c),
      narrative,
      registeredAt: f.registeredAt,
    };
  }

  return { create, get, act, list, reveal, submitForMember, memberDetail };
}

export type HardshipService = ReturnType<typeof createHardshipService>;
