// One indicator's value (clickable to its records when there is a list) and its breakdowns as small tag groups.
import { Card, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TIndicator, TStatValue } from '@gonghui/common';
import { useDimensionLabels } from './shared/dimensions.ts';
import { formatNumber, formatYuanAmount } from './shared/format.ts';

interface IndicatorCardProps {
  indicator: TIndicator;
  value: TStatValue | undefined;
  loading: boolean;
  /** Opens the records behind the value; absent when there is no list to show. */
  onDrill?: () => void;
}

export function IndicatorCard({ indicator, value, loading, onDrill }: IndicatorCardProps) {
  const { t } = useTranslation();
  const dims = useDimensionLabels();
  // Money (元) always with two decimals: 800 → 800.00.
  const format = (n: number) => (indicator.unit === '元' ? formatYuanAmount(n) : formatNumber(n));
  const number = (
    <span style={{ fontSize: 28, fontWeight: 600, color: '#8b1a1a', fontVariantNumeric: 'tabular-nums' }}>{format(value?.value ?? 0)}</span>
  );
  return (
    <Card
      size="small"
      loading={loading}
      title={indicator.label}
      extra={<Tag color={indicator.kind === 'period' ? 'gold' : 'red'}>{t(`stats.kind.${indicator.kind}`)}</Tag>}
      style={{ borderTop: '3px solid #c8161d', height: '100%' }}
      data-testid={`indicator-card-${indicator.key}`}
    >
      <Space align="baseline" size={4}>
        {onDrill ? (
          <Tooltip title={t('stats.drill')}>
            <Typography.Link onClick={onDrill} data-testid="indicator-value">
              {number}
            </Typography.Link>
          </Tooltip>
        ) : (
          <span data-testid="indicator-value">{number}</span>
        )}
        <Typography.Text type="secondary">{indicator.unit}</Typography.Text>
      </Space>
      {Object.entries(value?.breakdown ?? {}).map(([dim, members]) => {
        const entries = Object.entries(members)
          .filter(([, n]) => n !== 0)
          .sort((a, b) => b[1] - a[1]);
        if (entries.length === 0) return null;
        return (
          <div key={dim} style={{ marginTop: 8 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dims.dimension(dim, indicator.key)}
            </Typography.Text>
            <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
              {entries.map(([m, n]) => (
                <Tag key={m} bordered={false} style={{ marginInlineEnd: 0 }}>
                  {dims.member(dim, m, indicator.key)} <b>{format(n)}</b>
                </Tag>
              ))}
            </div>
          </div>
        );
      })}
    </Card>
  );
}
