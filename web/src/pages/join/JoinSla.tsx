// The status tag and the SLA clock of a join application: 剩余 N 个工作日 / 今日到期 / 逾期 N 个工作日 / 已办结.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TJoinApplication } from '@gonghui/common';

export function JoinSla({ a }: { a: Pick<TJoinApplication, 'status' | 'overdue' | 'overdueDays' | 'remainingDays'> }) {
  const { t } = useTranslation();
  if (a.status !== 'pending') return <Tag data-testid="join-sla">{t('join.decided')}</Tag>;
  if (a.overdue)
    return (
      <Tag color="red" data-testid="join-sla">
        {t('join.overdueBy', { count: a.overdueDays })}
      </Tag>
    );
  if (a.remainingDays === null) return null;
  return (
    <Tag color={a.remainingDays <= 1 ? 'orange' : 'blue'} data-testid="join-sla">
      {a.remainingDays === 0 ? t('join.dueToday') : t('join.remaining', { count: a.remainingDays })}
    </Tag>
  );
}

const STATUS_COLORS: Record<string, string> = { pending: 'processing', approved: 'success', rejected: 'default' };

export function JoinStatusTag({ status }: { status: TJoinApplication['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="join-status">
      {t(`join.statuses.${status}`)}
    </Tag>
  );
}
