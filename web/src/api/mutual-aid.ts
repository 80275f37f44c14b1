// 医疗互助 endpoints (types from common/src/mutual-aid.ts). Amounts travel as integers of 分.
import type {
  MutualAidAction,
  TMutualAidClaim,
  TMutualAidClaimCreate,
  TMutualAidClaimDetail,
  TMutualAidEnrolment,
  TMutualAidEnrolmentCreate,
  TMutualAidPlan,
  TMutualAidPlanCreate,
  TMutualAidPlanDetail,
  TMutualAidQuotaSet,
} from '@gonghui/common';
import { api, download, request, type Page, type Query } from './client.ts';

export const mutualAidApi = {
  plans: (q: Query) => api.get<Page<TMutualAidPlan>>('/mutual-aid/plans', q),
  plan: (id: number) => api.get<TMutualAidPlanDetail>(`/mutual-aid/plans/${id}`),
  createPlan: (body: TMutualAidPlanCreate) => api.post<TMutualAidPlanDetail>('/mutual-aid/plans', body),
  setQuotas: (id: number, body: TMutualAidQuotaSet) => request<TMutualAidPlanDetail>('PUT', `/mutual-aid/plans/${id}/quotas`, { body }),
  enrolments: (q: Query) => api.get<Page<TMutualAidEnrolment>>('/mutual-aid/enrolments', q),
  enrol: (body: TMutualAidEnrolmentCreate) => api.post<TMutualAidEnrolment>('/mutual-aid/enrolments', body),
  claims: (q: Query) => api.get<Page<TMutualAidClaim>>('/mutual-aid/claims', q),
  claim: (id: number) => api.get<TMutualAidClaimDetail>(`/mutual-aid/claims/${id}`),
  createClaim: (body: TMutualAidClaimCreate) => api.post<TMutualAidClaimDetail>('/mutual-aid/claims', body),
  act: (
    id: number,
    action: MutualAidAction,
    body: { version: number; opinion?: string; payout?: number; reason?: string; paidAt?: string },
  ) => api.post<TMutualAidClaimDetail>(`/mutual-aid/claims/${id}/actions/${action}`, body),
  health: (id: number, reason: string) => api.post<{ diagnosis: string }>(`/mutual-aid/claims/${id}/health`, { reason }),
  /** Masked, never with the diagnosis. */
  exportXlsx: (q: Query) => download('/mutual-aid/claims/export', q, '医疗互助报销台账.xlsx'),
};
