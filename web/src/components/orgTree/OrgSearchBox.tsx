// Search above the tree: name, pinyin or initials (GET /orgs?q=&pageSize=20); picking a result selects it in the tree.
// Each hit names its parent: two look-alike unions are told apart by where they sit.
import { useState } from 'react';
import { Input, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TOrg, type TOrgSearchHit } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { useLabels } from '../../i18n/labels.ts';
import { useDebounced } from '../../utils/useDebounced.ts';

const RESULT_COUNT = 20;

export function OrgSearchBox({ onPick }: { onPick: (org: TOrg) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const results = useQuery({
    queryKey: ['orgs', 'search', q],
    queryFn: () => orgApi.search({ q, pageSize: RESULT_COUNT }),
    enabled: q.length > 0,
  });
  const showResults = q.length > 0 && text.trim().length > 0;
  const items = results.data?.items ?? [];
  const total = results.data?.total ?? 0;

  return (
    <div style={{ marginBottom: 12 }}>
      <Input.Search
        id="org-search"
        data-testid="org-search"
        allowClear
        value={text}
        maxLength={LIMITS.search}
        placeholder={t('org.searchPlaceholder')}
        aria-label={t('org.searchPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        loading={results.isFetching}
      />
      {showResults && (
        <List<TOrgSearchHit>
          size="small"
          bordered
          loading={results.isPending}
          style={{ marginTop: 8, maxHeight: 280, overflow: 'auto', background: '#fff' }}
          data-testid="org-search-results"
          dataSource={items}
          locale={{ emptyText: t('org.searchEmpty') }}
          footer={
            total > items.length ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('org.searchMore', { total, shown: items.length })}
              </Typography.Text>
            ) : undefined
          }
          renderItem={(org) => (
            <List.Item
              style={{ cursor: 'pointer' }}
              data-testid="org-search-result"
              onClick={() => {
                setText('');
                onPick(org);
              }}
            >
              <div style={{ minWidth: 0 }}>
                <div>
                  {org.name}
                  {org.status === 'dissolved' && <Tag style={{ marginInlineStart: 6 }}>{labels.status(org.status)}</Tag>}
                </div>
                {org.parentName && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="org-search-result-parent">
                    {t('browse.parentOf', { name: org.parentName })}
                  </Typography.Text>
                )}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none', marginInlineStart: 8 }}>
                {labels.level(org.level)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
