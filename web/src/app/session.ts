// The signed-in user (GET /me) and permission checks, shared through react-query's cache.
import { useQuery } from '@tanstack/react-query';
import type { Permission, TMe } from '@gonghui/common';
import { authApi } from '../api/endpoints.ts';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: authApi.me, retry: false, staleTime: 60_000 });
}

/** The current session; only call below RequireAuth, where /me has loaded. */
export function useSession(): TMe {
  const { data: me } = useMe();
  if (!me) throw new Error('useSession called outside an authenticated route');
  return me;
}

export function useCan(): (permission: Permission) => boolean {
  const me = useSession();
  return (permission) => me.user.permissions.includes(permission);
}
