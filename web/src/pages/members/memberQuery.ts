// What the roster asks the server for, from the page's address alone: the filters a link carries (?status=&category=
// &joinedFrom=&joinedTo=&leftFrom=&leftTo=), the scope (?subtree=false) and the order (?sort=). Shared by the page and
// the route's loader, which starts the first page's request while the page's code and first render are still on their
// way (react-query then finds it in flight or cached under the very same key).
import type { QueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { LIMITS, MEMBER_CATEGORIES, MEMBER_STATUSES, type MemberCategory, type MemberStatus, type TMe, type TOrg } from '@gonghui/common';
import { memberApi, type MemberFilters, type MemberSort } from '../../api/members.ts';
import { toIsoDate } from '../../utils/format.ts';

export const MEMBER_LIST_KEY = ['members', 'list'] as const;

/** The roster's search form. */
export interface MemberSearch {
  q?: string;
  idNumber?: string;
  category?: MemberCategory;
  status?: MemberStatus | 'all';
  joinedRange?: [unknown, unknown];
  leftFrom?: string;
  leftTo?: string;
}

/** Filters a link brings along (drill-down from a statistic): form values, and a leave-date range shown as a tag. */
export interface MemberInitialFilters {
  form: Partial<Pick<MemberSearch, 'category' | 'status' | 'joinedRange'>>;
  left?: { from?: string; to?: string };
}

export const FILTER_PARAMS = ['status', 'category', 'joinedFrom', 'joinedTo', 'leftFrom', 'leftTo'] as const;

const SORTS: readonly MemberSort[] = ['id', 'joinedAt', 'name'];

const oneOf = <T extends string>(values: readonly T[], v: string | null | undefined): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined;

export const sortOf = (params: URLSearchParams): MemberSort => oneOf<MemberSort>(SORTS, params.get('sort')) ?? 'id';

export const subtreeOf = (params: URLSearchParams): boolean => params.get('subtree') !== 'false';

/** Only the filter parameters: opening a member or picking a union leaves the filters as they are. */
export const filterKeyOf = (params: URLSearchParams): string => FILTER_PARAMS.map((k) => params.get(k) ?? '').join('|');

export function initialFiltersOf(filterKey: string): MemberInitialFilters {
  const [status, category, from, to, leftFrom, leftTo] = filterKey.split('|').map((v) => v || undefined);
  return {
    form: {
      status: oneOf<MemberStatus>(MEMBER_STATUSES, status),
      category: oneOf<MemberCategory>(MEMBER_CATEGORIES, category),
      joinedRange: from && to ? [dayjs(from), dayjs(to)] : undefined,
    },
    left: leftFrom || leftTo ? { from: leftFrom, to: leftTo } : undefined,
  };
}

export function filtersOf(org: TOrg, subtree: boolean, form: MemberSearch, left: MemberInitialFilters['left']): MemberFilters {
  const [from, to] = form.joinedRange ?? [];
  return {
    orgId: org.id,
    subtree,
    q: form.q?.trim() || undefined,
    idNumber: form.idNumber?.trim() || undefined,
    category: form.category,
    status: form.status,
    joinedFrom: toIsoDate(from),
    joinedTo: toIsoDate(to),
    leftFrom: left?.from,
    leftTo: left?.to,
  };
}

/** One keyset page of the roster (cursor undefined: page 1, with the count). */
export function memberPageQuery(filters: MemberFilters, sort: MemberSort, pageSize: number, cursor: string | undefined) {
  return {
    queryKey: [...MEMBER_LIST_KEY, filters, sort, pageSize, cursor ?? null],
    queryFn: () => memberApi.keysetPage(filters, sort, pageSize, cursor),
  };
}

/**
 * Starts the first page the roster opens on at this address, for the signed-in user's own org (a link naming another
 * union with ?orgId= is left to the page, which looks that union up first).
 */
export function prefetchMembers(queryClient: QueryClient, me: TMe, url: URL): void {
  const params = url.searchParams;
  const orgId = Number(params.get('orgId'));
  if (orgId && orgId !== me.org.id) return;
  const initial = initialFiltersOf(filterKeyOf(params));
  const filters = filtersOf(me.org, subtreeOf(params), initial.form, initial.left);
  void queryClient.prefetchQuery(memberPageQuery(filters, sortOf(params), LIMITS.pageSizeDefault, undefined));
}
