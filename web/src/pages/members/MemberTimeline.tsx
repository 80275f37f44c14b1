// 会籍变动记录 (GET /members/:id/events), newest first, with the unions' names.
import { Empty, Spin, Timeline, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { orgApi } from '../../api/endpoints.ts';
import { memberApi, type MemberEvent } from '../../api/members.ts';
import { useLabels } from '../../i18n/labels.ts';

const COLORS: Record<string, string> = { join: 'green', transfer_in: 'blue', transfer_out: 'orange', retire_keep: 'blue', quit: 'gray' };

function numberOf(data: Record<string, unknown>, key: string): number | undefined {
  const v = data[key];
  return typeof v === 'number' ? v : undefined;
}

function orgIdsOf(events: MemberEvent[]): number[] {
  const ids = new Set<number>();
  for (const e of events) {
    ids.add(e.orgId);
    for (const k of ['fromOrgId', 'toOrgId']) {
      const id = numberOf(e.data, k);
      if (id !== undefined) ids.add(id);
    }
  }
  return [...ids];
}

export function MemberTimeline({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const events = useQuery({ queryKey: ['member', memberId, 'events'], queryFn: () => memberApi.events(memberId) });
  // A change of categories is recorded as a pair (out of the old set, into the new one): show it once.
  const items = (events.data?.items ?? []).filter((e) => e.type !== 'reclass_out');
  // Unions outside the user's scope answer 404; they are then shown by number, without an error message.
  const orgs = useQueries({
    queries: orgIdsOf(items).map((id) => ({
      queryKey: ['org', id, 'lookup'],
      queryFn: () => orgApi.get(id).catch(() => null),
      staleTime: 60_000,
    })),
  });
  const names = new Map<number, string>();
  for (const q of orgs) if (q.data) names.set(q.data.id, q.data.name);
  const orgName = (id: number | undefined) => (id === undefined ? '—' : (names.get(id) ?? t('member.orgById', { id })));

  if (events.isPending) return <Spin />;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.historyEmpty')} />;

  return (
    <Timeline
      data-testid="member-history"
      items={items.map((e) => {
        const reason = typeof e.data.reason === 'string' && e.data.reason ? e.data.reason : undefined;
        return {
          key: e.id,
          color: COLORS[e.type] ?? 'gray',
          children: (
            <div data-testid="member-history-item" data-type={e.type}>
              <Typography.Text strong>{labels.memberEvent(e.type)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {e.date}
              </Typography.Text>
              <div>
                {e.type === 'transfer_out'
                  ? t('member.eventOut', { to: orgName(numberOf(e.data, 'toOrgId')) })
                  : e.type === 'transfer_in'
                    ? t('member.eventIn', { from: orgName(numberOf(e.data, 'fromOrgId')) })
                    : t('member.eventOrg', { org: orgName(e.orgId) })}
              </div>
              {reason && <Typography.Text type="secondary">{t('member.eventReason', { reason })}</Typography.Text>}
            </div>
          ),
        };
      })}
    />
  );
}
