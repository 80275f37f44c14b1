// Pieces shared by the targets tables: completion with the time-progress highlight, the 层层分解 check tag, and
// which indicators to show when nothing has been set yet.
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TIndicator } from '@gonghui/common';
import { formatNumber, formatPercent, isBehind } from '../stats/shared/format.ts';

export function Completion({ percent, timeProgress }: { percent: number | null; timeProgress: number }) {
  const { t } = useTranslation();
  if (percent === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const behind = isBehind(percent, timeProgress);
  return (
    <Tooltip title={behind ? t('target.behind', { progress: formatPercent(timeProgress) }) : undefined}>
      <span
        data-testid="target-percent"
        data-behind={behind ? 'true' : 'false'}
        style={{
          fontWeight: 600,
          fontVariantNumeric: 'tabular-nums',
          color: behind ? '#cf1322' : percent >= 100 ? '#389e0d' : '#262626',
          background: behind ? '#fff1f0' : undefined,
          padding: behind ? '0 4px' : undefined,
          borderRadius: 4,
        }}
      >
        {formatPercent(percent)}
      </span>
    </Tooltip>
  );
}

/** 层层分解: the children's targets should add up to the parent's. */
export function SplitCheck({ parent, children, unit }: { parent: number | null; children: number | null; unit: string }) {
  const { t } = useTranslation();
  if (parent === null || parent === 0) {
    return children ? <Tag>{t('target.noParentTarget')}</Tag> : null;
  }
  const sum = children ?? 0;
  if (sum === parent) return <Tag color="success">{t('target.splitOk')}</Tag>;
  const diff = formatNumber(Math.abs(parent - sum)) + unit;
  return sum < parent ? (
    <Tag color="warning" data-testid="split-warning">
      {t('target.splitBelow', { diff })}
    </Tag>
  ) : (
    <Tag color="processing" data-testid="split-warning">
      {t('target.splitAbove', { diff })}
    </Tag>
  );
}

export function ParentVsChildren({ parent, children, unit }: { parent: number | null; children: number | null; unit: string }) {
  const { t } = useTranslation();
  return (
    <Space size={6} wrap>
      <span>
        {t('target.parentTarget')} <b>{parent === null ? '—' : formatNumber(parent)}</b>
      </span>
      <span>
        {t('target.childrenSum')} <b>{formatNumber(children ?? 0)}</b>
      </span>
      <SplitCheck parent={parent} children={children} unit={unit} />
    </Space>
  );
}

/** Indicators offered by default before any target exists: the yearly growth ones (新建工会, 新增会员 …). */
export function defaultTargetKeys(list: TIndicator[]): string[] {
  const period = list.filter((i) => i.kind === 'period');
  const growth = period.filter((i) => /新建|新增|发展|入会/.test(i.label));
  return (growth.length > 0 ? growth : period.slice(0, 2)).map((i) => i.key);
}

/** A value typed into a target cell: null when cleared. */
export type Draft = Record<string, number | null>;
