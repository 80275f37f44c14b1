// The status tag of a 困难职工档案, coloured alike in the list and the detail.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HardshipStatus } from '@gonghui/common';

const COLORS: Record<HardshipStatus, string> = {
  draft: 'default',
  applied: 'gold',
  submitted: 'gold',
  active: 'green',
  review_due: 'volcano',
  rejected: 'red',
  exited: 'blue',
  withdrawn: 'default',
};

export function HardshipStatusTag({ status }: { status: HardshipStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid="hardship-status" data-status={status}>
      {t(`hardship.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}
