// The org's own targets for the year: set by its parent's cadres (or by the root org for itself), with actual,
// completion, time progress, the same period last year and the sum its children were given.
import { useState } from 'react';
import { Button, Card, InputNumber, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TIndicator, TOrg, TTargetItem, TTargets, TTargetsPut } from '@gonghui/common';
import { targetApi } from '../../api/stats.ts';
import { notifySuccess, showFormError } from '../../utils/notify.ts';
import { formatNumber, formatPercent } from '../stats/shared/format.ts';
import { Completion, SplitCheck, type Draft } from './targetShared.tsx';

interface Row {
  key: string;
  label: string;
  unit: string;
  item: TTargetItem | undefined;
}

interface OwnTargetsCardProps {
  org: TOrg;
  year: number;
  data: TTargets | undefined;
  loading: boolean;
  indicators: TIndicator[];
  canEdit: boolean;
  /** Holds target:manage: without it the card is plainly read-only, with it the parent sets these targets. */
  canManage: boolean;
  /** The year's time progress when the org has no target item to carry it. */
  timeProgress: number;
  onSaved: () => void;
}

export function OwnTargetsCard({
  org,
  year,
  data,
  loading,
  indicators,
  canEdit,
  canManage,
  timeProgress: fallbackProgress,
  onSaved,
}: OwnTargetsCardProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({});
  const [saving, setSaving] = useState(false);
  const items = new Map((data?.items ?? []).map((i) => [i.key, i]));
  const rows: Row[] = [
    ...indicators.map((ind) => ({ key: ind.key, label: ind.label, unit: ind.unit, item: items.get(ind.key) })),
    ...[...items.values()]
      .filter((i) => !indicators.some((ind) => ind.key === i.key))
      .map((i) => ({ key: i.key, label: i.label, unit: i.unit, item: i })),
  ];
  const timeProgress = data?.items[0]?.timeProgress ?? fallbackProgress;
  const valueOf = (r: Row): number | null => (Object.hasOwn(draft, r.key) ? (draft[r.key] ?? null) : (r.item?.target ?? null));
  const dirty = Object.keys(draft).length > 0;

  const save = async () => {
    const body: TTargetsPut = {};
    for (const r of rows) {
      const v = valueOf(r);
      if (v !== null && (Object.hasOwn(draft, r.key) || (r.item?.target ?? 0) > 0)) body[r.key] = v;
    }
    setSaving(true);
    try {
      await targetApi.put(org.id, year, body);
      setDraft({});
      notifySuccess(t('common.saved'));
      onSaved();
    } catch (err) {
      showFormError(undefined, err);
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<Row> = [
    { title: t('target.indicator'), dataIndex: 'label', width: 120, fixed: 'left' },
    {
      title: t('target.yearTarget'),
      key: 'target',
      width: 150,
      align: 'right',
      render: (_: unknown, r: Row) =>
        canEdit ? (
          <InputNumber<number>
            size="small"
            min={0}
            max={1e12}
            precision={r.unit === '元' ? 2 : 0}
            value={valueOf(r)}
            addonAfter={r.unit}
            aria-label={`${r.label} ${t('target.yearTarget')}`}
            onChange={(v) => setDraft((d) => ({ ...d, [r.key]: v ?? null }))}
            data-testid={`own-target-input-${r.key}`}
          />
        ) : (
          `${formatNumber(r.item?.target)}${r.unit}`
        ),
    },
    {
      title: t('target.actual'),
      key: 'actual',
      width: 100,
      align: 'right',
      render: (_: unknown, r: Row) => formatNumber(r.item?.actual ?? 0),
    },
    {
      title: t('target.percent'),
      key: 'percent',
      width: 110,
      align: 'right',
      render: (_: unknown, r: Row) => <Completion percent={r.item?.percent ?? null} timeProgress={r.item?.timeProgress ?? timeProgress} />,
    },
    {
      title: t('target.timeProgress'),
      key: 'tp',
      width: 100,
      // On a phone the page's header shows the time progress once.
      responsive: ['md'],
      align: 'right',
      render: (_: unknown, r: Row) => formatPercent(r.item?.timeProgress ?? timeProgress),
    },
    {
      title: t('target.lastYear'),
      key: 'ly',
      width: 100,
      align: 'right',
      responsive: ['md'],
      render: (_: unknown, r: Row) => formatNumber(r.item?.lastYear),
    },
    {
      title: t('target.childrenTarget'),
      key: 'ct',
      render: (_: unknown, r: Row) => (
        <span>
          {formatNumber(r.item?.childrenTarget)}{' '}
          {r.item?.childrenTarget !== null && r.item !== undefined && (
            <SplitCheck parent={valueOf(r)} children={r.item.childrenTarget} unit={r.unit} />
          )}
        </span>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('target.ownTitle', { org: org.name, year })}
      extra={
        canEdit ? (
          <Button
            icon={<SaveOutlined />}
            type={dirty ? 'primary' : 'default'}
            disabled={!dirty}
            loading={saving}
            onClick={() => void save()}
            data-testid="own-targets-save"
          >
            {t('common.save')}
          </Button>
        ) : (
          canManage && <Typography.Text type="secondary">{t('target.ownReadOnly')}</Typography.Text>
        )
      }
    >
      <Table<Row>
        rowKey="key"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="own-targets-table"
      />
    </Card>
  );
}
