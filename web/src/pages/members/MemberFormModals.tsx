// New-member and edit-member forms (POST /members, PATCH /members/:id), validated with common's member schemas:
// the ID number's Chinese reason shows while typing, the optional gender is checked against the ID.
import { Button, Form, type FormInstance, type FormRule } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormCheckbox, ProFormDatePicker, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  GENDERS,
  LIMITS,
  MEMBER_CATEGORIES,
  ZMemberCreate,
  parseIdNumber,
  zIdNumber,
  zPastDate,
  zPhone,
  type MemberCategory,
  type TMember,
  type TOrg,
} from '@gonghui/common';
import { memberApi } from '../../api/members.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useLabels, type Labels } from '../../i18n/labels.ts';
import { toIsoDate } from '../../utils/format.ts';
import { zodRule } from '../../utils/formRules.ts';
import { notifyInfo, notifySuccess, showFormError } from '../../utils/notify.ts';

const rules = ZMemberCreate.shape;
const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

interface CreateValues {
  orgId: number;
  name: string;
  idNumber: string;
  gender?: 'male' | 'female';
  phone?: string;
  joinedAt: unknown;
  categories?: MemberCategory[];
}

function categoryOptions(labels: Labels) {
  return MEMBER_CATEGORIES.map((c) => ({ value: c, label: labels.memberCategory(c) }));
}

/** The gender entered must match the one the ID number encodes. */
function genderRule(form: FormInstance<CreateValues>, labels: Labels): FormRule {
  return {
    validator: async (_r, value: unknown) => {
      if (!value) return;
      const parsed = parseIdNumber(String(form.getFieldValue('idNumber') ?? ''));
      if (parsed.ok && parsed.gender !== value)
        throw new Error(labels.t('member.genderMismatch', { gender: labels.gender(parsed.gender) }));
    },
  };
}

function IdHint({ value }: { value: unknown }) {
  const labels = useLabels();
  if (typeof value !== 'string' || !value) return null;
  const parsed = parseIdNumber(value);
  if (!parsed.ok) return null;
  return (
    <span data-testid="member-id-parsed">
      {labels.t('member.idParsed', { birth: parsed.birthDate, gender: labels.gender(parsed.gender) })}
      {parsed.notice ? `；${parsed.notice}` : ''}
    </span>
  );
}

export function MemberCreateModal({ defaultOrg, onCreated }: { defaultOrg: TOrg; onCreated: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<CreateValues>();
  const idValue: unknown = Form.useWatch('idNumber', form);
  return (
    <ModalForm<CreateValues>
      title={t('member.createTitle')}
      form={form}
      width={560}
      layout="horizontal"
      labelCol={{ span: 5 }}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={{ orgId: defaultOrg.id, categories: [] }}
      trigger={
        <Button type="primary" icon={<PlusOutlined />} id="member-create-button" data-testid="member-create-button">
          {t('member.create')}
        </Button>
      }
      onFinish={async (v) => {
        try {
          const res = await memberApi.create({
            orgId: v.orgId,
            name: v.name.trim(),
            idNumber: v.idNumber,
            gender: v.gender,
            phone: v.phone?.trim() || undefined,
            joinedAt: toIsoDate(v.joinedAt) ?? '',
            categories: v.categories,
          });
          if (res.notice) notifyInfo(res.notice);
          notifySuccess(t('member.created'));
          onCreated();
          return true;
        } catch (err) {
          showFormError(form, err);
          return false;
        }
      }}
    >
      <Form.Item htmlFor="member-orgId" name="orgId" label={labels.field('orgId')} rules={[{ required: true }]}>
        <OrgSelect id="member-orgId" initialOrg={defaultOrg} />
      </Form.Item>
      <ProFormText
        formItemProps={{ htmlFor: 'member-name' }}
        name="name"
        label={t('member.name')}
        rules={[{ required: true, whitespace: true, message: '请输入姓名' }, zodRule(rules.name)]}
        fieldProps={{ id: 'member-name', maxLength: LIMITS.shortText, autoComplete: 'off' }}
      />
      <ProFormText
        formItemProps={{ htmlFor: 'member-idNumber' }}
        name="idNumber"
        label={t('member.idNumber')}
        validateDebounce={250}
        extra={<IdHint value={idValue} />}
        rules={[{ required: true, message: '请输入身份证号' }, zodRule(zIdNumber)]}
        fieldProps={{ id: 'member-idNumber', maxLength: 40, autoComplete: 'off' }}
      />
      <ProFormSelect
        formItemProps={{ htmlFor: 'member-gender' }}
        name="gender"
        label={t('member.gender')}
        dependencies={['idNumber']}
        placeholder={t('member.genderAuto')}
        allowClear
        options={GENDERS.map((g) => ({ value: g, label: labels.gender(g) }))}
        rules={[genderRule(form, labels)]}
        fieldProps={{ id: 'member-gender' }}
      />
      <ProFormText
        formItemProps={{ htmlFor: 'member-phone' }}
        name="phone"
        label={t('member.phone')}
        placeholder={t('common.optional')}
        rules={[zodRule(zPhone)]}
        fieldProps={{ id: 'member-phone', maxLength: 30, autoComplete: 'off' }}
      />
      <ProFormDatePicker
        formItemProps={{ htmlFor: 'member-joinedAt' }}
        name="joinedAt"
        label={t('member.joinedAt')}
        rules={[{ required: true, message: '请选择入会日期' }, zodRule(zPastDate)]}
        fieldProps={{ id: 'member-joinedAt', disabledDate: noFuture, style: { width: '100%' } }}
      />
      <ProFormCheckbox.Group name="categories" label={t('member.category')} options={categoryOptions(labels)} />
    </ModalForm>
  );
}

interface EditValues {
  name: string;
  phone?: string;
  clearPhone?: boolean;
  joinedAt: unknown;
  categories: MemberCategory[];
}

interface EditProps {
  member: TMember;
  onClose: () => void;
  onSaved: (member: TMember) => void;
}

export function MemberEditModal({ member, onClose, onSaved }: EditProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<EditValues>();
  const clearPhone: unknown = Form.useWatch('clearPhone', form);
  return (
    <ModalForm<EditValues>
      open
      title={t('member.editTitle', { name: member.name })}
      form={form}
      width={520}
      layout="horizontal"
      labelCol={{ span: 5 }}
      onOpenChange={(o) => !o && onClose()}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={{ name: member.name, joinedAt: member.joinedAt, categories: member.categories, clearPhone: false }}
      onFinish={async (v) => {
        const phone = v.clearPhone ? null : v.phone?.trim() || undefined;
        try {
          const saved = await memberApi.update(member.id, {
            name: v.name.trim(),
            joinedAt: toIsoDate(v.joinedAt),
            categories: v.categories,
            ...(phone === undefined ? {} : { phone }),
          });
          notifySuccess(t('common.saved'));
          onSaved(saved);
          return true;
        } catch (err) {
          showFormError(form, err);
          return false;
        }
      }}
    >
      <ProFormText
        formItemProps={{ htmlFor: 'member-edit-name' }}
        name="name"
        label={t('member.name')}
        rules={[{ required: true, whitespace: true, message: '请输入姓名' }, zodRule(rules.name)]}
        fieldProps={{ id: 'member-edit-name', maxLength: LIMITS.shortText }}
      />
      <ProFormText
        formItemProps={{ htmlFor: 'member-edit-phone' }}
        name="phone"
        label={t('member.phone')}
        disabled={clearPhone === true}
        placeholder={member.phoneMasked ? t('member.phoneKeep', { phone: member.phoneMasked }) : t('member.phoneNone')}
        rules={[zodRule(zPhone)]}
        fieldProps={{ id: 'member-edit-phone', maxLength: 30, autoComplete: 'off' }}
      />
      {member.phoneMasked && (
        <ProFormCheckbox name="clearPhone" wrapperCol={{ offset: 5 }}>
          {t('member.clearPhone')}
        </ProFormCheckbox>
      )}
      <ProFormDatePicker
        formItemProps={{ htmlFor: 'member-edit-joinedAt' }}
        name="joinedAt"
        label={t('member.joinedAt')}
        rules={[{ required: true }, zodRule(zPastDate)]}
        fieldProps={{ id: 'member-edit-joinedAt', disabledDate: noFuture, style: { width: '100%' } }}
      />
      <ProFormCheckbox.Group name="categories" label={t('member.category')} options={categoryOptions(labels)} />
    </ModalForm>
  );
}
