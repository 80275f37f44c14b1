// "编辑": kind and details only; name, level and parent change through dated events. PATCH /orgs/:id.
import { useRef } from 'react';
import { Button } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { ModalForm, type ProFormInstance } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import type { OrgKind, TOrg } from '@gonghui/common';
import { orgApi } from '../../api/endpoints.ts';
import { toIsoDate } from '../../utils/format.ts';
import { notifySuccess, showFormError } from '../../utils/notify.ts';
import { OrgDetailFields, OrgKindField } from './OrgDetailFields.tsx';

interface EditValues {
  kind: OrgKind;
  uscc?: string;
  divisionCode?: string;
  foundedAt?: string;
  chairName?: string;
  contactName?: string;
  employerName?: string;
  headcount?: number;
  address?: string;
}

function initialValues(org: TOrg): EditValues {
  return {
    kind: org.kind,
    uscc: org.uscc ?? undefined,
    divisionCode: org.divisionCode ?? undefined,
    foundedAt: org.foundedAt ?? undefined,
    chairName: org.chairName ?? undefined,
    contactName: org.contactName ?? undefined,
    employerName: org.employerName ?? undefined,
    headcount: org.headcount ?? undefined,
    address: org.address ?? undefined,
  };
}

const blank = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());

export function OrgEditModal({ org, onSaved }: { org: TOrg; onSaved: (org: TOrg) => void }) {
  const { t } = useTranslation();
  const formRef = useRef<ProFormInstance<EditValues>>(undefined);
  return (
    <ModalForm<EditValues>
      title={t('org.editTitle', { name: org.name })}
      formRef={formRef}
      grid
      rowProps={{ gutter: 16 }}
      width={720}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={initialValues(org)}
      trigger={
        <Button icon={<EditOutlined />} data-testid="org-edit-button" disabled={org.status === 'dissolved'}>
          {t('org.edit')}
        </Button>
      }
      onFinish={async (v) => {
        try {
          const saved = await orgApi.update(org.id, {
            kind: v.kind,
            uscc: blank(v.uscc),
            divisionCode: blank(v.divisionCode),
            foundedAt: toIsoDate(v.foundedAt) ?? null,
            chairName: blank(v.chairName),
            contactName: blank(v.contactName),
            employerName: blank(v.employerName),
            headcount: typeof v.headcount === 'number' ? v.headcount : null,
            address: blank(v.address),
          });
          notifySuccess(t('common.saved'));
          onSaved(saved);
          return true;
        } catch (err) {
          showFormError(formRef.current, err);
          return false;
        }
      }}
    >
      <OrgKindField />
      <OrgDetailFields />
    </ModalForm>
  );
}
