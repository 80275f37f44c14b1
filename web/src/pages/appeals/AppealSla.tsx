// The SLA clock of an appeal: 剩余 N 个工作日 / 今日到期 (orange) / 逾期 N 个工作日 (red) / 已办结.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAppeal } from '@gonghui/common';

export function AppealSla({ a }: { a: Pick<TAppeal, 'status' | 'overdue' | 'overdueDays' | 'remainingDays'> }) {
  const { t } = useTranslation();
  if (a.status === 'closed') return <Tag data-testid="appeal-sla">{t('appeals.closedSla')}</Tag>;
  if (a.overdue)
    return (
      <Tag color="red" data-testid="appeal-sla">
        {t('appeals.overdueBy', { count: a.overdueDays })}
      </Tag>
    );
  if (a.remainingDays === null) return null;
  return (
    <Tag color={a.remainingDays <= 1 ? 'orange' : 'blue'} data-testid="appeal-sla">
      {a.remainingDays === 0 ? t('appeals.dueToday') : t('appeals.remaining', { count: a.remainingDays })}
    </Tag>
  );
}

const STATUS_COLORS: Record<string, string> = { received: 'processing', replied: 'gold', closed: 'success' };

export function AppealStatusTag({ status }: { status: TAppeal['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="appeal-status">
      {t(`appeals.statuses.${status}`)}
    </Tag>
  );
}
