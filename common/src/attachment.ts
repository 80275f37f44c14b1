// 附件: files attached to an owner (an org now; cases later). What may be uploaded is decided by the file's content
// (magic bytes) on the server; these are the request and response shapes and the limits shown to cadres.
import { z } from 'zod';
import { ZPageQuery, zId } from './schemas.ts';
import { zRequiredText } from './strings.ts';

/** Default cap on one attachment (env ATTACHMENT_MAX_BYTES): 10 MB. */
export const ATTACHMENT_MAX_BYTES_DEFAULT = 10 * 1024 * 1024;
/** Longest kept file name (characters, extension included). */
export const ATTACHMENT_NAME_MAX = 120;

/** What the console tells a cadre before upload (the server decides by content, not by extension). */
export const ATTACHMENT_ALLOWED_LABEL = 'JPEG、PNG、GIF、WebP 图片，PDF，Word（doc/docx）、Excel（xls/xlsx）、PowerPoint（pptx）文件';

/** The groups of accepted kinds a record's rules may allow (a case type allows, say, PDF and images only). */
export const ATTACHMENT_KIND_GROUPS = ['image', 'pdf', 'office'] as const;
export type AttachmentKindGroup = (typeof ATTACHMENT_KIND_GROUPS)[number];
export const ATTACHMENT_KIND_GROUP_LABELS: Record<AttachmentKindGroup, string> = {
  image: 'JPEG、PNG、GIF、WebP 图片',
  pdf: 'PDF 文件',
  office: 'Word（doc/docx）、Excel（xls/xlsx）、PowerPoint（pptx）文件',
};
/** Extensions per group, for a file picker's `accept` (the server still decides by content). */
export const ATTACHMENT_KIND_GROUP_EXTENSIONS: Record<AttachmentKindGroup, readonly string[]> = {
  image: ['.jpg', '.jpeg', '.png', '.gif', '.webp'],
  pdf: ['.pdf'],
  office: ['.doc', '.docx', '.xls', '.xlsx', '.pptx'],
};
/** The allowed groups in a fixed order (images, PDF, office), as a message names them. */
export const attachmentKindsLabel = (groups: readonly AttachmentKindGroup[]): string =>
  ATTACHMENT_KIND_GROUPS.filter((g) => groups.includes(g))
    .map((g) => ATTACHMENT_KIND_GROUP_LABELS[g])
    .join('、');

/** ownerType names a registered kind of owner ('org'; modules such as cases register their own). */
export const ZAttachmentOwnerQuery = z.strictObject({
  ownerType: zRequiredText(32),
  ownerId: zId,
});
export const ZAttachmentListQuery = ZPageQuery.extend(ZAttachmentOwnerQuery.shape);

export const ZAttachment = z.object({
  id: z.number().int(),
  ownerType: z.string(),
  ownerId: z.number().int(),
  orgId: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.number().int().nullable(),
  /** Null when the uploader's account lies outside the reader's scope. */
  uploaderName: z.string().nullable(),
  createdAt: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachment>;
