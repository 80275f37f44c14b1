// 敏感数据导出申请: ask for an unmasked export, list, approve/reject, download once. Types come from @gonghui/common.
import type { ExportRequestStatus, TExportRequest, TExportRequestCreate } from '@gonghui/common';
import { api, download, type Page } from './client.ts';

export const EXPORT_REQUESTS_KEY = ['export-requests'] as const;

export const exportRequestApi = {
  list: (status: ExportRequestStatus | undefined, page: number, pageSize: number) =>
    api.get<Page<TExportRequest>>('/export-requests', { status, page, pageSize }),
  create: (body: TExportRequestCreate) => api.post<TExportRequest>('/export-requests', body),
  approve: (id: number, opinion?: string) => api.post<TExportRequest>(`/export-requests/${id}/approve`, { opinion }),
  reject: (id: number, opinion: string) => api.post<TExportRequest>(`/export-requests/${id}/reject`, { opinion }),
  download: (r: TExportRequest) => download(`/export-requests/${r.id}/download`, undefined, `敏感数据导出-${r.number}.xlsx`),
};
