// 维权 endpoints: rights cases (kernel contract, masked export, audited reveal), the lawyer/mediator roster and
// 工伤探视 reports. Amounts travel as integers of 分.
import type {
  InjuryAction,
  RightsAction,
  TInjuryActionBody,
  TInjuryCreate,
  TInjuryDetail,
  TInjuryReport,
  TRightsActionBody,
  TRightsCase,
  TRightsCreate,
  TRightsDetail,
  TRosterCreate,
  TRosterEntry,
  TRosterUpdate,
} from '@gonghui/common';
import { api, download, type Page, type Query } from './client.ts';

export const rightsApi = {
  list: (q: Query) => api.get<Page<TRightsCase>>('/rights-cases', q),
  /** The cases of the filter as xlsx, masked; the parties' narrative is never exported. */
  exportXlsx: (q: Query) => download('/rights-cases/export', q, '维权案件台账.xlsx'),
  get: (id: number) => api.get<TRightsDetail>(`/rights-cases/${id}`),
  create: (body: TRightsCreate) => api.post<TRightsDetail>('/rights-cases', body),
  act: (id: number, action: RightsAction, body: TRightsActionBody) =>
    api.post<TRightsDetail>(`/rights-cases/${id}/actions/${action}`, body),
  reveal: (id: number, reason: string) => api.post<{ parties: string | null }>(`/rights-cases/${id}/reveal`, { reason }),
};

export const rosterApi = {
  list: (q: Query) => api.get<Page<TRosterEntry>>('/rights-roster', q),
  create: (body: TRosterCreate) => api.post<TRosterEntry>('/rights-roster', body),
  update: (id: number, body: TRosterUpdate) => api.patch<TRosterEntry>(`/rights-roster/${id}`, body),
  remove: (id: number) => api.delete<void>(`/rights-roster/${id}`),
};

export const injuryApi = {
  list: (q: Query) => api.get<Page<TInjuryReport>>('/injury-reports', q),
  get: (id: number) => api.get<TInjuryDetail>(`/injury-reports/${id}`),
  create: (body: TInjuryCreate) => api.post<TInjuryDetail>('/injury-reports', body),
  act: (id: number, action: InjuryAction, body: TInjuryActionBody) =>
    api.post<TInjuryDetail>(`/injury-reports/${id}/actions/${action}`, body),
  reveal: (id: number, reason: string) => api.post<{ name: string; idNumber: string | null }>(`/injury-reports/${id}/reveal`, { reason }),
  exportXlsx: (q: Query) => download('/injury-reports/export', q, '工伤探视台账.xlsx'),
};
