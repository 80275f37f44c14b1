// /roles: built-in and custom roles with their permission labels; create for role managers.
import { useRef } from 'react';
import { Alert, Button, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProCard, ProFormCheckbox, ProFormText, type ProFormInstance } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, PERMISSIONS, ZRoleCreate, type TRole } from '@gonghui/common';
import { roleApi, type RoleCreateBody } from '../../api/endpoints.ts';
import { useCan } from '../../app/session.ts';
import { useLabels } from '../../i18n/labels.ts';
import { zodRule } from '../../utils/formRules.ts';
import { notifySuccess, showFormError } from '../../utils/notify.ts';
import { ROLES_KEY } from '../users/useRoles.ts';

function RoleCreateModal({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const formRef = useRef<ProFormInstance<RoleCreateBody>>(undefined);
  return (
    <ModalForm<RoleCreateBody>
      title={t('role.create')}
      formRef={formRef}
      width={640}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={{ permissions: [] }}
      trigger={
        <Button type="primary" icon={<PlusOutlined />} data-testid="role-create-button">
          {t('role.create')}
        </Button>
      }
      onFinish={async (v) => {
        try {
          await roleApi.create({ key: v.key.trim(), name: v.name.trim(), permissions: v.permissions });
          notifySuccess(t('common.created'));
          onDone();
          return true;
        } catch (err) {
          showFormError(formRef.current, err);
          return false;
        }
      }}
    >
      <ProFormText
        name="key"
        label={labels.field('key')}
        extra={t('role.keyHint')}
        rules={[{ required: true }, zodRule(ZRoleCreate.shape.key)]}
        fieldProps={{ maxLength: 32 }}
      />
      <ProFormText
        name="name"
        label={labels.field('name')}
        rules={[{ required: true, whitespace: true }, zodRule(ZRoleCreate.shape.name)]}
        fieldProps={{ maxLength: LIMITS.shortText }}
      />
      <ProFormCheckbox.Group
        name="permissions"
        label={labels.field('permissions')}
        layout="vertical"
        rules={[{ required: true }, zodRule(ZRoleCreate.shape.permissions)]}
        options={PERMISSIONS.map((p) => ({ value: p, label: `${labels.permission(p)}（${p}）` }))}
      />
    </ModalForm>
  );
}

export function RolesPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const can = useCan();
  const queryClient = useQueryClient();
  const roles = useQuery({ queryKey: ROLES_KEY, queryFn: roleApi.list });

  return (
    <ProCard
      title={t('menu.roles')}
      extra={can('role:manage') && <RoleCreateModal onDone={() => void queryClient.invalidateQueries({ queryKey: ROLES_KEY })} />}
      bordered
    >
      <Alert type="info" showIcon message={t('roleSeparation')} style={{ marginBottom: 12 }} />
      <Table<TRole>
        rowKey="key"
        size="middle"
        loading={roles.isLoading}
        dataSource={roles.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: labels.field('name'),
            dataIndex: 'name',
            width: 160,
            render: (_v, r) => <strong>{r.builtin ? t(`role.builtinNames.${r.key}`, { defaultValue: r.name }) : r.name}</strong>,
          },
          { title: labels.field('key'), dataIndex: 'key', width: 140, render: (_v, r) => <code>{r.key}</code> },
          {
            title: t('role.type'),
            dataIndex: 'builtin',
            width: 90,
            render: (_v, r) => (r.builtin ? <Tag color="gold">{t('role.builtin')}</Tag> : <Tag>{t('role.custom')}</Tag>),
          },
          {
            title: labels.field('permissions'),
            dataIndex: 'permissions',
            render: (_v, r) => (
              <Space size={[4, 4]} wrap>
                {r.permissions.map((p) => (
                  <Tag key={p} bordered={false} color="blue" title={p}>
                    {labels.permission(p)}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </ProCard>
  );
}
