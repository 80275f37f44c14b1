// ProTable's `request` and `pagination` for a paged list API: the table's current page and size become page and
// pageSize, a failure is shown once and leaves an empty table rather than a broken one.
import { LIMITS } from '@gonghui/common';
import { notifyError } from './notify.ts';

export interface Paged<T> {
  items: T[];
  total: number;
}

export function pagedRequest<T, Q extends object>(load: (q: Q & { page: number; pageSize: number }) => Promise<Paged<T>>) {
  return async (p: Q & { current?: number; pageSize?: number }) => {
    try {
      const { current, pageSize, ...q } = p;
      const res = await load({ ...(q as Q), page: current ?? 1, pageSize: pageSize ?? LIMITS.pageSizeDefault });
      return { data: res.items, total: res.total, success: true };
    } catch (err) {
      notifyError(err);
      return { data: [] as T[], total: 0, success: false };
    }
  };
}

export const PAGINATION = { defaultPageSize: LIMITS.pageSizeDefault, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100] };
