// Create and edit user forms (POST /users, PATCH /users/:id), validated with common's user schemas.
import { useRef } from 'react';
import { Button, Form } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormSelect, ProFormSwitch, ProFormText, type ProFormInstance } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { LIMITS, ZUserCreate, type TUser } from '@gonghui/common';
import { userApi, type UserCreateBody } from '../../api/endpoints.ts';
import { useSession } from '../../app/session.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { zodRule } from '../../utils/formRules.ts';
import { notifySuccess, showFormError } from '../../utils/notify.ts';
import { useRoles } from './useRoles.ts';

const rules = ZUserCreate.shape;

export function UserCreateModal({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useSession();
  const roles = useRoles();
  const formRef = useRef<ProFormInstance<UserCreateBody>>(undefined);
  return (
    <ModalForm<UserCreateBody>
      title={t('user.create')}
      formRef={formRef}
      width={520}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={{ orgId: me.org.id, roles: [] }}
      trigger={
        <Button type="primary" icon={<PlusOutlined />} data-testid="user-create-button">
          {t('user.create')}
        </Button>
      }
      onFinish={async (v) => {
        try {
          await userApi.create({ ...v, username: v.username.trim(), displayName: v.displayName?.trim() || undefined });
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
        name="username"
        label={labels.field('username')}
        rules={[{ required: true, whitespace: true }, zodRule(rules.username)]}
        fieldProps={{ maxLength: LIMITS.username, autoComplete: 'off' }}
      />
      <ProFormText
        name="displayName"
        label={labels.field('displayName')}
        rules={[zodRule(rules.displayName)]}
        fieldProps={{ maxLength: LIMITS.shortText }}
      />
      <ProFormText.Password
        name="password"
        label={labels.field('password')}
        extra={t('password.policy')}
        rules={[{ required: true }, zodRule(rules.password)]}
        fieldProps={{ maxLength: 128, autoComplete: 'new-password' }}
      />
      <Form.Item name="orgId" label={labels.field('orgId')} rules={[{ required: true }]}>
        <OrgSelect initialOrg={me.org} />
      </Form.Item>
      <ProFormSelect
        name="roles"
        label={labels.field('roles')}
        mode="multiple"
        rules={[{ required: true }, zodRule(rules.roles)]}
        options={roles.options}
      />
    </ModalForm>
  );
}

interface EditValues {
  displayName?: string;
  roles: string[];
  disabled: boolean;
  password?: string;
}

export function UserEditModal({ user, onDone }: { user: TUser; onDone: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const roles = useRoles();
  const formRef = useRef<ProFormInstance<EditValues>>(undefined);
  return (
    <ModalForm<EditValues>
      title={t('user.editTitle', { name: user.username })}
      formRef={formRef}
      width={520}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={{ displayName: user.displayName ?? '', roles: user.roles, disabled: user.disabled }}
      trigger={
        <Button type="link" size="small" icon={<EditOutlined />} data-testid="user-edit-button">
          {t('user.edit')}
        </Button>
      }
      onFinish={async (v) => {
        try {
          await userApi.update(user.id, {
            displayName: v.displayName?.trim() ?? '',
            roles: v.roles,
            disabled: v.disabled,
            password: v.password ? v.password : undefined,
          });
          notifySuccess(t('common.saved'));
          onDone();
          return true;
        } catch (err) {
          showFormError(formRef.current, err);
          return false;
        }
      }}
    >
      <ProFormText
        name="displayName"
        label={labels.field('displayName')}
        rules={[zodRule(rules.displayName)]}
        fieldProps={{ maxLength: LIMITS.shortText }}
      />
      <ProFormSelect
        name="roles"
        label={labels.field('roles')}
        mode="multiple"
        rules={[{ required: true }, zodRule(rules.roles)]}
        options={roles.options}
      />
      <ProFormSwitch name="disabled" label={t('user.disableToggle')} />
      <ProFormText.Password
        name="password"
        label={t('user.resetPassword')}
        extra={
          <>
            {t('user.resetPasswordHint')}
            <br />
            {t('password.policy')}
          </>
        }
        rules={[zodRule(rules.password)]}
        fieldProps={{ maxLength: 128, autoComplete: 'new-password' }}
      />
    </ModalForm>
  );
}
