// 职工诉求 endpoints: list (subtree and filters), detail, receive, actions (kernel contract) and the masked export.
import type { AppealAction, TAppeal, TAppealActionBody, TAppealCreate, TAppealDetail } from '@gonghui/common';
import { api, download, type Query } from './client.ts';

export const appealsApi = {
  list: (q: Query) => api.get<{ items: TAppeal[]; total: number }>('/appeals', q),
  get: (id: number) => api.get<TAppealDetail>(`/appeals/${id}`),
  create: (body: TAppealCreate) => api.post<TAppealDetail>('/appeals', body),
  act: (id: number, action: AppealAction, body: TAppealActionBody) => api.post<TAppealDetail>(`/appeals/${id}/actions/${action}`, body),
  exportXlsx: (q: Query) => download('/appeals/export', q, '职工诉求台账.xlsx'),
};
