// Dated events of one org, newest first (GET /orgs/:id/events), with a readable line per event type.
import { useState } from 'react';
import { Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { TOrgEvent } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { useLabels, type Labels } from '../../i18n/labels.ts';

const PAGE_SIZE = 10;

function str(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '—';
}

function describe(e: TOrgEvent, labels: Labels): string {
  const d = e.data;
  const { t } = labels;
  switch (e.type) {
    case 'found':
      return t('org.foundDetail');
    case 'rename':
      return t('org.renameDetail', { from: str(d.from), to: str(d.to) });
    case 'reelect':
      return t('org.reelectDetail', { chair: str(d.chairName), term: str(d.termYears) });
    case 'upgrade':
      return t('org.upgradeDetail', { from: labels.level(str(d.from)), to: labels.level(str(d.to)) });
    case 'move':
      return t('org.moveDetail', { to: str(d.toParentName), count: str(d.orgsMoved) });
    case 'dissolve':
      return t('org.dissolveDetail', { reason: str(d.reason) });
  }
}

const TYPE_COLORS: Record<TOrgEvent['type'], string> = {
  found: 'green',
  rename: 'blue',
  reelect: 'purple',
  upgrade: 'gold',
  move: 'cyan',
  dissolve: 'default',
};

export function OrgHistoryTable({ orgId }: { orgId: number }) {
  const labels = useLabels();
  const { t } = labels;
  const [page, setPage] = useState(1);
  const events = useQuery({
    queryKey: ['org', orgId, 'events', page],
    queryFn: () => orgApi.events(orgId, page, PAGE_SIZE),
    placeholderData: (prev) => prev,
  });
  return (
    <Table<TOrgEvent>
      size="small"
      rowKey="id"
      data-testid="org-history"
      loading={events.isFetching}
      dataSource={events.data?.items ?? []}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: events.data?.total ?? 0,
        onChange: setPage,
        hideOnSinglePage: true,
        size: 'small',
      }}
      columns={[
        { title: t('org.eventDate'), dataIndex: 'date', width: 104 },
        {
          title: t('org.eventType'),
          dataIndex: 'type',
          width: 104,
          render: (_v, e) => <Tag color={TYPE_COLORS[e.type]}>{labels.eventType(e.type)}</Tag>,
        },
        { title: t('org.eventDetail'), key: 'detail', render: (_v, e) => describe(e, labels) },
        // A phone keeps date, type and content; the note and the recorder need a wider screen.
        {
          title: t('org.eventNote'),
          dataIndex: 'note',
          width: 180,
          ellipsis: true,
          responsive: ['md'],
          render: (v: string | null) => v ?? '—',
        },
        { title: t('org.eventBy'), dataIndex: 'createdBy', width: 110, responsive: ['md'], render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
