// Select an organisation by typing its name, pinyin or initials (GET /orgs?q=), within the user's scope.
import { useMemo, useRef, useState, type CSSProperties } from 'react';
import { Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TOrg } from '@gonghui/common';
import { orgApi } from '../api/endpoints.ts';
import { useLabels } from '../i18n/labels.ts';
import { useDebounced } from '../utils/useDebounced.ts';

export interface OrgSelectProps {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined, org: TOrg | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Orgs that cannot be picked, e.g. a subtree that is being moved. */
  isDisabled?: (org: TOrg) => boolean;
  /** Shown while the current value is not among the search results. */
  initialOrg?: TOrg;
  style?: CSSProperties;
}

export function OrgSelect({ id, value, onChange, placeholder, allowClear, isDisabled, initialOrg, style }: OrgSelectProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const known = useRef(new Map<number, TOrg & { parentName?: string | null }>(initialOrg ? [[initialOrg.id, initialOrg]] : []));

  const results = useQuery({
    queryKey: ['orgs', 'search', q, 'select'],
    queryFn: () => orgApi.search({ q: q || undefined, pageSize: 20, status: 'active' }),
    staleTime: 30_000,
  });

  const options = useMemo(() => {
    const items = results.data?.items ?? [];
    for (const org of items) known.current.set(org.id, org);
    const current = value === undefined ? undefined : known.current.get(value);
    const list = current && !items.some((o) => o.id === current.id) ? [current, ...items] : items;
    return list.map((org) => ({
      value: org.id,
      disabled: isDisabled?.(org) ?? false,
      label: org.name,
      title: org.name,
    }));
  }, [results.data, value, isDisabled]);

  return (
    <Select<number>
      id={id}
      showSearch
      allowClear={allowClear}
      value={value}
      placeholder={placeholder ?? t('org.pickOrg')}
      filterOption={false}
      onSearch={setSearch}
      searchValue={search}
      loading={results.isFetching}
      notFoundContent={results.isFetching ? t('common.loading') : t('org.searchEmpty')}
      onChange={(v) => {
        onChange?.(v, v === undefined ? undefined : known.current.get(v));
        setSearch('');
      }}
      options={options}
      optionRender={(option) => {
        const org = known.current.get(Number(option.value));
        return (
          <Space size={6}>
            <span>{org?.name ?? option.label}</span>
            {org && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {labels.level(org.level)}
                {org.parentName ? ` · ${t('browse.parentOf', { name: org.parentName })}` : ''}
              </Typography.Text>
            )}
          </Space>
        );
      }}
      maxLength={LIMITS.search}
      style={{ width: '100%', ...style }}
    />
  );
}
