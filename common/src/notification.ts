// The in-app inbox (通知): one row per recipient, newest first, with the count of unread ones for the bell.
import { z } from 'zod';
import { ZPageQuery, page } from './schemas.ts';

export const ZNotificationListQuery = ZPageQuery.extend({ unread: z.enum(['true', 'false']).optional() });
export type TNotificationListQuery = z.infer<typeof ZNotificationListQuery>;

export const ZNotification = z.object({
  id: z.number().int(),
  title: z.string(),
  caseType: z.string().nullable(),
  caseId: z.number().int().nullable(),
  /** The console path to open, e.g. /transfers/12. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = page(ZNotification).extend({ unreadCount: z.number().int() });
export type TNotificationList = z.infer<typeof ZNotificationList>;
