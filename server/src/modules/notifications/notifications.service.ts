// The inbox of the signed-in cadre: their own notifications only (another user's answers 404, as if it did not
// exist), newest first, with the unread count for the bell. Reading one's own notification is not audited.
import type { TNotificationListQuery } from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/index.ts';
import { presentNotification } from './notifications.presenter.ts';
import * as repo from './notifications.repo.ts';

export function createNotificationService({ db }: { db: Db }) {
  return {
    async list(ctx: Ctx, q: TNotificationListQuery) {
      const res = await repo.listOwn(db, ctx.actor.userId, { unread: q.unread === 'true', page: q.page, pageSize: q.pageSize });
      return {
        items: res.items.map(presentNotification),
        total: res.total,
        unreadCount: res.unreadCount,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
    async read(ctx: Ctx, id: number) {
      const row = await repo.markRead(db, ctx.actor.userId, id);
      if (!row) throw notFound('通知');
      return presentNotification(row);
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
