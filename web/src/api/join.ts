// 入会申请 endpoints for cadres: list (subtree and filters), detail, actions (kernel contract).
import type { JoinAction, TJoinActionBody, TJoinApplication, TJoinApplicationDetail } from '@gonghui/common';
import { api, type Query } from './client.ts';

export const joinApi = {
  list: (q: Query) => api.get<{ items: TJoinApplication[]; total: number }>('/join-applications', q),
  get: (id: number) => api.get<TJoinApplicationDetail>(`/join-applications/${id}`),
  act: (id: number, action: JoinAction, body: TJoinActionBody) =>
    api.post<TJoinApplicationDetail>(`/join-applications/${id}/actions/${action}`, body),
};
