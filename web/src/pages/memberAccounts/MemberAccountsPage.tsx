// /member-accounts (会员账号): the member portal accounts of the members in the cadre's scope — the name masked, the
// status (待激活 / 已激活 / 已锁定), activation and last sign-in; 重置激活 (member_account:reset, confirmed, audited
// server-side) ends the password and every session so that the member must activate again.
import { useRef } from 'react';
import { Alert, Button, Popconfirm, Tag, Typography } from 'antd';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@gonghui/common';
import { memberAccountsApi, type TMemberAccountRow } from '../../api/memberAccounts.ts';
import { useCan, useSession } from '../../app/session.ts';
import { formatDateTime } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

type AccountStatus = 'active' | 'locked' | 'inactive';
const STATUS_COLORS: Record<AccountStatus, string> = { active: 'green', locked: 'red', inactive: 'default' };

function accountStatus(r: TMemberAccountRow): AccountStatus {
  if (r.locked) return 'locked';
  return r.activatedAt ? 'active' : 'inactive';
}

export function MemberAccountsPage() {
  const { t } = useTranslation();
  const org = useSession().org;
  const can = useCan();
  const actionRef = useRef<ActionType>(undefined);

  const reset = async (r: TMemberAccountRow) => {
    try {
      await memberAccountsApi.reset(r.memberId);
      notifySuccess(t('memberAccount.resetDone'));
      void actionRef.current?.reload();
    } catch (err) {
      notifyError(err);
    }
  };

  const columns: ProColumns<TMemberAccountRow>[] = [
    { title: t('memberAccount.name'), dataIndex: 'nameMasked', width: 110, fixed: 'left' },
    { title: t('memberAccount.org'), dataIndex: 'orgName', ellipsis: true, width: 220 },
    {
      title: t('memberAccount.status'),
      dataIndex: 'locked',
      width: 100,
      render: (_d, r) => {
        const s = accountStatus(r);
        return (
          <Tag color={STATUS_COLORS[s]} data-testid="member-account-status">
            {t(`memberAccount.statuses.${s}`)}
          </Tag>
        );
      },
    },
    { title: t('memberAccount.activatedAt'), dataIndex: 'activatedAt', width: 160, render: (_d, r) => formatDateTime(r.activatedAt) },
    { title: t('memberAccount.lastLoginAt'), dataIndex: 'lastLoginAt', width: 160, render: (_d, r) => formatDateTime(r.lastLoginAt) },
  ];
  if (can('member_account:reset'))
    columns.push({
      title: t('memberAccount.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_d, r) => (
        <Popconfirm
          title={t('memberAccount.resetConfirm', { name: r.nameMasked })}
          description={<div style={{ maxWidth: 320 }}>{t('memberAccount.resetHint')}</div>}
          okButtonProps={{ danger: true }}
          onConfirm={() => void reset(r)}
        >
          <Button type="link" size="small" danger data-testid="member-account-reset">
            {t('memberAccount.reset')}
          </Button>
        </Popconfirm>
      ),
    });

  return (
    <ProTable<TMemberAccountRow>
      rowKey="memberId"
      actionRef={actionRef}
      columns={columns}
      search={false}
      cardBordered
      scroll={{ x: 860 }}
      request={async (p) => {
        try {
          const res = await memberAccountsApi.list({ page: p.current ?? 1, pageSize: p.pageSize ?? LIMITS.pageSizeDefault });
          return { data: res.items, total: res.total, success: true };
        } catch (err) {
          notifyError(err);
          return { data: [], total: 0, success: false };
        }
      }}
      pagination={{ defaultPageSize: LIMITS.pageSizeDefault, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100] }}
      headerTitle={
        <Typography.Text strong>
          {t('memberAccount.title')} <Typography.Text type="secondary">{org.name}</Typography.Text>
        </Typography.Text>
      }
      tableExtraRender={() => <Alert type="info" showIcon message={t('memberAccount.hint')} />}
      options={{ reload: true, density: false, setting: false }}
      data-testid="member-account-table"
    />
  );
}
