// 敏感数据导出申请: an unmasked member export asked by one cadre, approved by another, downloaded once.
import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { MEMBER_CATEGORIES, MEMBER_STATUSES, ZMemberListQuery } from './member.ts';
import { ZPageQuery, zId } from './schemas.ts';
import { zRequiredText, zText } from './strings.ts';

export const EXPORT_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'downloaded'] as const;
export type ExportRequestStatus = (typeof EXPORT_REQUEST_STATUSES)[number];
export const EXPORT_REQUEST_STATUS_LABELS: Record<ExportRequestStatus, string> = {
  pending: '待审批',
  approved: '已批准，待下载',
  rejected: '已驳回',
  downloaded: '已下载',
};

/** Default cap on the rows of one unmasked export (env EXPORT_UNMASKED_MAX_ROWS). */
export const EXPORT_UNMASKED_MAX_ROWS_DEFAULT = 5000;

/** The roster filter (as for the masked export) with the org required and a stated reason. */
export const ZExportRequestCreate = ZMemberListQuery.omit({ page: true, pageSize: true, after: true, sort: true, cursor: true }).extend({
  orgId: zId,
  reason: zRequiredText(LIMITS.text).min(4, '请具体说明导出用途（至少4个字）'),
});
export type TExportRequestCreate = z.infer<typeof ZExportRequestCreate>;

export const ZExportDecision = z.strictObject({ opinion: zText(LIMITS.text).optional() });
export const ZExportRequestListQuery = ZPageQuery.extend({ status: z.enum(EXPORT_REQUEST_STATUSES).optional() });

/** The filter as shown to cadres: an ID-number filter only as a flag. */
export const ZExportFilterShown = z.object({
  subtree: z.boolean(),
  q: z.string().optional(),
  byIdNumber: z.boolean(),
  category: z.enum(MEMBER_CATEGORIES).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  joinedFrom: z.string().optional(),
  joinedTo: z.string().optional(),
  leftFrom: z.string().optional(),
  leftTo: z.string().optional(),
});

export const ZExportRequest = z.object({
  id: z.number().int(),
  number: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  requesterId: z.number().int(),
  requesterName: z.string(),
  reason: z.string(),
  filter: ZExportFilterShown,
  rowCount: z.number().int(),
  status: z.enum(EXPORT_REQUEST_STATUSES),
  approverName: z.string().nullable(),
  opinion: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  downloadedAt: z.string().nullable(),
  /** What the current user may do with it (the console shows the buttons accordingly). */
  canDecide: z.boolean(),
  canDownload: z.boolean(),
});
export type TExportRequest = z.infer<typeof ZExportRequest>;
