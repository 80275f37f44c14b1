// The in-app inbox: the signed-in cadre's notifications (newest first, with the unread count) and marking one read.
import type { TNotification, TNotificationList } from '@gonghui/common';
import { api } from './client.ts';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

export const notificationApi = {
  list: (pageSize = 20) => api.get<TNotificationList>('/notifications', { page: 1, pageSize }),
  read: (id: number) => api.post<TNotification>(`/notifications/${id}/read`),
};
