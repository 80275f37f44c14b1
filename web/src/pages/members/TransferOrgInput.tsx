// The receiving union of a transfer: found by search within the user's scope, or typed as an org number (the
// receiving union may sit anywhere in the federation; the server checks the number).
import { useState } from 'react';
import { InputNumber, Segmented, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TOrg } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useDebounced } from '../../utils/useDebounced.ts';

interface Props {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  /** The member's current union, which cannot be picked. */
  currentOrgId: number;
}

function OrgNumberHint({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  // Out-of-scope numbers answer 404: that is expected here, so the error is kept out of the global message.
  const lookup = useQuery({
    queryKey: ['org', orgId, 'lookup'],
    queryFn: () => orgApi.get(orgId).catch(() => null),
    staleTime: 60_000,
  });
  if (lookup.isPending) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  const org: TOrg | null | undefined = lookup.data;
  if (!org) return <Typography.Text type="warning">{t('member.transferIdOutside', { id: orgId })}</Typography.Text>;
  return (
    <Typography.Text type="success" data-testid="transfer-org-found">
      {org.name}
    </Typography.Text>
  );
}

export function TransferOrgInput({ id, value, onChange, currentOrgId }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'search' | 'id'>('search');
  const debounced = useDebounced(value, 400);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={8}>
      <Segmented<'search' | 'id'>
        size="small"
        value={mode}
        onChange={(m) => {
          setMode(m);
          onChange?.(undefined);
        }}
        options={[
          { value: 'search', label: <span data-testid="transfer-mode-search">{t('member.transferBySearch')}</span> },
          { value: 'id', label: <span data-testid="transfer-mode-id">{t('member.transferById')}</span> },
        ]}
      />
      {mode === 'search' ? (
        <OrgSelect id={id} value={value} onChange={(v) => onChange?.(v)} isDisabled={(o) => o.id === currentOrgId} />
      ) : (
        <>
          <InputNumber<number>
            id={id}
            style={{ width: '100%' }}
            min={1}
            max={2_147_483_647}
            precision={0}
            controls={false}
            value={value}
            placeholder={t('member.transferIdPlaceholder')}
            onChange={(v) => onChange?.(v ?? undefined)}
          />
          {debounced !== undefined && debounced === value ? (
            <OrgNumberHint orgId={debounced} />
          ) : (
            <Typography.Text type="secondary">{t('member.transferIdHint')}</Typography.Text>
          )}
        </>
      )}
    </Space>
  );
}
