// /users: server-paged user list with keyword and org filters; create and edit for user managers.
import { useRef, useState } from 'react';
import { Button, Input, Popconfirm, Space, Tag } from 'antd';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TUser } from '@gonghui/common';
import { userApi } from '../../api/endpoints.ts';
import { useCan } from '../../app/session.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';
import { UserCreateModal, UserEditModal } from './UserFormModals.tsx';
import { useRoles } from './useRoles.ts';

function UserStatus({ user }: { user: TUser }) {
  const { t } = useTranslation();
  if (user.disabled) return <Tag color="red">{t('user.disabled')}</Tag>;
  if (user.locked) return <Tag color="orange">{t('user.locked')}</Tag>;
  return <Tag color="green">{t('user.normal')}</Tag>;
}

/** Security admins lift the lock that repeated failed logins put on an account. */
function UnlockButton({ user, onDone }: { user: TUser; onDone: () => void }) {
  const { t } = useTranslation();
  const unlock = async () => {
    try {
      await userApi.unlock(user.id);
      notifySuccess(t('user.unlocked'));
      onDone();
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Popconfirm title={t('user.unlockConfirm', { name: user.username })} onConfirm={() => void unlock()}>
      <Button type="link" size="small" data-testid={`unlock-${user.id}`}>
        {t('user.unlock')}
      </Button>
    </Popconfirm>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const roles = useRoles();
  const actionRef = useRef<ActionType>(undefined);
  const [q, setQ] = useState('');
  const [orgId, setOrgId] = useState<number>();
  const reload = () => void actionRef.current?.reload();

  const columns: ProColumns<TUser>[] = [
    { title: t('fields.username'), dataIndex: 'username', width: 140, render: (_d, u) => <strong>{u.username}</strong> },
    { title: t('fields.displayName'), dataIndex: 'displayName', width: 160, render: (_d, u) => u.displayName ?? '—' },
    { title: t('user.org'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('fields.roles'),
      dataIndex: 'roles',
      render: (_d, u) => (
        <Space size={[4, 4]} wrap>
          {u.roles.map((r) => (
            <Tag key={r} color="blue" bordered={false}>
              {roles.nameOf(r)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('user.status'), dataIndex: 'disabled', width: 150, render: (_d, u) => <UserStatus user={u} /> },
    {
      title: t('user.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (_d, u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('user.never')),
    },
  ];
  if (can('user:manage') || can('security:manage')) {
    columns.push({
      title: '',
      valueType: 'option',
      width: 130,
      render: (_d, u) => (
        <Space size={0}>
          {can('user:manage') && <UserEditModal user={u} onDone={reload} />}
          {can('security:manage') && u.locked && <UnlockButton user={u} onDone={reload} />}
        </Space>
      ),
    });
  }

  return (
    <ProTable<TUser, { q: string; orgId: number | undefined }>
      rowKey="id"
      actionRef={actionRef}
      columns={columns}
      search={false}
      cardBordered
      params={{ q, orgId }}
      request={async (params) => {
        try {
          const res = await userApi.list({
            q: params.q.trim() || undefined,
            orgId: params.orgId,
            page: params.current,
            pageSize: params.pageSize,
          });
          return { data: res.items, total: res.total, success: true };
        } catch (err) {
          notifyError(err);
          return { data: [], total: 0, success: false };
        }
      }}
      pagination={{ defaultPageSize: LIMITS.pageSizeDefault, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100] }}
      headerTitle={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('user.keyword')}
            maxLength={LIMITS.search}
            onSearch={(v) => setQ(v)}
            style={{ width: 240 }}
            data-testid="user-search"
          />
          <OrgSelect allowClear value={orgId} onChange={(v) => setOrgId(v)} placeholder={t('user.allOrgs')} style={{ width: 280 }} />
        </Space>
      }
      toolBarRender={() => (can('user:manage') ? [<UserCreateModal key="create" onDone={reload} />] : [])}
      options={{ reload: true, density: false, setting: false }}
    />
  );
}
