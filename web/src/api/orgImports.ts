// 组织批量导入 endpoints: the blank template, the upload (预检 or import), the job's status and its error report.
import { api, download } from './client.ts';

export interface OrgImportJob {
  id: number;
  orgId: number;
  orgName: string;
  fileName: string;
  dryRun: boolean;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  message: string | null;
  checked: boolean;
  applied: boolean;
  totalRows: number;
  creates: number;
  updates: number;
  errorCount: number;
  errors: { row: number; column: string; message: string }[];
  createdAt: string;
  finishedAt: string | null;
}

export const orgImportApi = {
  template: () => download('/org-imports/template', undefined, '组织名册导入模板.xlsx'),
  /** Queues the roster under `orgId`: a 预检 (dryRun) or the all-or-nothing import; follow it with `get`. */
  start: (orgId: number, file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<OrgImportJob>(`/orgs/${orgId}/org-imports`, form, { dryRun: String(dryRun) });
  },
  get: (id: number) => api.get<OrgImportJob>(`/org-imports/${id}`),
  errorReport: (job: { id: number; fileName: string }) =>
    download(`/org-imports/${job.id}/error-report`, undefined, `${job.fileName.replace(/\.xlsx$/i, '')}-错误报告.xlsx`),
};
