// Files on cases through the platform's attachment service, with each case type's rules: the case must be seen by
// the caller (either side; 404), its type's read permission (403); adding or removing a file also needs the rules'
// permission and side, a state that allows it (409) and room under the count (409), checked again in the
// transaction with the case locked. Each added or removed file is a step on the timeline; the service audits it.
import type { TCaseAttachment, TCaseAttachmentPolicy } from '@gonghui/common';
import { can, type Ctx } from '../authz/index.ts';
import { asSystem, type Db, type DbOrTx, type Tx } from '../db/index.ts';
import type { AttachmentService, AttachmentView, IncomingFile, OpenedAttachment } from '../files/index.ts';
import { AppError, forbidden, notFound } from '../http/index.ts';
import { CASE_OWNER, changeRefusal, countRefusal, type CaseAttachmentRules } from './attachments.ts';
import * as repo from './cases.repo.ts';

/** What the case files need of a registered type. */
export interface CaseFilesTypeDef {
  label: string;
  readPermission: CaseAttachmentRules<string>['permission'];
  attachments?: CaseAttachmentRules<string> | undefined;
}

export interface CaseFilesView {
  attachments: TCaseAttachment[];
  attachmentPolicy: TCaseAttachmentPolicy | null;
}

const ownerOf = (caseId: number) => ({ type: CASE_OWNER, id: caseId });

export function createCaseFiles(deps: { db: Db; files: AttachmentService; typeOf: (type: string) => CaseFilesTypeDef | undefined }) {
  const { db, files, typeOf } = deps;
  const maxBytesOf = (r: CaseAttachmentRules<string>) => Math.min(r.maxBytes, files.maxBytes);

  /** The case seen by the caller with its type; `lock` (in a transaction) holds it against transitions. */
  async function load(ctx: Ctx, caseId: number, conn: DbOrTx = db, lock = false) {
    const c = await repo.findVisibleAny(conn, ctx.actor.orgPath, caseId, lock);
    const def = c && typeOf(c.type);
    if (!c || !def) throw notFound('事项');
    if (!can(ctx.actor, def.readPermission)) throw forbidden();
    return { c, def };
  }

  function rulesOf(def: CaseFilesTypeDef): CaseAttachmentRules<string> {
    if (!def.attachments) throw new AppError('CASE_ACTION_NOT_ALLOWED', `${def.label}不接收附件`);
    return def.attachments;
  }

  async function step(tx: Tx, ctx: Ctx, c: repo.CaseRow, action: 'attach' | 'detach', fileName: string) {
    const names = await repo.orgNames(tx, [ctx.actor.orgId]);
    await repo.insertStep(tx, {
      caseId: c.id,
      action,
      fromStatus: c.status,
      toStatus: c.status,
      actorId: ctx.actor.userId,
      actorName: (ctx.actor.displayName ?? ctx.actor.username).slice(0, 50),
      actorOrgName: names.get(ctx.actor.orgId) ?? null,
      opinion: fileName.slice(0, 500),
    });
  }

  const present = (r: AttachmentView, removable: boolean): TCaseAttachment => ({
    id: r.id,
    name: r.fileName,
    size: r.size,
    contentType: r.contentType,
    uploadedBy: r.uploaderName,
    at: r.createdAt.toISOString(),
    removable,
  });

  /** The files and the caller's policy for a case the kernel has already shown them. */
  async function view(ctx: Ctx, def: CaseFilesTypeDef, c: repo.CaseRow): Promise<CaseFilesView> {
    const r = def.attachments;
    if (!r) return { attachments: [], attachmentPolicy: null };
    // Uploaders of the other side are outside the caller's user scope: their names are read as the system.
    const rows = await asSystem(() => files.allOf(db, ownerOf(c.id)));
    const mayChange = changeRefusal(r, ctx.actor, c, def.label) === null;
    return {
      attachments: rows.map((a) => present(a, mayChange && a.uploadedBy === ctx.actor.userId)),
      attachmentPolicy: {
        kinds: [...r.kinds],
        maxBytes: maxBytesOf(r),
        maxCount: r.maxCount,
        canUpload: mayChange && rows.length < r.maxCount,
      },
    };
  }

  /** Answers as the upload would before its body is read; returns the size cap for the incoming stream. */
  async function prepareUpload(ctx: Ctx, caseId: number): Promise<number> {
    const { c, def } = await load(ctx, caseId);
    const r = rulesOf(def);
    const refusal = changeRefusal(r, ctx.actor, c, def.label) ?? countRefusal(r, await files.countOf(db, ownerOf(caseId)));
    if (refusal) throw refusal;
    return maxBytesOf(r);
  }

  async function upload(ctx: Ctx, caseId: number, file: IncomingFile): Promise<TCaseAttachment> {
    const { def } = await load(ctx, caseId);
    const r = rulesOf(def);
    const row = await files.upload(ctx, ownerOf(caseId), file, {
      kinds: r.kinds,
      maxBytes: r.maxBytes,
      within: async (tx, added) => {
        const { c } = await load(ctx, caseId, tx, true);
        const others = (await files.countOf(tx, ownerOf(caseId))) - 1;
        const refusal = changeRefusal(r, ctx.actor, c, def.label) ?? countRefusal(r, others);
        if (refusal) throw refusal;
        await step(tx, ctx, c, 'attach', added.fileName);
      },
    });
    return present(row, true);
  }

  async function open(ctx: Ctx, caseId: number, attachmentId: number): Promise<OpenedAttachment> {
    await load(ctx, caseId);
    return files.open(ctx, attachmentId, ownerOf(caseId));
  }

  /** The uploader removes their own file while the state allows changes. */
  async function remove(ctx: Ctx, caseId: number, attachmentId: number): Promise<void> {
    const { def } = await load(ctx, caseId);
    const r = rulesOf(def);
    await files.remove(ctx, attachmentId, ownerOf(caseId), {
      within: async (tx, removed) => {
        const { c } = await load(ctx, caseId, tx, true);
        const refusal = changeRefusal(r, ctx.actor, c, def.label);
        if (refusal) throw refusal;
        if (removed.uploadedBy !== ctx.actor.userId) throw forbidden('只能删除本人上传的附件');
        await step(tx, ctx, c, 'detach', removed.fileName);
      },
    });
  }

  /** The member's own portal uploads (invoice photos) join the case they have just applied for, in the opening
   *  transaction, under the type's rules (kinds, size, count). */
  async function adoptMemberUploads(tx: Tx, def: CaseFilesTypeDef, c: repo.CaseRow, memberId: number, ids: readonly number[]) {
    if (!ids.length) return;
    const r = def.attachments;
    if (!r) throw new AppError('VALIDATION', `${def.label}不接收附件`, 'attachments');
    await files.memberUploads.adopt(tx, memberId, ids, {
      type: CASE_OWNER,
      id: c.id,
      orgId: c.orgId,
      orgPath: c.orgPath,
      kinds: r.kinds,
      maxBytes: maxBytesOf(r),
      maxCount: r.maxCount,
    });
  }

  return { view, prepareUpload, upload, open, remove, adoptMemberUploads };
}

export type CaseFiles = ReturnType<typeof createCaseFiles>;
