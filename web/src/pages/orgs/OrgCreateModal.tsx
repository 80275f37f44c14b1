// "新建下级组织": name, a level the parent may hold (canParent), kind and details; POST /orgs.
import { useRef } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormSelect, ProFormText, type ProFormInstance } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { LIMITS, ORG_LEVELS, ZOrgCreate, canParent, type OrgKind, type OrgLevel, type TOrg } from '@gonghui/common';
import { orgApi, type OrgCreateBody } from '../../api/endpoints.ts';
import { useLabels } from '../../i18n/labels.ts';
import { omitEmpty, zodRule } from '../../utils/formRules.ts';
import { notifySuccess, showFormError } from '../../utils/notify.ts';
import { OrgDetailFields, OrgKindField } from './OrgDetailFields.tsx';

type CreateValues = Omit<OrgCreateBody, 'parentId'>;

interface OrgCreateModalProps {
  parent: TOrg;
  onCreated: (org: TOrg) => void;
}

export function childLevels(parent: TOrg): OrgLevel[] {
  return ORG_LEVELS.filter((level) => canParent(parent.level, level));
}

/** The usual next level down: federations are the exception, not the default. */
function defaultLevel(levels: OrgLevel[]): OrgLevel | undefined {
  return levels.find((l) => l !== 'federation') ?? levels[0];
}

function defaultKind(level: OrgLevel | undefined): OrgKind {
  if (level === 'grassroots') return 'enterprise_private';
  if (level === 'federation') return 'joint';
  return 'federation_body';
}

export function OrgCreateModal({ parent, onCreated }: OrgCreateModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const formRef = useRef<ProFormInstance<CreateValues>>(undefined);
  const levels = childLevels(parent);
  const disabled = levels.length === 0 || parent.status === 'dissolved';
  const level = defaultLevel(levels);

  return (
    <ModalForm<CreateValues>
      title={t('org.createdTitle', { parent: parent.name })}
      formRef={formRef}
      grid
      rowProps={{ gutter: 16 }}
      width={720}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={{ level, kind: defaultKind(level) }}
      trigger={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          id="org-create-button"
          data-testid="org-create-button"
          disabled={disabled}
          title={levels.length === 0 ? t('org.noChildLevel') : undefined}
        >
          {t('org.create')}
        </Button>
      }
      onFinish={async (values) => {
        try {
          const created = await orgApi.create({
            ...omitEmpty(values),
            name: values.name.trim(),
            level: values.level,
            kind: values.kind,
            parentId: parent.id,
          });
          notifySuccess(t('common.created'));
          onCreated(created);
          return true;
        } catch (err) {
          showFormError(formRef.current, err);
          return false;
        }
      }}
    >
      <ProFormText
        name="name"
        label={labels.field('name')}
        colProps={{ span: 24 }}
        rules={[{ required: true, whitespace: true }, zodRule(ZOrgCreate.shape.name)]}
        fieldProps={{ id: 'org-name', maxLength: LIMITS.name, showCount: true, autoFocus: true }}
        formItemProps={{ htmlFor: 'org-name' }}
      />
      <ProFormSelect
        name="level"
        label={labels.field('level')}
        colProps={{ span: 12 }}
        rules={[{ required: true }]}
        fieldProps={{ id: 'org-level' }}
        formItemProps={{ htmlFor: 'org-level' }}
        options={levels.map((l) => ({ value: l, label: labels.level(l) }))}
      />
      <OrgKindField />
      <OrgDetailFields />
    </ModalForm>
  );
}
