// Right-hand side of /orgs: the selected org's fields, subtree counts, history, and the actions the user may take.
import { Card, Empty, Skeleton, Space, Tag } from 'antd';
import { ProDescriptions, type ProDescriptionsItemProps } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrgLevel, TOrg, TOrgEvent } from '@gonghui/common';
import { useCan } from '../../app/session.ts';
import { useLabels, type Labels } from '../../i18n/labels.ts';
import { formatDate } from '../../utils/format.ts';
import { useIsPhone } from '../../utils/useIsPhone.ts';
import { OrgCreateModal } from './OrgCreateModal.tsx';
import { OrgEditModal } from './OrgEditModal.tsx';
import { OrgEventModal } from './OrgEventModal.tsx';
import { MemberCount, TermText } from './OrgFacts.tsx';
import { OrgHistoryTable } from './OrgHistoryTable.tsx';
import { OrgImportModal } from './OrgImportModal.tsx';
import { OrgSummaryCard } from './OrgSummaryCard.tsx';
import { orgQuery } from './orgQueries.ts';

export interface OrgDetailPanelProps {
  orgId: number | undefined;
  parentLevel: OrgLevel | undefined;
  onCreated: (parent: TOrg, child: TOrg) => void;
  onUpdated: (org: TOrg) => void;
  onEventRecorded: (org: TOrg, event: TOrgEvent) => void;
  /** After a 组织名册 import under `org` has written its orgs. */
  onImported: (org: TOrg) => void;
}

const text = (v: string | number | null) => (v === null || v === '' ? '—' : String(v));

function columns(labels: Labels, showMembers: boolean): ProDescriptionsItemProps<TOrg>[] {
  const f = labels.field;
  const t = labels.t;
  return [
    { title: f('name'), dataIndex: 'name', span: 2, render: (_d, o) => <strong data-testid="org-detail-name">{o.name}</strong> },
    { title: f('level'), dataIndex: 'level', render: (_d, o) => labels.level(o.level) },
    { title: f('kind'), dataIndex: 'kind', render: (_d, o) => labels.kind(o.kind) },
    {
      title: labels.t('org.status'),
      dataIndex: 'status',
      render: (_d, o) => (
        <Tag color={o.status === 'active' ? 'green' : 'default'}>
          {labels.status(o.status)}
          {o.dissolvedAt ? `（${o.dissolvedAt}）` : ''}
        </Tag>
      ),
    },
    { title: f('uscc'), dataIndex: 'uscc', render: (_d, o) => <span style={{ fontFamily: 'monospace' }}>{text(o.uscc)}</span> },
    { title: f('divisionCode'), dataIndex: 'divisionCode', render: (_d, o) => text(o.divisionCode) },
    { title: f('foundedAt'), dataIndex: 'foundedAt', render: (_d, o) => formatDate(o.foundedAt) },
    { title: f('chairName'), dataIndex: 'chairName', render: (_d, o) => text(o.chairName) },
    { title: f('contactName'), dataIndex: 'contactName', render: (_d, o) => text(o.contactName) },
    { title: f('employerName'), dataIndex: 'employerName', render: (_d, o) => text(o.employerName) },
    { title: f('headcount'), dataIndex: 'headcount', render: (_d, o) => text(o.headcount) },
    { title: f('address'), dataIndex: 'address', span: 2, render: (_d, o) => text(o.address) },
    ...(showMembers
      ? [{ title: t('browse.members'), key: 'members', span: 2, render: (_d: unknown, o: TOrg) => <MemberCount org={o} /> }]
      : []),
    {
      title: t('browse.term'),
      key: 'term',
      span: 2,
      render: (_d, o) => (
        <span data-testid="org-term">
          <TermText orgId={o.id} />
        </span>
      ),
    },
  ];
}

export function OrgDetailPanel({ orgId, parentLevel, onCreated, onUpdated, onEventRecorded, onImported }: OrgDetailPanelProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const can = useCan();
  const phone = useIsPhone();
  const org = useQuery({ ...orgQuery(orgId ?? 0), enabled: orgId !== undefined });

  if (orgId === undefined) return <Empty description={t('org.selectHint')} style={{ marginTop: 80 }} />;
  if (!org.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const o = org.data;

  const actions = (
    <Space wrap>
      {can('org:create') && <OrgCreateModal parent={o} onCreated={(child) => onCreated(o, child)} />}
      {can('org:update') && <OrgEditModal org={o} onSaved={onUpdated} />}
      {can('org:event') && <OrgEventModal org={o} parentLevel={parentLevel} onSaved={(e) => onEventRecorded(o, e)} />}
      {can('org:import') && <OrgImportModal org={o} onImported={() => onImported(o)} />}
    </Space>
  );

  return (
    <Space direction="vertical" size={16} style={{ display: 'flex' }} data-testid="org-detail">
      {/* On a phone the actions get their own row: next to the title they would crush it. */}
      <Card title={t('org.detail')} extra={phone ? undefined : actions} size="small">
        {phone && <div style={{ marginBottom: 12 }}>{actions}</div>}
        <ProDescriptions<TOrg> column={phone ? 1 : 2} dataSource={o} columns={columns(labels, can('member:read'))} size="small" bordered />
      </Card>
      <Card title={t('org.summary')} size="small">
        <OrgSummaryCard orgId={o.id} />
      </Card>
      <Card title={t('org.history')} size="small">
        <OrgHistoryTable orgId={o.id} />
      </Card>
    </Space>
  );
}
