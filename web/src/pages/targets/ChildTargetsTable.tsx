// Each direct child's target per indicator (typed inline by the parent's cadres, saved with one PUT per child),
// its actual, completion against the time progress and rank; the first row checks 层层分解 against the parent.
import { useState } from 'react';
import { Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TChildTargets, TIndicator, TOrg, TTargetsPut } from '@gonghui/common';
import { targetApi } from '../../api/stats.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';
import { useIsPhone } from '../../utils/useIsPhone.ts';
import { formatNumber } from '../stats/shared/format.ts';
import { Completion, ParentVsChildren, type Draft } from './targetShared.tsx';

type Row = TChildTargets['children'][number];

interface ChildTargetsTableProps {
  org: TOrg;
  year: number;
  data: TChildTargets | undefined;
  loading: boolean;
  indicators: TIndicator[];
  /** The parent's own target per key (its targets endpoint), for keys the children endpoint does not list yet. */
  parentTargets: Record<string, number | null>;
  canEdit: boolean;
  onSaved: () => void;
}

export function ChildTargetsTable({ org, year, data, loading, indicators, parentTargets, canEdit, onSaved }: ChildTargetsTableProps) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const nameWidth = phone ? 112 : 220;
  const [drafts, setDrafts] = useState<Map<number, Draft>>(new Map());
  const [saving, setSaving] = useState<Set<number>>(new Set());
  const timeProgress = data?.timeProgress ?? 0;
  const rows = data?.children ?? [];

  const targetOf = (row: Row, key: string): number | null => {
    const d = drafts.get(row.orgId);
    if (d && Object.hasOwn(d, key)) return d[key] ?? null;
    return row.items[key]?.target ?? null;
  };
  const setDraft = (orgId: number, key: string, v: number | null) =>
    setDrafts((prev) => new Map(prev).set(orgId, { ...(prev.get(orgId) ?? {}), [key]: v }));

  /** All targets the child has for the year, typed values first; a cleared cell is left out. */
  const bodyOf = (row: Row): TTargetsPut => {
    const body: TTargetsPut = {};
    const keys = new Set([...Object.keys(row.items), ...indicators.map((i) => i.key), ...Object.keys(drafts.get(row.orgId) ?? {})]);
    for (const key of keys) {
      const v = targetOf(row, key);
      if (v !== null) body[key] = v;
    }
    return body;
  };

  const saveRows = async (list: Row[]) => {
    if (list.length === 0) return;
    setSaving(new Set(list.map((r) => r.orgId)));
    let ok = 0;
    for (const row of list) {
      try {
        await targetApi.put(row.orgId, year, bodyOf(row));
        ok++;
        setDrafts((prev) => {
          const next = new Map(prev);
          next.delete(row.orgId);
          return next;
        });
      } catch (err) {
        notifyError(err);
        break;
      }
    }
    setSaving(new Set());
    if (ok > 0) {
      notifySuccess(t('target.savedChildren', { count: ok }));
      onSaved();
    }
  };

  const dirty = rows.filter((r) => drafts.has(r.orgId));
  const childSum = (key: string) => rows.reduce((s, r) => s + (targetOf(r, key) ?? 0), 0);
  const parentOf = (key: string) => data?.keys.find((k) => k.key === key)?.parentTarget ?? parentTargets[key] ?? null;

  const columns: ColumnsType<Row> = [
    { title: t('target.childOrg'), dataIndex: 'name', fixed: 'left', width: nameWidth, ellipsis: true },
    ...indicators.map((ind) => ({
      key: ind.key,
      title: `${ind.label}（${ind.unit}）`,
      children: indicatorColumns(ind, timeProgress, canEdit, targetOf, setDraft, t),
    })),
  ];
  if (canEdit) {
    columns.push({
      title: t('target.actions'),
      key: 'actions',
      // On a phone the first column alone stays put: two fixed columns would leave no room for the figures.
      fixed: phone ? undefined : 'right',
      width: 90,
      render: (_: unknown, row: Row) => (
        <Button
          size="small"
          type="link"
          disabled={!drafts.has(row.orgId)}
          loading={saving.has(row.orgId)}
          onClick={() => void saveRows([row])}
        >
          {t('common.save')}
        </Button>
      ),
    });
  }

  return (
    <Card
      size="small"
      title={t('target.childrenTitle', { org: org.name, year })}
      extra={
        canEdit && (
          <Space>
            {dirty.length > 0 && <Tag color="orange">{t('target.unsaved', { count: dirty.length })}</Tag>}
            <Button
              type="primary"
              icon={<SaveOutlined />}
              disabled={dirty.length === 0}
              loading={saving.size > 0}
              onClick={() => void saveRows(dirty)}
              data-testid="targets-save-all"
            >
              {t('target.saveAll')}
            </Button>
          </Space>
        )
      }
    >
      <Table<Row>
        rowKey="orgId"
        size="small"
        bordered
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: nameWidth + indicators.length * 400 + (canEdit ? 90 : 0), y: 560 }}
        data-testid="child-targets-table"
        summary={() => (
          <Table.Summary fixed="top">
            <Table.Summary.Row style={{ background: '#fffbe6' }}>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('target.splitRow')}</Typography.Text>
              </Table.Summary.Cell>
              {indicators.map((ind, i) => (
                <Table.Summary.Cell key={ind.key} index={1 + i * 4} colSpan={4}>
                  <span data-testid={`split-${ind.key}`}>
                    <ParentVsChildren parent={parentOf(ind.key)} children={childSum(ind.key)} unit={ind.unit} />
                  </span>
                </Table.Summary.Cell>
              ))}
              {canEdit && <Table.Summary.Cell index={1 + indicators.length * 4} />}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Card>
  );
}

function indicatorColumns(
  ind: TIndicator,
  timeProgress: number,
  canEdit: boolean,
  targetOf: (row: Row, key: string) => number | null,
  setDraft: (orgId: number, key: string, v: number | null) => void,
  t: (key: string) => string,
): ColumnType<Row>[] {
  const item = (row: Row) => row.items[ind.key];
  return [
    {
      title: t('target.target'),
      key: `${ind.key}.target`,
      width: 120,
      align: 'right',
      render: (_: unknown, row: Row) =>
        canEdit ? (
          <InputNumber<number>
            size="small"
            min={0}
            max={1e12}
            precision={ind.unit === '元' ? 2 : 0}
            value={targetOf(row, ind.key)}
            onChange={(v) => setDraft(row.orgId, ind.key, v ?? null)}
            style={{ width: '100%' }}
            aria-label={`${row.name} ${ind.label} ${t('target.target')}`}
            data-testid={`target-input-${row.orgId}-${ind.key}`}
          />
        ) : (
          formatNumber(item(row)?.target)
        ),
    },
    {
      title: t('target.actual'),
      key: `${ind.key}.actual`,
      width: 90,
      align: 'right',
      render: (_: unknown, row: Row) => formatNumber(item(row)?.actual ?? 0),
    },
    {
      title: t('target.percent'),
      key: `${ind.key}.percent`,
      width: 110,
      align: 'right',
      sorter: (a: Row, b: Row) => (item(a)?.percent ?? -1) - (item(b)?.percent ?? -1),
      render: (_: unknown, row: Row) => <Completion percent={item(row)?.percent ?? null} timeProgress={timeProgress} />,
    },
    {
      title: t('target.rank'),
      key: `${ind.key}.rank`,
      width: 80,
      align: 'center',
      render: (_: unknown, row: Row) => {
        const rank = item(row)?.rank ?? null;
        return rank === null ? '—' : <Tag color={rank <= 3 ? 'red' : 'default'}>{rank}</Tag>;
      },
    },
  ];
}
