// Pick a union anywhere in the federation by name (GET /org-directory?q=): active unions, names only, shown as
// 名称（上级名称）. Unlike OrgSelect it is not limited to the user's scope.
import { useMemo, useRef, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@gonghui/common';
import { orgDirectoryApi, type DirectoryOrg } from '../api/transfers.ts';
import { useDebounced } from '../utils/useDebounced.ts';

export interface OrgDirectorySelectProps {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined, org: DirectoryOrg | undefined) => void;
  placeholder?: string;
  emptyText?: string;
  /** Orgs that cannot be picked, e.g. the member's current union. */
  disabledIds?: readonly number[];
  testId?: string;
}

export function directoryLabel(org: DirectoryOrg): string {
  return org.parentName ? `${org.name}（${org.parentName}）` : org.name;
}

export function OrgDirectorySelect({ id, value, onChange, placeholder, emptyText, disabledIds, testId }: OrgDirectorySelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const known = useRef(new Map<number, DirectoryOrg>());
  const results = useQuery({
    queryKey: ['org-directory', q],
    queryFn: () => orgDirectoryApi.search(q),
    enabled: q.length > 0,
    staleTime: 60_000,
  });

  const options = useMemo(() => {
    const items = q ? (results.data ?? []) : [];
    for (const org of items) known.current.set(org.id, org);
    const current = value === undefined ? undefined : known.current.get(value);
    const list = current && !items.some((o) => o.id === current.id) ? [current, ...items] : items;
    return list.map((org) => ({
      value: org.id,
      label: directoryLabel(org),
      title: directoryLabel(org),
      disabled: disabledIds?.includes(org.id) ?? false,
    }));
  }, [q, results.data, value, disabledIds]);

  const searching = q.length > 0 && results.isFetching;
  return (
    <Select<number>
      id={id}
      data-testid={testId}
      showSearch
      allowClear
      value={value}
      placeholder={placeholder}
      filterOption={false}
      onSearch={setSearch}
      searchValue={search}
      loading={searching}
      notFoundContent={searching ? t('common.loading') : q ? (emptyText ?? t('org.searchEmpty')) : null}
      onChange={(v) => {
        onChange?.(v, v === undefined ? undefined : known.current.get(v));
        setSearch('');
      }}
      options={options}
      maxLength={LIMITS.search}
      style={{ width: '100%' }}
    />
  );
}
