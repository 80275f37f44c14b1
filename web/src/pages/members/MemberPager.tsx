// Previous / next under the roster (keyset pages: no jump to page N), the count from page 1, and the page size.
import { Button, Select, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export const MEMBER_PAGE_SIZES = [10, 20, 50, 100];

interface MemberPagerProps {
  page: number;
  total: number | null;
  totalExact: boolean;
  hasPrev: boolean;
  hasNext: boolean;
  loading: boolean;
  pageSize: number;
  onPrev: () => void;
  onNext: () => void;
  onPageSize: (size: number) => void;
}

export function MemberPager(p: MemberPagerProps) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'flex-end', alignItems: 'center' }} data-testid="member-pager">
      <Typography.Text type="secondary" data-testid="member-total">
        {p.total === null ? '' : t(p.totalExact ? 'member.pageTotal' : 'member.pageTotalCapped', { total: p.total })}
      </Typography.Text>
      <Space size={8}>
        <Button size="small" icon={<LeftOutlined />} disabled={!p.hasPrev || p.loading} onClick={p.onPrev} data-testid="member-prev">
          {t('member.prevPage')}
        </Button>
        <Typography.Text data-testid="member-page">{t('member.pageNo', { page: p.page })}</Typography.Text>
        <Button size="small" disabled={!p.hasNext || p.loading} onClick={p.onNext} data-testid="member-next">
          {t('member.nextPage')}
          <RightOutlined />
        </Button>
        <Select<number>
          size="small"
          value={p.pageSize}
          onChange={p.onPageSize}
          options={MEMBER_PAGE_SIZES.map((size) => ({ value: size, label: t('member.pageSize', { size }) }))}
          style={{ width: 100 }}
          data-testid="member-page-size"
        />
      </Space>
    </div>
  );
}
