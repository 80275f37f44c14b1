// /dashboard (数据看板): headline figures of the year, monthly trends, children ranked by a chosen indicator and
// completion of each target against the time progress, drawn with the option builders shared with the server.
import { useState } from 'react';
import { Col, DatePicker, Row, Space } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { completionChartOption, timeProgress as progressOf, type TOrg } from '@gonghui/common';
import { statsApi, targetApi } from '../../api/stats.ts';
import { useSession } from '../../app/session.ts';
import { DashboardCharts } from './dashboard/DashboardCharts.tsx';
import { CompletionBar, KpiCard } from './dashboard/KpiCard.tsx';
import { Chart } from './dashboard/Chart.tsx';
import './dashboard/dashboard.css';
import { formatNumber, formatPercent } from './shared/format.ts';
import { OrgPicker } from './shared/OrgPicker.tsx';
import { currentYear, today } from './shared/period.ts';
import { recordsPathFor } from './shared/records.ts';
import { RecordsDrawer } from './shared/RecordsDrawer.tsx';
import { findIndicator, useIndicators } from './shared/useIndicators.ts';

export function DashboardPage() {
  const { t } = useTranslation();
  const { org: home } = useSession();
  const [org, setOrg] = useState<TOrg>(home);
  const [year, setYear] = useState(currentYear());
  const [drill, setDrill] = useState<{ path: string; title: string }>();
  const indicators = useIndicators();
  const list = indicators.list;
  const from = `${year}-01-01`;
  const to = year === currentYear() ? today() : `${year}-12-31`;

  const totalInd = findIndicator(list, ['members.total', '会员总数'], 'snapshot');
  const joinedInd = findIndicator(list, ['members.joined', '新增会员', '新入会', '发展会员'], 'period');
  const foundedInd = findIndicator(list, ['orgs.founded', '新建工会'], 'period');
  const kpiKeys = [totalInd, joinedInd, foundedInd].filter((i) => i !== undefined).map((i) => i.key);
  const range = { orgId: org.id, from, to, keys: kpiKeys };
  const values = useQuery({ queryKey: ['stats', 'values', range], queryFn: () => statsApi.values(range), enabled: kpiKeys.length > 0 });
  const targets = useQuery({ queryKey: ['targets', org.id, year, 'own'], queryFn: () => targetApi.get(org.id, year) });

  const withTarget = (targets.data?.items ?? []).filter((i) => i.target > 0);
  const timeProgress = targets.data?.items[0]?.timeProgress ?? progressOf(year, to);
  // Percentages of unrelated targets do not average: count those on schedule and show each one.
  const onTrack = withTarget.filter((i) => (i.percent ?? 0) >= timeProgress).length;

  const kpi = (ind: typeof totalInd, label: string, gold = false) => {
    const v = ind ? values.data?.values[ind.key]?.value : undefined;
    const path = ind ? recordsPathFor(ind, org.id, from, to) : null;
    return (
      <KpiCard
        label={label}
        value={formatNumber(v ?? 0)}
        unit={ind?.unit}
        gold={gold}
        loading={values.isLoading}
        testId={ind ? `kpi-${ind.key}` : undefined}
        foot={ind?.kind === 'snapshot' ? t('dashboard.asOf', { date: to }) : t('dashboard.sinceJan', { from, to })}
        onClick={ind && path ? () => setDrill({ path, title: `${org.name} · ${ind.label}` }) : undefined}
      />
    );
  };

  return (
    <div className="dash" data-testid="dashboard">
      <div className="dash-banner">
        <div>
          <h1 className="dash-title">{t('dashboard.title', { org: org.name })}</h1>
          <div className="dash-subtitle">{t('dashboard.subtitle', { year, date: to })}</div>
        </div>
        <Space className="dash-controls" size={16} wrap>
          <OrgPicker id="dashboard-org" org={org} home={home} onChange={setOrg} />
          <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} />
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          {kpi(totalInd, t('dashboard.kpiTotal'))}
        </Col>
        <Col xs={24} sm={12} xl={6}>
          {kpi(joinedInd, t('dashboard.kpiJoined'), true)}
        </Col>
        <Col xs={24} sm={12} xl={6}>
          {kpi(foundedInd, t('dashboard.kpiFounded'))}
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <KpiCard
            label={t('dashboard.completion')}
            value={withTarget.length ? `${onTrack} / ${withTarget.length}` : '—'}
            unit={withTarget.length ? t('dashboard.onTrackUnit') : undefined}
            gold
            loading={targets.isLoading}
            testId="kpi-completion"
            foot={
              <div>
                {withTarget.slice(0, 3).map((i) => (
                  <div key={i.key} data-testid={`kpi-target-${i.key}`}>
                    {i.label} {formatPercent(i.percent ?? 0)}
                    <CompletionBar percent={i.percent} timeProgress={timeProgress} />
                  </div>
                ))}
                {t('dashboard.timeProgress', { progress: formatPercent(timeProgress), count: withTarget.length })}
              </div>
            }
          />
        </Col>
      </Row>
      <DashboardCharts
        org={org}
        year={year}
        from={from}
        to={to}
        indicators={list}
        defaultRankKey={totalInd?.key}
        defaultTrendKey={joinedInd?.key}
        onDrill={setDrill}
      />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col span={24}>
          <div className="dash-panel">
            <div className="dash-panel-head">
              <span className="dash-panel-title">{t('dashboard.completionTitle', { year })}</span>
            </div>
            <Chart
              testId="chart-completion"
              height={320}
              option={completionChartOption(
                withTarget.map((i) => ({ label: i.label, percent: i.percent })),
                timeProgress,
                '',
              )}
            />
          </div>
        </Col>
      </Row>
      <RecordsDrawer path={drill?.path} title={drill?.title} onClose={() => setDrill(undefined)} />
    </div>
  );
}
