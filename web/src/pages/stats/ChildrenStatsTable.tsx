// Every direct child's values side by side, the parent's total at the bottom, and the xlsx export of the same table.
import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TChildStats, TIndicator, TOrg } from '@gonghui/common';
import { statsApi } from '../../api/stats.ts';
import { notifyError } from '../../utils/notify.ts';
import { formatNumber } from './shared/format.ts';
import type { DateRange } from './shared/period.ts';

type Row = TChildStats['children'][number];

interface ChildrenStatsTableProps {
  org: TOrg;
  range: DateRange;
  indicators: TIndicator[];
}

export function ChildrenStatsTable({ org, range, indicators }: ChildrenStatsTableProps) {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const keys = indicators.map((i) => i.key);
  const query = { orgId: org.id, from: range.from, to: range.to, keys };
  const children = useQuery({
    queryKey: ['stats', 'children', query],
    queryFn: () => statsApi.children(query),
    enabled: keys.length > 0,
  });

  const columns: ColumnsType<Row> = [
    { title: t('stats.childOrg'), dataIndex: 'name', fixed: 'left', width: 240, ellipsis: true },
    ...indicators.map((ind) => ({
      key: ind.key,
      title: (
        <span>
          {ind.label}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            （{ind.unit}）
          </Typography.Text>
        </span>
      ),
      align: 'right' as const,
      width: 130,
      sorter: (a: Row, b: Row) => (a.values[ind.key] ?? 0) - (b.values[ind.key] ?? 0),
      render: (_: unknown, row: Row) => formatNumber(row.values[ind.key] ?? 0),
    })),
  ];

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await statsApi.exportChildren(query, t('stats.exportName', { org: org.name, from: range.from, to: range.to }));
    } catch (err) {
      notifyError(err);
    } finally {
      setExporting(false);
    }
  };

  const total = children.data?.total ?? {};
  return (
    <Card
      title={t('stats.childrenTitle', { org: org.name })}
      size="small"
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="stats-export">
          {t('stats.export')}
        </Button>
      }
    >
      <Table<Row>
        rowKey="orgId"
        size="small"
        bordered
        loading={children.isFetching}
        columns={columns}
        dataSource={children.data?.children ?? []}
        pagination={false}
        scroll={{ x: 240 + indicators.length * 130, y: 480 }}
        data-testid="stats-children-table"
        summary={() => (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row style={{ background: '#fff7e6', fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>{t('stats.totalRow')}</Table.Summary.Cell>
              {indicators.map((ind, i) => (
                <Table.Summary.Cell key={ind.key} index={i + 1} align="right">
                  {formatNumber(total[ind.key] ?? 0)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Card>
  );
}
