// The status tag of a 会员接转 case, coloured alike in the list and the detail, and the due date's display.
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TransferStatus } from '../../api/transfers.ts';

const STATUS_COLORS: Record<TransferStatus, string> = {
  pending: 'gold',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'default',
  expired: 'volcano',
};

export function TransferStatusTag({ status }: { status: TransferStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="transfer-status" data-status={status}>
      {t(`transfer.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** A deadline (date or instant) as a calendar date. */
export function formatDue(dueAt: string | null | undefined): string {
  return dueAt ? dayjs(dueAt).format('YYYY-MM-DD') : '—';
}

/** Pending past its deadline (the server marks todos itself; the list and the detail work it out). */
export function isOverdue(status: TransferStatus, dueAt: string | null | undefined): boolean {
  if (status !== 'pending' || !dueAt) return false;
  // A bare date is due through the end of that day.
  return dueAt.length === 10 ? dayjs(dueAt).isBefore(dayjs(), 'day') : dayjs(dueAt).isBefore(dayjs());
}

export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid="overdue-tag">
      {t('transfer.overdue')}
    </Tag>
  );
}
