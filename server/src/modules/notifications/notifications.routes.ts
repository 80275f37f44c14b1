// GET /notifications (own, newest first, unreadCount) and POST /notifications/:id/read (own only; else 404).
import { ZNotification, ZNotificationList, ZNotificationListQuery, zId } from '@gonghui/common';
import { z } from 'zod';
import { ctxOf } from '../../platform/authz/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { NotificationService } from './notifications.service.ts';

const tags = ['notifications'];

export function registerNotificationRoutes(app: HttpApp, service: NotificationService): void {
  app.get('/api/v1/notifications', {
    schema: { operationId: 'listNotifications', tags, querystring: ZNotificationListQuery, response: { 200: ZNotificationList } },
    // Any cadre: only the caller's own notifications are ever read.
    config: { authenticated: true },
    handler: async (req) => service.list(ctxOf(req), req.query),
  });
  app.post('/api/v1/notifications/:id/read', {
    schema: { operationId: 'readNotification', tags, params: z.strictObject({ id: zId }), response: { 200: ZNotification } },
    // A notification belongs to one user, not to an org: the service finds it by id and the caller (404 otherwise).
    config: { authenticated: true, scope: { id: { none: "the caller's own notification; the service answers 404 for anyone else's" } } },
    handler: async (req) => service.read(ctxOf(req), req.params.id),
  });
}
