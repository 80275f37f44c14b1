// 困难职工档案 picker of the assistance form: searches the caller's files by name and offers those on file (在档 or
// due for review); picking one hands the file to the form, which fills the name and union from it.
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { THardshipFile } from '@gonghui/common';
import { hardshipApi } from '../../api/hardship.ts';

const ON_FILE = new Set<THardshipFile['status']>(['active', 'review_due']);

export function HardshipFilePicker({
  value,
  onChange,
  onPick,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  onPick: (f: THardshipFile | null) => void;
}) {
  const { t } = useTranslation();
  const [term, setTerm] = useState('');
  const files = useQuery({
    queryKey: ['hardship-files', 'picker', term],
    queryFn: () => hardshipApi.list({ q: term || undefined, page: 1, pageSize: 20 }),
  });
  const items = (files.data?.items ?? []).filter((f) => ON_FILE.has(f.status));
  return (
    <Select
      allowClear
      showSearch
      filterOption={false}
      value={value ?? undefined}
      placeholder={t('assistance.hardshipFilePlaceholder')}
      loading={files.isFetching}
      onSearch={setTerm}
      onChange={(v: number | undefined) => {
        onChange?.(v ?? null);
        onPick(items.find((f) => f.id === v) ?? null);
      }}
      options={items.map((f) => ({ value: f.id, label: `${f.name}（${f.idNumber}，${f.org.name}）` }))}
      data-testid="assistance-hardship-file"
    />
  );
}
