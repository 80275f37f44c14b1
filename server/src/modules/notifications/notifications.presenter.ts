// What leaves the server of a notification: an allow-list of fields.
import type { TNotification } from '@gonghui/common';
import type { NotificationRow } from './notifications.repo.ts';

export function presentNotification(n: NotificationRow): TNotification {
  return {
    id: n.id,
    title: n.title,
    caseType: n.caseType,
    caseId: n.caseId,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
