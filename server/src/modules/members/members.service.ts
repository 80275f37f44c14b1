// Member registry rules: one member per ID number in the whole federation, dated status history, audited
// reveal of personal data. Audit rows carry masked values only.
import type { Writable } from 'node:stream';
import type { TMemberCreate, TMemberExportQuery, TMemberListQuery, TMemberUpdate } from '@gonghui/common';
import { normalizeIdNumber, parseIdNumber } from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import { CipherError, type FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db, type Tx } from '../../platform/db/index.ts';
import { AppError, conflict, duplicate, invalid, notFound } from '../../platform/http/index.ts';
import { writeMemberExport } from './members.export.ts';
import { MEMBER_ID_UNIQUE } from './members.constraints.ts';
import { memberExportFileName } from './members.export-name.ts';
import { findOrgInScope } from '../orgs/index.ts';
import * as repo from './members.repo.ts';
import { decodeCursor, encodeCursor, keyOf } from './members.cursor.ts';
import { cardNoOf, cipherFields, idHashOf, identityFields, memberBinding, nameFields, phoneFields } from './members.record.ts';

export function createMemberService({ db, crypto }: { db: Db; crypto: FieldCrypto }) {
  const load = async (ctx: Ctx, id: number) => {
    const m = await repo.findInScope(db, ctx.actor.orgPath, id);
    if (!m) throw notFound('会员');
    return m;
  };
  const audited = (m: repo.MemberRow) => ({
    name: m.name,
    idNumber: m.idMasked,
    phone: m.phoneMasked,
    orgId: m.orgId,
    status: m.status,
    categories: m.categories,
    joinedAt: m.joinedAt,
  });

  async function create(ctx: Ctx, input: TMemberCreate) {
    return db.transaction((tx) => createIn(tx, ctx, input));
  }

  /** Registers a member inside the caller's transaction (an approved join application registers its applicant). */
  async function createIn(tx: Tx, ctx: Ctx, input: TMemberCreate) {
    const { fields, secret, notice } = identityFields(crypto, input);
    const org = await findOrgInScope(tx, ctx.actor.orgPath, input.orgId);
    if (!org) throw notFound('组织');
    if (org.status !== 'active') throw conflict(`「${org.name}」已注销，不能登记会员`);
    // One member per ID number in the whole federation: the duplicate may sit outside the actor's scope.
    const existing = await asSystem(() => repo.findByIdHash(tx, fields.idHash));
    // Someone who left (退会) and joins again keeps one record: it comes back on the books at the new union, with a
    // new join event, so their history stays in one place and the figures count a new member.
    if (existing?.status === 'left') return rejoin(tx, ctx, existing, org, input, { fields, secret, notice });
    if (existing) {
      throw existing.orgPath.startsWith(ctx.actor.orgPath)
        ? duplicate(MEMBER_ID_UNIQUE, `已登记为会员（${existing.name}，会员卡号 ${existing.cardNo}），请勿重复登记`)
        : duplicate(MEMBER_ID_UNIQUE, '已在其他工会登记为会员，如需转入请由原工会办理会员接转');
    }
    // The id comes first: the ciphertexts are bound to it.
    const [id] = await repo.nextIds(tx, 1);
    if (id === undefined) throw new Error('no id');
    await repo.insertMany(tx, [
      {
        id,
        orgId: org.id,
        orgPath: org.path,
        ...fields,
        ...cipherFields(crypto, id, secret),
        joinedAt: input.joinedAt,
        categories: input.categories ?? [],
        cardNo: cardNoOf(id),
        statusSince: input.joinedAt,
      },
    ]);
    await repo.insertEvents(tx, [{ memberId: id, orgId: org.id, type: 'join', date: input.joinedAt, createdBy: ctx.actor.userId }]);
    const created = await repo.findById(tx, id);
    if (!created) throw new Error('created member missing');
    await recordAudit(tx, originOf(ctx), {
      action: 'member.create',
      orgId: org.id,
      orgPath: org.path,
      entityType: 'member',
      entityId: id,
      after: audited(created),
    });
    return { member: created, notice };
  }

  async function rejoin(
    tx: Tx,
    ctx: Ctx,
    before: repo.MemberRow,
    org: { id: number; path: string },
    input: TMemberCreate,
    identity: ReturnType<typeof identityFields>,
  ) {
    const id = before.id;
    await repo.update(tx, id, {
      ...identity.fields,
      ...cipherFields(crypto, id, identity.secret),
      orgId: org.id,
      orgPath: org.path,
      status: 'active',
      statusSince: input.joinedAt,
      joinedAt: input.joinedAt,
      categories: input.categories ?? [],
    });
    await repo.insertEvents(tx, [{ memberId: id, orgId: org.id, type: 'join', date: input.joinedAt, createdBy: ctx.actor.userId }]);
    const member = await repo.findById(tx, id);
    if (!member) throw new Error('rejoined member missing');
    await recordAudit(tx, originOf(ctx), {
      action: 'member.rejoin',
      orgId: org.id,
      orgPath: org.path,
      entityType: 'member',
      entityId: id,
      before: audited(before),
      after: audited(member),
    });
    const notice = [identity.notice, `该身份证号曾于 ${before.statusSince ?? '—'} 退会，已恢复为本会会员（会员卡号 ${member.cardNo} 不变）`]
      .filter(Boolean)
      .join('；');
    return { member, notice };
  }

  async function update(ctx: Ctx, id: number, patch: TMemberUpdate) {
    return db.transaction(async (tx) => {
      const before = await repo.findInScope(tx, ctx.actor.orgPath, id);
      if (!before) throw notFound('会员');
      const set: Partial<repo.MemberInsert> = {};
      if (patch.name) Object.assign(set, nameFields(patch.name));
      if (patch.phone !== undefined) Object.assign(set, phoneFields(crypto, id, patch.phone));
      if (patch.joinedAt) set.joinedAt = patch.joinedAt;
      if (patch.categories) set.categories = patch.categories;
      const after = await repo.update(tx, id, set);
      await recordAudit(tx, originOf(ctx), {
        action: 'member.update',
        orgId: after.orgId,
        orgPath: after.orgPath,
        entityType: 'member',
        entityId: id,
        before: audited(before),
        after: audited(after),
      });
      return { ...after, orgName: before.orgName };
    });
  }

  async function resolveFilter(
    ctx: Ctx,
    q: Omit<TMemberListQuery, 'page' | 'pageSize' | 'after' | 'sort' | 'cursor'>,
  ): Promise<repo.MemberFilter> {
    let scopePath = ctx.actor.orgPath;
    if (q.orgId) {
      const org = await findOrgInScope(db, scopePath, q.orgId);
      if (!org) throw notFound('组织');
      scopePath = org.path;
    }
    let idHash: string | undefined;
    if (q.idNumber) {
      const parsed = parseIdNumber(q.idNumber);
      idHash = idHashOf(crypto, parsed.ok ? parsed.idNumber : normalizeIdNumber(q.idNumber));
    }
    const { q: text, category, status, joinedFrom, joinedTo, leftFrom, leftTo } = q;
    return {
      scopePath,
      orgId: q.orgId && !q.subtree ? q.orgId : undefined,
      q: text,
      idHash,
      category,
      status,
      joinedFrom,
      joinedTo,
      leftFrom,
      leftTo,
    };
  }

  async function list(ctx: Ctx, q: TMemberListQuery) {
    const key = q.cursor ? decodeCursor(q.sort, q.cursor) : undefined;
    const res = await repo.list(db, await resolveFilter(ctx, q), {
      page: q.page,
      pageSize: q.pageSize,
      after: q.after,
      sort: q.sort,
      afterKey: key,
    });
    const last = res.items.length === q.pageSize ? res.items[res.items.length - 1] : undefined;
    return { ...res, nextCursor: last ? encodeCursor(q.sort, keyOf(q.sort, last)) : null };
  }

  /** Streams the export into `out`; the audit row records the filter and how many rows left the system. */
  async function exportTo(ctx: Ctx, q: TMemberExportQuery, out: Writable): Promise<void> {
    // Full numbers leave only through an export request approved by a second cadre (export-requests.service.ts).
    if (q.unmasked) throw new AppError('FORBIDDEN', '不脱敏导出须提交「敏感数据导出申请」，经另一名有审批权限的干部批准后下载');
    const filter = await resolveFilter(ctx, q);
    const { idNumber: _omitted, reason, ...shownFilter } = q;
    const audit = (rows: number) =>
      db.transaction((tx) =>
        recordAudit(tx, originOf(ctx), {
          action: 'member.export',
          orgId: ctx.actor.orgId,
          orgPath: filter.scopePath,
          entityType: 'member',
          after: {
            filter: { ...shownFilter, idNumber: q.idNumber ? '***' : undefined },
            rows,
            unmasked: q.unmasked,
            reason: reason ?? null,
          },
        }),
      );
    // Audited before the file's last bytes leave, so a downloaded export always has its audit row.
    let audited = false;
    try {
      await writeMemberExport(db, crypto, filter, out, false, async (rows) => {
        await audit(rows);
        audited = true;
      });
    } finally {
      if (!audited) await audit(0);
    }
  }

  /** Full ID number, phone and birth date; a value that does not authenticate for this row is refused and audited. */
  async function reveal(ctx: Ctx, id: number, reason: string) {
    const m = await load(ctx, id);
    // Decrypted outside the audit transaction: open() may reload the data keys, and PGlite has one connection.
    let revealed;
    try {
      const idNumber = await crypto.open(m.idCipher, memberBinding(m.id, 'id_cipher'));
      const phone = m.phoneCipher ? await crypto.open(m.phoneCipher, memberBinding(m.id, 'phone_cipher')) : null;
      const parsed = parseIdNumber(idNumber);
      revealed = { idNumber, phone, birthDate: parsed.ok ? parsed.birthDate : null };
    } catch (e) {
      if (!(e instanceof CipherError)) throw e;
      await db.transaction((tx) =>
        recordAudit(tx, originOf(ctx), {
          action: 'member.reveal_refused',
          orgId: m.orgId,
          orgPath: m.orgPath,
          entityType: 'member',
          entityId: id,
          after: { reason, failure: e.reason },
        }),
      );
      throw new AppError('DATA_INTEGRITY');
    }
    await db.transaction((tx) =>
      recordAudit(tx, originOf(ctx), {
        action: 'member.reveal',
        orgId: m.orgId,
        orgPath: m.orgPath,
        entityType: 'member',
        entityId: id,
        after: { reason, fields: ['idNumber', 'phone', 'birthDate'] },
      }),
    );
    return revealed;
  }

  async function leave(ctx: Ctx, id: number, input: { date: string; reason?: string; kind: 'retire_keep' | 'quit' }) {
    return db.transaction(async (tx) => {
      const m = await repo.findInScope(tx, ctx.actor.orgPath, id);
      if (!m) throw notFound('会员');
      if (m.status !== 'active') throw conflict('该会员当前不在籍，不能办理');
      if (input.date < m.joinedAt) throw invalid('date', `不能早于入会日期 ${m.joinedAt}`);
      const status = input.kind === 'retire_keep' ? 'retained' : 'left';
      const after = await repo.update(tx, id, { status, statusSince: input.date });
      await repo.insertEvents(tx, [
        {
          memberId: id,
          orgId: m.orgId,
          type: input.kind,
          date: input.date,
          data: { reason: input.reason ?? null },
          createdBy: ctx.actor.userId,
        },
      ]);
      await recordAudit(tx, originOf(ctx), {
        action: 'member.leave',
        orgId: m.orgId,
        orgPath: m.orgPath,
        entityType: 'member',
        entityId: id,
        before: { status: m.status },
        after: { status, date: input.date, reason: input.reason ?? null },
      });
      return { ...after, orgName: m.orgName };
    });
  }

  return {
    create,
    createIn,
    update,
    list,
    exportTo,
    /** The export's file name: the org (the one filtered on, or the cadre's own) and the filter in words. */
    exportFileName: async (ctx: Ctx, q: TMemberExportQuery, stamp: string) => {
      const org = await findOrgInScope(db, ctx.actor.orgPath, q.orgId ?? ctx.actor.orgId);
      return memberExportFileName(org?.name ?? '会员', q, stamp);
    },
    resolveFilter,
    reveal,
    leave,
    get: load,
    events: async (ctx: Ctx, id: number) => {
      await load(ctx, id);
      return repo.listEvents(db, id);
    },
  };
}

export type MemberService = ReturnType<typeof createMemberService>;
