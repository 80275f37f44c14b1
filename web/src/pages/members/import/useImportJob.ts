// Polls an import job (GET /member-imports/:id) every second until it has succeeded or failed.
import { useQuery } from '@tanstack/react-query';
import { importApi, type ImportJob } from '../../../api/members.ts';

export const POLL_MS = 1000;

export function isFinished(job: ImportJob | undefined): boolean {
  return job?.status === 'succeeded' || job?.status === 'failed';
}

export function useImportJob(id: number | undefined) {
  return useQuery({
    queryKey: ['member-import', id],
    queryFn: () => importApi.get(id ?? 0),
    enabled: id !== undefined,
    refetchInterval: (q) => (isFinished(q.state.data) ? false : POLL_MS),
    staleTime: 0,
    gcTime: 0,
    retry: 1,
  });
}

/** Rows refused: the server's count when it sends one, else the rows read minus the valid ones. */
export function errorCountOf(job: ImportJob): number {
  return job.errorCount ?? Math.max(0, job.totalRows - job.validRows);
}
