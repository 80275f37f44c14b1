// A few key figures of the user's own union for the 工作台, from the same APIs as the 数据看板: 会员总数 and 本年新增会员
// (statistics), 基层工会数 (the org summary). Each shows only with the permission its API needs.
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../app/session.ts';
import { today } from '../stats/shared/period.ts';
import { useIndicators } from '../stats/shared/useIndicators.ts';
import { figureIndicators, figuresRange, orgSummaryQuery, statsValuesQuery } from './workbenchQueries.ts';

interface Figure {
  key: string;
  label: string;
  value: number | undefined;
  unit?: string;
  loading: boolean;
}

export function OrgFigures() {
  const { t } = useTranslation();
  const { org } = useSession();
  const can = useCan();
  const canStats = can('stats:read');
  const canOrgs = can('org:read');
  const indicators = useIndicators();
  const { total: totalInd, joined: joinedInd } = figureIndicators(indicators.list, canStats);
  const keys = [totalInd, joinedInd].filter((i) => i !== undefined).map((i) => i.key);
  const values = useQuery({ ...statsValuesQuery(figuresRange(org.id, keys)), enabled: keys.length > 0 });
  const summary = useQuery({ ...orgSummaryQuery(org.id), enabled: canOrgs });

  const figures: Figure[] = [];
  const stat = (key: string | undefined) => (key ? values.data?.values[key]?.value : undefined);
  if (totalInd)
    figures.push({
      key: 'members-total',
      label: t('workbench.membersTotal'),
      value: stat(totalInd.key),
      unit: totalInd.unit,
      loading: values.isPending,
    });
  if (canOrgs)
    figures.push({
      key: 'grassroots',
      label: t('workbench.grassroots'),
      value: summary.data?.byLevel.grassroots ?? 0,
      unit: '家',
      loading: summary.isPending,
    });
  if (joinedInd)
    figures.push({
      key: 'members-joined',
      label: t('workbench.joinedThisYear'),
      value: stat(joinedInd.key),
      unit: joinedInd.unit,
      loading: values.isPending,
    });
  if (figures.length === 0) return null;

  return (
    <Card title={t('workbench.figures')} data-testid="workbench-figures">
      <Typography.Paragraph type="secondary" ellipsis={{ tooltip: true }} style={{ marginTop: -8 }}>
        {t('workbench.figuresOrg', { org: org.name, date: today() })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} sm={8}>
            <Statistic
              title={f.label}
              value={f.value ?? '—'}
              suffix={f.value === undefined ? undefined : f.unit}
              loading={f.loading}
              data-testid={`figure-${f.key}`}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
