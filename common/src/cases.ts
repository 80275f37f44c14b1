// Casework (办件): schemas shared by every case type — the action request, the timeline, to-dos and the working-day
// calendar that deadlines are counted in. Type-specific shapes (会员接转) live beside their domain (member.ts).
import { z } from 'zod';
import { ATTACHMENT_KIND_GROUPS } from './attachment.ts';
import { LIMITS } from './limits.ts';
import { zDate } from './schemas.ts';
import { zMultilineText, zRequiredText } from './strings.ts';

/** POST …/actions/:action: the version the client saw (compare-and-set) and, where the action needs it, an opinion. */
export const ZCaseActionBody = z.strictObject({
  version: z.number().int().min(1).max(2_147_483_647),
  opinion: zMultilineText(LIMITS.text).optional(),
});
export type TCaseActionBody = z.infer<typeof ZCaseActionBody>;

/** One row of a case's timeline. `from` is null for the step that opened the case. */
export const ZCaseStep = z.object({
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  actorName: z.string(),
  actorOrgName: z.string().nullable(),
  opinion: z.string().nullable(),
  at: z.string(),
});
export type TCaseStep = z.infer<typeof ZCaseStep>;

/** A file on a case (介绍信 scans and the like), as the case detail lists it. */
export const ZCaseAttachment = z.object({
  id: z.number().int(),
  name: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  /** The uploader's name (either side of the case). */
  uploadedBy: z.string().nullable(),
  at: z.string(),
  /** The caller uploaded it and the case's state still allows changing its files. */
  removable: z.boolean(),
});
export type TCaseAttachment = z.infer<typeof ZCaseAttachment>;

/** What a case type accepts, and whether the caller may add a file now (permission, side, state, count). */
export const ZCaseAttachmentPolicy = z.object({
  kinds: z.array(z.enum(ATTACHMENT_KIND_GROUPS)),
  maxBytes: z.number().int(),
  maxCount: z.number().int(),
  canUpload: z.boolean(),
});
export type TCaseAttachmentPolicy = z.infer<typeof ZCaseAttachmentPolicy>;

export const CASE_TYPE_LABELS: Record<string, string> = {
  member_transfer: '会员接转',
  hardship_file: '困难职工档案',
  appeal: '职工诉求',
};

/** A to-do: a case waiting for the caller's org, or an overdue case of a child org escalated to its parent. */
export const ZTodo = z.object({
  type: z.string(),
  caseId: z.number().int(),
  number: z.string(),
  title: z.string(),
  /** The org expected to act (for an escalated item: the child org that is late). */
  orgName: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** The SLA clock: working days left until the due day (0: due today; null: overdue or no due day). */
  remainingDays: z.number().int().nullable(),
  /** Working days past the due day (0 unless overdue). */
  overdueDays: z.number().int(),
});
export type TTodo = z.infer<typeof ZTodo>;
export const ZTodoList = z.object({ items: z.array(ZTodo) });

// Working-day calendar (法定节假日与调休): days that differ from the Monday–Friday week.
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, string> = { holiday: '放假', workday: '调休上班' };

export const ZCalendarDay = z.object({ date: z.string(), kind: z.enum(CALENDAR_DAY_KINDS), name: z.string() });
export type TCalendarDay = z.infer<typeof ZCalendarDay>;
export const ZCalendarYear = z.object({
  year: z.number().int(),
  /** True until the State Council's notice for the year is entered (the seed then holds fixed-date holidays only). */
  provisional: z.boolean(),
  days: z.array(ZCalendarDay),
});
export type TCalendarYear = z.infer<typeof ZCalendarYear>;
export const zCalendarYear = z.coerce.number().int().min(2000).max(2100);
export const ZCalendarPut = z.strictObject({
  provisional: z.boolean().default(false),
  days: z.array(z.strictObject({ date: zDate, kind: z.enum(CALENDAR_DAY_KINDS), name: zRequiredText(20) })).max(120),
});
export type TCalendarPut = z.infer<typeof ZCalendarPut>;
