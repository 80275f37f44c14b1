// The dashboard's middle row: the monthly trend of a chosen indicator and the children ranked by another.
import { useState } from 'react';
import { Col, Empty, Row, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { childrenRankChartOption, trendChartOption, type TIndicator, type TOrg } from '@gonghui/common';
import { statsApi } from '../../../api/stats.ts';
import { recordsPathFor } from '../shared/records.ts';
import { Chart } from './Chart.tsx';

interface DashboardChartsProps {
  org: TOrg;
  year: number;
  from: string;
  to: string;
  indicators: TIndicator[];
  defaultTrendKey?: string;
  defaultRankKey?: string;
  onDrill: (d: { path: string; title: string }) => void;
}

export function DashboardCharts({ org, year, from, to, indicators, defaultTrendKey, defaultRankKey, onDrill }: DashboardChartsProps) {
  const { t } = useTranslation();
  const [trendKey, setTrendKey] = useState<string>();
  const [rankKey, setRankKey] = useState<string>();
  const tKey = trendKey ?? defaultTrendKey ?? indicators[0]?.key;
  const rKey = rankKey ?? defaultRankKey ?? indicators[0]?.key;
  const tInd = indicators.find((i) => i.key === tKey);
  const rInd = indicators.find((i) => i.key === rKey);
  const options = indicators.map((i) => ({ value: i.key, label: i.label }));

  const trend = useQuery({
    queryKey: ['stats', 'trend', org.id, year, tKey],
    queryFn: () => statsApi.trend(org.id, year, tKey ? [tKey] : undefined),
    enabled: tKey !== undefined,
  });
  const rankQuery = { orgId: org.id, from, to, keys: rKey ? [rKey] : [] };
  const children = useQuery({
    queryKey: ['stats', 'children', rankQuery],
    queryFn: () => statsApi.children(rankQuery),
    enabled: rKey !== undefined && org.childCount > 0,
  });

  const labels = Object.fromEntries(indicators.map((i) => [i.key, i.label]));
  const units = Object.fromEntries(indicators.map((i) => [i.key, i.unit]));
  const rows = (children.data?.children ?? []).map((c) => ({ orgId: c.orgId, name: c.name, value: rKey ? (c.values[rKey] ?? 0) : 0 }));
  const drillChild = (name: string) => {
    const row = rows.find((r) => r.name === name);
    const path = row && rInd ? recordsPathFor(rInd, row.orgId, from, to) : null;
    if (row && rInd && path) onDrill({ path, title: `${row.name} · ${rInd.label}` });
  };

  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={12}>
        <div className="dash-panel">
          <div className="dash-panel-head">
            <span className="dash-panel-title">{t('dashboard.trendTitle', { year })}</span>
            <Select value={tKey} onChange={setTrendKey} options={options} style={{ width: 200 }} size="small" data-testid="trend-key" />
          </div>
          {trend.data ? (
            <Chart
              testId="chart-trend"
              height={360}
              option={trendChartOption(trend.data, labels, { type: tInd?.kind === 'period' ? 'bar' : 'line', units, title: '' })}
            />
          ) : (
            <Empty style={{ height: 360, paddingTop: 120 }} description={trend.isLoading ? t('common.loading') : t('dashboard.noData')} />
          )}
        </div>
      </Col>
      <Col xs={24} xl={12}>
        <div className="dash-panel">
          <div className="dash-panel-head">
            <span className="dash-panel-title">{t('dashboard.rankTitle')}</span>
            <Select value={rKey} onChange={setRankKey} options={options} style={{ width: 200 }} size="small" data-testid="rank-key" />
          </div>
          {rows.length > 0 ? (
            <Chart
              testId="chart-rank"
              height={Math.max(360, rows.length * 28 + 60)}
              option={childrenRankChartOption(rows, '', rInd?.unit ?? '')}
              onClickName={drillChild}
            />
          ) : (
            <Empty
              style={{ height: 360, paddingTop: 120 }}
              description={children.isLoading ? t('common.loading') : t('dashboard.noChildren')}
            />
          )}
        </div>
      </Col>
    </Row>
  );
}
