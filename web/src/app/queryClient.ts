// One QueryClient: no retries on 4xx, query errors shown once as a message (auth redirects stay silent). Cached
// answers show at once when a page is opened again: for 30 s without asking the server, later while it is asked
// again in the background; pages unused for 10 minutes are dropped. Changes invalidate what they touch.
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import { notifyError } from '../utils/notify.ts';

function isSilent(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 401 || err.code === 'PASSWORD_CHANGE_REQUIRED');
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (err) => {
      if (!isSilent(err)) notifyError(err);
    },
  }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      gcTime: 10 * 60_000,
      retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
