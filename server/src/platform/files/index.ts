// Platform file store and attachments: bytes behind a FileStore under generated keys, rows in `attachments`
// scoped by org path. Modules plug their own owner types in with registerAttachmentOwner.
import type { Db } from '../db/index.ts';
import type { HttpApp } from '../http/index.ts';
import { registerAttachmentRoutes } from './attachments.routes.ts';
import { createAttachmentService } from './attachments.service.ts';
import { registerScopeResolver } from '../authz/index.ts';
import { scopePaths } from './attachments.repo.ts';
import { createLocalFileStore, type FileStore } from './store.ts';

export { createLocalFileStore, filesDirOf, newFileKey, readAll, FileMissingError, type FileStore } from './store.ts';
export {
  createAttachmentService,
  type AttachmentService,
  type AttachmentOwner,
  type IncomingFile,
  type OpenedAttachment,
  type OwnerUse,
  type SeenOwner,
} from './attachments.service.ts';
export { receiveFile, sendAttachment } from './attachments.routes.ts';
export type { AttachmentRow, AttachmentView } from './attachments.repo.ts';
export {
  registerAttachmentOwner,
  attachmentOwnerTypes,
  type AttachmentOwnerResolver,
  type AttachmentOwnerScope,
  type AttachmentOwnerOptions,
  type OrgRef,
} from './owners.ts';
export { rewriteOrgPaths as rewriteAttachmentOrgPaths } from './attachments.repo.ts';
export {
  MEMBER_UPLOAD_KINDS,
  MEMBER_UPLOAD_OWNER,
  pruneMemberUploads,
  type AdoptingOwner,
  type MemberUploads,
  type UploadingMember,
} from './member-uploads.ts';
export { sniff, FILE_KINDS, KIND_GROUP, type FileKind } from './sniff.ts';
export { sanitizeFileName, contentDisposition } from './names.ts';

export interface AttachmentsOptions {
  /** The store; defaults to the local one under `filesDir`. */
  store?: FileStore;
  filesDir: string;
  maxBytes: number;
}

export async function registerAttachments(app: HttpApp, db: Db, opts: AttachmentsOptions) {
  registerScopeResolver('attachment', scopePaths, { label: '附件' });
  const store = opts.store ?? createLocalFileStore(opts.filesDir);
  const service = createAttachmentService({ db, store, maxBytes: opts.maxBytes });
  await registerAttachmentRoutes(app, service);
  return { service, store };
}
