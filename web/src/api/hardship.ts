// 困难职工档案 endpoints: list (subtree, tier, status), detail, draft, actions (kernel contract) and the audited reveal.
import type {
  HardshipAction,
  HardshipStatus,
  HardshipTier,
  THardshipActionBody,
  THardshipCreate,
  THardshipDetail,
  THardshipFile,
} from '@gonghui/common';
import { api } from './client.ts';

export interface HardshipListQuery {
  orgId?: number;
  tier?: HardshipTier;
  status?: HardshipStatus;
  /** Part of the worker's name. */
  q?: string;
  page: number;
  pageSize: number;
}

export const hardshipApi = {
  list: (q: HardshipListQuery) => api.get<{ items: THardshipFile[]; total: number }>('/hardship-files', { ...q }),
  get: (id: number) => api.get<THardshipDetail>(`/hardship-files/${id}`),
  create: (body: THardshipCreate) => api.post<THardshipDetail>('/hardship-files', body),
  act: (id: number, action: HardshipAction, body: THardshipActionBody) =>
    api.post<THardshipDetail>(`/hardship-files/${id}/actions/${action}`, body),
  reveal: (id: number, reason: string) => api.post<{ idNumber: string; phone: string | null }>(`/hardship-files/${id}/reveal`, { reason }),
};
