// One QueryClient: no retries on 4xx, query errors shown once as a message (auth redirects stay silent).
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
      staleTime: 15_000,
      retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
