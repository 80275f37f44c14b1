// Statistics, targets (目标任务) and work summaries (工作总结): one typed function per endpoint.
import type {
  TChildStats,
  TChildTargets,
  TIndicator,
  TMember,
  TOrg,
  TStats,
  TSummary,
  TSummaryCreate,
  TSummaryListItem,
  TSummaryUpdate,
  TTargets,
  TTargetsPut,
  TTrend,
} from '@gonghui/common';
import { api, download, request, type Page, type Query } from './client.ts';

export interface StatsRange {
  orgId: number;
  from: string;
  to: string;
  keys?: string[];
}

function rangeQuery(r: StatsRange) {
  return { orgId: r.orgId, from: r.from, to: r.to, keys: r.keys?.length ? r.keys.join(',') : undefined };
}

export const statsApi = {
  indicators: () => api.get<TIndicator[]>('/indicators'),
  values: (r: StatsRange) => api.get<TStats>('/stats', rangeQuery(r)),
  children: (r: StatsRange) => api.get<TChildStats>('/stats/children', rangeQuery(r)),
  trend: (orgId: number, year: number, keys?: string[]) =>
    api.get<TTrend>('/stats/trend', { orgId, year, keys: keys?.length ? keys.join(',') : undefined }),
  exportChildren: (r: StatsRange, fallbackName: string) => download('/stats/children/export', rangeQuery(r), fallbackName),
};

export const targetApi = {
  get: (orgId: number, year: number, asOf?: string) => api.get<TTargets>(`/orgs/${orgId}/targets/${year}`, { asOf }),
  children: (orgId: number, year: number, asOf?: string) => api.get<TChildTargets>(`/orgs/${orgId}/targets/${year}/children`, { asOf }),
  put: (orgId: number, year: number, body: TTargetsPut) => request<TTargets>('PUT', `/orgs/${orgId}/targets/${year}`, { body }),
};

export const summaryApi = {
  list: (orgId: number | undefined, page: number, pageSize: number) =>
    api.get<Page<TSummaryListItem>>('/reports/work-summaries', { orgId, page, pageSize }),
  get: (id: number) => api.get<TSummary>(`/reports/work-summaries/${id}`),
  create: (body: TSummaryCreate) => api.post<{ id: number }>('/reports/work-summaries', body),
  update: (id: number, body: TSummaryUpdate) => api.patch<TSummary>(`/reports/work-summaries/${id}`, body),
  refresh: (id: number) => api.post<TSummary>(`/reports/work-summaries/${id}/refresh`),
  download: (id: number, format: 'docx' | 'pdf', fallbackName: string) =>
    download(`/reports/work-summaries/${id}/download`, { format }, fallbackName),
};

/** The records behind a figure (drill-down): a console path's list, fetched from the matching API list. */
export const recordsApi = {
  members: (query: Query) => api.get<Page<TMember>>('/members', query),
  orgs: (query: Query) => api.get<Page<TOrg>>('/orgs', query),
};
