// 帮扶救助 and 帮扶活动 endpoints (types from common/src/assistance.ts). Amounts travel as integers of 分.
import type {
  AssistanceAction,
  TAssistanceCreate,
  TAssistanceDetail,
  TAssistanceEntry,
  TBeneficiaryImport,
  TCampaign,
  TCampaignCreate,
  TCampaignDetail,
} from '@gonghui/common';
import { api, download, type Page, type Query } from './client.ts';

export const assistanceApi = {
  list: (q: Query) => api.get<Page<TAssistanceEntry>>('/assistance', q),
  /** The ledger of the filter as xlsx, masked (the server names the file after the org and the filter). */
  exportXlsx: (q: Query) => download('/assistance/export', q, '帮扶救助台账.xlsx'),
  get: (id: number) => api.get<TAssistanceDetail>(`/assistance/${id}`),
  create: (body: TAssistanceCreate) => api.post<TAssistanceDetail>('/assistance', body),
  act: (id: number, action: AssistanceAction, body: { version: number; opinion?: string; paidAt?: string }) =>
    api.post<TAssistanceDetail>(`/assistance/${id}/actions/${action}`, body),
};

export const campaignApi = {
  list: (q: Query) => api.get<Page<TCampaign>>('/campaigns', q),
  get: (id: number) => api.get<TCampaignDetail>(`/campaigns/${id}`),
  create: (body: TCampaignCreate) => api.post<TCampaignDetail>('/campaigns', body),
  template: (c: { id: number; name: string }) =>
    download(`/campaigns/${c.id}/beneficiaries/template`, undefined, `${c.name}受助名单模板.xlsx`),
  /** Queues the beneficiary list: a check only (dryRun) or the import of its valid rows; follow it with `importStatus`. */
  importList: (id: number, orgId: number, file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<TBeneficiaryImport>(`/campaigns/${id}/beneficiaries/import`, form, {
      orgId: String(orgId),
      dryRun: String(dryRun),
    });
  },
  importStatus: (jobId: number) => api.get<TBeneficiaryImport>(`/beneficiary-imports/${jobId}`),
  errorReport: (job: { id: number; fileName: string }) =>
    download(`/beneficiary-imports/${job.id}/errors`, undefined, `${job.fileName.replace(/\.xlsx$/i, '')}-错误报告.xlsx`),
};
