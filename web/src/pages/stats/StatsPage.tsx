// /stats (统计查询): an org and a period; one card per indicator with its breakdowns, each value opening the
// records behind it; below, the same indicators for every direct child with an xlsx export.
import { useState } from 'react';
import { Alert, Card, Col, Empty, Row, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TIndicator, TOrg } from '@gonghui/common';
import { statsApi } from '../../api/stats.ts';
import { useSession } from '../../app/session.ts';
import { errorText } from '../../utils/notify.ts';
import { ChildrenStatsTable } from './ChildrenStatsTable.tsx';
import { IndicatorCard } from './IndicatorCard.tsx';
import { OrgPicker } from './shared/OrgPicker.tsx';
import { PeriodPicker } from './shared/PeriodPicker.tsx';
import { quickRange, type DateRange } from './shared/period.ts';
import { recordsPathFor } from './shared/records.ts';
import { RecordsDrawer } from './shared/RecordsDrawer.tsx';
import { useIndicators } from './shared/useIndicators.ts';

export function StatsPage() {
  const { t } = useTranslation();
  const { org: home } = useSession();
  const [org, setOrg] = useState<TOrg>(home);
  const [range, setRange] = useState<DateRange>(() => quickRange('h1'));
  const [drill, setDrill] = useState<{ path: string; title: string }>();
  const indicators = useIndicators();
  const query = { orgId: org.id, from: range.from, to: range.to };
  const values = useQuery({ queryKey: ['stats', 'values', query], queryFn: () => statsApi.values(query) });

  const themes = groupByTheme(indicators.list);
  const error = indicators.error ?? values.error;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space size={24} wrap>
          <OrgPicker id="stats-org" org={org} home={home} onChange={setOrg} />
          <PeriodPicker value={range} onChange={setRange} />
        </Space>
      </Card>
      {error && <Alert type="error" showIcon message={errorText(error)} />}
      {indicators.isSuccess && indicators.list.length === 0 && <Empty description={t('stats.noIndicators')} />}
      {themes.map(([theme, list]) => (
        <Card key={theme} size="small" title={t(`stats.theme.${theme}`, { defaultValue: theme })} variant="borderless">
          <Row gutter={[12, 12]}>
            {list.map((ind) => {
              const path = recordsPathFor(ind, org.id, range.from, range.to);
              return (
                <Col key={ind.key} xs={24} sm={12} lg={8} xxl={6}>
                  <IndicatorCard
                    indicator={ind}
                    value={values.data?.values[ind.key]}
                    loading={values.isLoading}
                    onDrill={path ? () => setDrill({ path, title: `${org.name} · ${ind.label}` }) : undefined}
                  />
                </Col>
              );
            })}
          </Row>
        </Card>
      ))}
      {org.childCount > 0 && indicators.list.length > 0 && <ChildrenStatsTable org={org} range={range} indicators={indicators.list} />}
      <RecordsDrawer path={drill?.path} title={drill?.title} onClose={() => setDrill(undefined)} />
    </Space>
  );
}

function groupByTheme(list: TIndicator[]): [string, TIndicator[]][] {
  const map = new Map<string, TIndicator[]>();
  for (const ind of list) map.set(ind.theme, [...(map.get(ind.theme) ?? []), ind]);
  return [...map.entries()];
}
