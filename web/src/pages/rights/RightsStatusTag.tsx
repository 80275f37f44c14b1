// A rights case's status as a coloured tag, with 已逾期 beside it when its deadline has passed.
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RightsStatus } from '@gonghui/common';

const COLORS: Record<RightsStatus, string> = {
  received: 'gold',
  accepted: 'blue',
  declined: 'default',
  closed: 'green',
  withdrawn: 'default',
};

export function RightsStatusTag({ status, overdue }: { status: RightsStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag color={COLORS[status]}>{t(`rights.statuses.${status}`)}</Tag>
      {overdue && <Tag color="red">{t('rights.overdue')}</Tag>}
    </Space>
  );
}
