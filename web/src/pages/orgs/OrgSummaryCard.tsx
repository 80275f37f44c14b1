// Subtree counts: total, active, dissolved, and per level and kind (GET /orgs/:id/summary).
import { Col, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, ORG_LEVELS } from '@gonghui/common';
import { useLabels } from '../../i18n/labels.ts';
import { orgSummaryQuery } from './orgQueries.ts';

function Counts({ title, entries }: { title: string; entries: [string, number][] }) {
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Text type="secondary" style={{ marginInlineEnd: 4 }}>
        {title}
      </Typography.Text>
      <Space size={[4, 4]} wrap>
        {entries.map(([label, n]) => (
          <Tag key={label} bordered={false} color="blue">
            {label} {n}
          </Tag>
        ))}
      </Space>
    </div>
  );
}

export function OrgSummaryCard({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const summary = useQuery(orgSummaryQuery(orgId));
  if (!summary.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  const s = summary.data;
  const byLevel = ORG_LEVELS.filter((l) => s.byLevel[l]).map((l): [string, number] => [labels.level(l), s.byLevel[l] ?? 0]);
  const byKind = ORG_KINDS.filter((k) => s.byKind[k]).map((k): [string, number] => [labels.kind(k), s.byKind[k] ?? 0]);
  return (
    <div data-testid="org-summary">
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t('org.orgCount')} value={s.orgCount} />
        </Col>
        <Col span={8}>
          <Statistic title={t('org.active')} value={s.active} valueStyle={{ color: '#3f8600' }} />
        </Col>
        <Col span={8}>
          <Statistic title={t('org.dissolved')} value={s.dissolved} valueStyle={{ color: s.dissolved ? '#999' : undefined }} />
        </Col>
      </Row>
      <Counts title={t('org.byLevel')} entries={byLevel} />
      <Counts title={t('org.byKind')} entries={byKind} />
    </div>
  );
}
