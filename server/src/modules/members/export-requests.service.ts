// 敏感数据导出申请: a cadre holding member:export and member:view_sensitive asks for an unmasked export of a filter
// (capped in rows); another cadre holding export:approve whose scope covers the org approves or rejects; only the
// requester downloads it, once, as an xlsx marked with who, when and the request number. Every step is audited in
// the transaction that makes it.
import type { Writable } from 'node:stream';
import { todayCst, type TExportRequestCreate } from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/http/index.ts';
import { writeMemberExport } from './members.export.ts';
import type { MemberFilter } from './members.repo.ts';
import type { MemberService } from './members.service.ts';
import * as repo from './export-requests.repo.ts';

type StoredFilter = Omit<MemberFilter, 'scopePath'> & { subtree: boolean };

const STATE_MESSAGES: Record<repo.ExportRequestRow['status'], string> = {
  pending: '该申请尚未审批，不能下载',
  approved: '该申请已批准，不能再审批',
  rejected: '该申请已被驳回',
  downloaded: '该申请的文件已下载过一次，不能再次下载；如需再次导出请重新申请',
};

/** 2026-12-06 10:20 in China Standard Time. */
const cstMinute = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function createExportRequestService(deps: {
  db: Db;
  crypto: FieldCrypto;
  members: Pick<MemberService, 'resolveFilter'>;
  maxRows: number;
}) {
  const { db, crypto, members, maxRows } = deps;

  const load = async (ctx: Ctx, id: number) => {
    const r = await repo.findInScope(db, ctx.actor.orgPath, id);
    if (!r) throw notFound('导出申请');
    return r;
  };

  async function create(ctx: Ctx, input: TExportRequestCreate) {
    if (!ctx.actor.permissions.has('member:view_sensitive')) throw forbidden('申请不脱敏导出需要「查看完整身份证号和手机号」权限');
    const { reason, ...query } = input;
    const { scopePath, ...resolved } = await members.resolveFilter(ctx, query);
    const filter: StoredFilter = { ...resolved, subtree: query.subtree };
    return db
      .transaction(async (tx) => {
        const rows = await repo.countCapped(tx, { ...resolved, scopePath }, maxRows);
        if (rows === 0) throw invalid('orgId', '没有符合筛选条件的会员，无需导出');
        if (rows > maxRows) throw invalid('orgId', `符合条件的会员超过单次申请上限 ${maxRows} 人，请缩小筛选范围后分批申请`);
        const id = await repo.nextId(tx);
        const number = `DC-${todayCst().slice(0, 4)}-${String(id).padStart(6, '0')}`;
        const created = await repo.insert(tx, {
          id,
          number,
          orgId: input.orgId,
          requesterId: ctx.actor.userId,
          reason,
          filter,
          rowCount: rows,
        });
        await recordAudit(tx, originOf(ctx), {
          action: 'export_request.create',
          orgId: input.orgId,
          orgPath: scopePath,
          entityType: 'export_request',
          entityId: id,
          after: { number, reason, rows, filter: shownFilter(filter) },
        });
        return created.id;
      })
      .then((id) => load(ctx, id));
  }

  async function decide(ctx: Ctx, id: number, verdict: 'approved' | 'rejected', opinion: string | undefined) {
    if (verdict === 'rejected' && !opinion) throw invalid('opinion', '驳回时请填写审批意见');
    await db.transaction(async (tx) => {
      const r = await repo.findInScope(tx, ctx.actor.orgPath, id);
      if (!r) throw notFound('导出申请');
      if (r.requesterId === ctx.actor.userId) throw forbidden('不能审批自己提交的导出申请，须由另一名有审批权限的干部审批');
      const decided = await repo.decide(tx, id, ctx.actor.userId, verdict, opinion ?? null);
      if (!decided) throw conflict(`该申请已处理（${STATE_MESSAGES[r.status]}），请刷新后查看`);
      await recordAudit(tx, originOf(ctx), {
        action: verdict === 'approved' ? 'export_request.approve' : 'export_request.reject',
        orgId: r.orgId,
        orgPath: r.orgPath,
        entityType: 'export_request',
        entityId: id,
        before: { status: 'pending' },
        after: { number: r.number, status: verdict, opinion: opinion ?? null, rows: r.rowCount },
      });
    });
    return load(ctx, id);
  }

  /** Claims the one download (errors surface here, before any byte); the caller then streams with `write`. */
  async function claimDownload(ctx: Ctx, id: number) {
    return db.transaction(async (tx) => {
      const r = await repo.findInScope(tx, ctx.actor.orgPath, id);
      if (!r) throw notFound('导出申请');
      if (r.requesterId !== ctx.actor.userId) throw forbidden('只有申请人本人可以下载该文件');
      if (!ctx.actor.permissions.has('member:view_sensitive')) throw forbidden('下载不脱敏导出需要「查看完整身份证号和手机号」权限');
      const claimed = await repo.claimDownload(tx, id, ctx.actor.userId);
      if (!claimed) throw new AppError('CONFLICT', STATE_MESSAGES[r.status === 'approved' ? 'downloaded' : r.status]);
      const at = claimed.downloadedAt ?? new Date();
      const watermark = `敏感数据 · 申请人 ${r.requesterName} · ${cstMinute(at)} · ${r.number} · 审批人 ${r.approverName ?? ''}`;
      // Audited with the download claimed: the file is capped at the approved row count.
      await recordAudit(tx, originOf(ctx), {
        action: 'export_request.download',
        orgId: r.orgId,
        orgPath: r.orgPath,
        entityType: 'export_request',
        entityId: id,
        before: { status: 'approved' },
        after: { number: r.number, status: 'downloaded', rows: r.rowCount, watermark },
      });
      return { request: r, watermark };
    });
  }

  async function write(claim: Awaited<ReturnType<typeof claimDownload>>, out: Writable): Promise<number> {
    const { subtree: _subtree, ...stored } = claim.request.filter as StoredFilter;
    const filter: MemberFilter = { ...stored, scopePath: claim.request.orgPath };
    return writeMemberExport(db, crypto, filter, out, true, undefined, { watermark: claim.watermark, maxRows: claim.request.rowCount });
  }

  return {
    create,
    decide,
    claimDownload,
    write,
    list: (ctx: Ctx, q: { status?: string; page: number; pageSize: number }) => repo.list(db, ctx.actor.orgPath, q),
  };
}

export type ExportRequestService = ReturnType<typeof createExportRequestService>;

export function shownFilter(f: StoredFilter) {
  return {
    subtree: f.subtree,
    q: f.q,
    byIdNumber: Boolean(f.idHash),
    category: f.category,
    status: f.status,
    joinedFrom: f.joinedFrom,
    joinedTo: f.joinedTo,
    leftFrom: f.leftFrom,
    leftTo: f.leftTo,
  };
}
