// 目标任务's org and year live in the URL (?orgId=&year=): Back, bookmarks and shared links open the same view.
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { TOrg } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { ORG_PARAM, orgIdOf } from '../../components/orgTree/useUrlOrgNavigator.ts';
import { currentYear } from '../stats/shared/period.ts';

const YEAR_PARAM = 'year';

export function useTargetsUrl(home: TOrg) {
  const [params, setParams] = useSearchParams();
  const urlOrgId = orgIdOf(params);
  const other = urlOrgId !== undefined && urlOrgId !== home.id;
  const fetched = useQuery({ queryKey: ['org', urlOrgId], queryFn: () => orgApi.get(urlOrgId ?? 0), enabled: other });
  const year = Number(params.get(YEAR_PARAM)) || currentYear();

  const set = (key: string, value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value === undefined) next.delete(key);
      else next.set(key, value);
      return next;
    });

  return {
    // An org the link names but the user may not see (or that is gone) falls back to the user's own.
    org: other ? (fetched.data ?? home) : home,
    loading: other && fetched.isPending,
    year,
    setOrg: (org: TOrg) => set(ORG_PARAM, org.id === home.id ? undefined : String(org.id)),
    setYear: (y: number) => set(YEAR_PARAM, y === currentYear() ? undefined : String(y)),
  };
}
