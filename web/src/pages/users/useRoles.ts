// Roles for labels and pickers; fetched only when the user may read roles.
import { useQuery } from '@tanstack/react-query';
import { roleApi } from '../../api/endpoints.ts';
import { useCan } from '../../app/session.ts';

export const ROLES_KEY = ['roles'] as const;

export function useRoles() {
  const can = useCan();
  const roles = useQuery({ queryKey: ROLES_KEY, queryFn: roleApi.list, enabled: can('role:read'), staleTime: 60_000 });
  const items = roles.data?.items ?? [];
  const nameOf = (key: string) => items.find((r) => r.key === key)?.name ?? key;
  const options = items.map((r) => ({ value: r.key, label: r.name }));
  return { items, nameOf, options, isLoading: roles.isLoading };
}
