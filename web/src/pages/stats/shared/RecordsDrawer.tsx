// Drill-down: the members or organisations behind a figure, listed in a drawer from the figure's records path,
// with a link to the full console page.
import { useState } from 'react';
import { Alert, Drawer, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TMember, TOrg } from '@gonghui/common';
import { recordsApi } from '../../../api/stats.ts';
import { useLabels } from '../../../i18n/labels.ts';
import { errorText } from '../../../utils/notify.ts';
import { parseRecords } from './records.ts';

const PAGE_SIZE = 20;

interface RecordsDrawerProps {
  /** Console path such as /members?orgId=2&joinedFrom=…; closed when undefined. */
  path: string | undefined;
  title?: string;
  onClose: () => void;
}

export function RecordsDrawer({ path, title, onClose }: RecordsDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer open={path !== undefined} onClose={onClose} width={880} title={title ?? t('stats.records.title')} destroyOnHidden>
      {path !== undefined && <RecordsList key={path} path={path} />}
    </Drawer>
  );
}

function RecordsList({ path }: { path: string }) {
  const { t } = useTranslation();
  const target = parseRecords(path);
  const [page, setPage] = useState(1);
  const members = useQuery({
    queryKey: ['records', path, page],
    enabled: target !== undefined,
    queryFn: async () => {
      if (!target) throw new Error('no records');
      const query = { ...target.params, page, pageSize: PAGE_SIZE };
      return target.kind === 'members' ? { members: await recordsApi.members(query) } : { orgs: await recordsApi.orgs(query) };
    },
  });
  const memberColumns = useMemberColumns();
  const orgColumns = useOrgColumns();
  if (!target) return <Alert type="info" showIcon message={t('stats.records.none')} />;
  const data = members.data;
  const total = data?.members?.total ?? data?.orgs?.total ?? 0;
  const pagination = { current: page, pageSize: PAGE_SIZE, total, onChange: setPage, showSizeChanger: false };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Typography.Text type="secondary">{t('stats.records.total', { total })}</Typography.Text>
        {/* The roster opens on these filters; the org tree has no list view, so org records stay in this drawer. */}
        {target.kind === 'members' && (
          <Link to={path} data-testid="records-open-page">
            {t('stats.records.openMembers')}
          </Link>
        )}
      </Space>
      {members.error && <Alert type="error" showIcon message={errorText(members.error)} />}
      {target.kind === 'members' ? (
        <Table<TMember>
          rowKey="id"
          size="small"
          loading={members.isFetching}
          columns={memberColumns}
          dataSource={data?.members?.items ?? []}
          pagination={pagination}
          data-testid="records-table"
        />
      ) : (
        <Table<TOrg>
          rowKey="id"
          size="small"
          loading={members.isFetching}
          columns={orgColumns}
          dataSource={data?.orgs?.items ?? []}
          pagination={pagination}
          data-testid="records-table"
        />
      )}
    </Space>
  );
}

function useMemberColumns(): ColumnsType<TMember> {
  const labels = useLabels();
  const { t } = labels;
  return [
    { title: t('member.name'), dataIndex: 'name', width: 100 },
    { title: t('member.gender'), dataIndex: 'gender', width: 60, render: (g: string) => labels.gender(g) },
    { title: t('member.org'), dataIndex: 'orgName', ellipsis: true },
    { title: t('member.joinedAt'), dataIndex: 'joinedAt', width: 110 },
    {
      title: t('member.category'),
      dataIndex: 'categories',
      width: 180,
      render: (cs: string[]) => cs.map((c) => <Tag key={c}>{labels.memberCategory(c)}</Tag>),
    },
    { title: t('member.status'), dataIndex: 'status', width: 90, render: (s: string) => labels.memberStatus(s) },
  ];
}

function useOrgColumns(): ColumnsType<TOrg> {
  const labels = useLabels();
  const { t } = labels;
  return [
    { title: t('stats.records.orgName'), dataIndex: 'name', ellipsis: true },
    { title: labels.field('level'), dataIndex: 'level', width: 140, render: (v: string) => labels.level(v) },
    { title: labels.field('kind'), dataIndex: 'kind', width: 140, render: (v: string) => labels.kind(v) },
    { title: labels.field('foundedAt'), dataIndex: 'foundedAt', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('org.status'), dataIndex: 'status', width: 80, render: (v: string) => labels.status(v) },
  ];
}
