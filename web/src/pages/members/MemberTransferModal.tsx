// 会员接转 request (POST /members/:id/transfers): the receiving union, the date and a reason; the member moves once
// the receiving union accepts on its 会员接转 page.
import { Form } from 'antd';
import { ModalForm, ProFormDatePicker, ProFormTextArea } from '@ant-design/pro-components';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LIMITS, ZTransferCreate, type TMember } from '@gonghui/common';
import { memberApi } from '../../api/members.ts';
import { toIsoDate } from '../../utils/format.ts';
import { zodRule } from '../../utils/formRules.ts';
import { notifySuccess, showFormError } from '../../utils/notify.ts';
import { TransferOrgInput } from './TransferOrgInput.tsx';

interface TransferValues {
  toOrgId: number;
  date: unknown;
  reason?: string;
}

interface Props {
  member: TMember;
  onClose: () => void;
  onDone: (member: TMember) => void;
}

export function MemberTransferModal({ member, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TransferValues>();
  const outOfRange = (d: Dayjs) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(member.joinedAt), 'day');
  return (
    <ModalForm<TransferValues>
      open
      title={t('member.transferTitle', { name: member.name })}
      form={form}
      width={520}
      onOpenChange={(o) => !o && onClose()}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={{ date: dayjs().format('YYYY-MM-DD') }}
      onFinish={async (v) => {
        try {
          await memberApi.transfer(member.id, { toOrgId: v.toOrgId, date: toIsoDate(v.date) ?? '', reason: v.reason?.trim() || undefined });
          notifySuccess(t('member.transferSent'));
          onDone(member);
          return true;
        } catch (err) {
          showFormError(form, err);
          return false;
        }
      }}
    >
      <Form.Item label={t('member.transferFrom')}>{member.orgName}</Form.Item>
      <Form.Item
        name="toOrgId"
        label={t('member.transferTo')}
        rules={[
          { required: true, message: '请选择或填写转入工会' },
          {
            validator: async (_r, v: unknown) => {
              if (v === member.orgId) throw new Error(t('member.transferSameOrg'));
            },
          },
        ]}
      >
        <TransferOrgInput id="transfer-toOrgId" currentOrgId={member.orgId} />
      </Form.Item>
      <ProFormDatePicker
        name="date"
        label={t('member.transferDate')}
        rules={[{ required: true }, zodRule(ZTransferCreate.shape.date)]}
        fieldProps={{ id: 'transfer-date', disabledDate: outOfRange, style: { width: '100%' } }}
      />
      <ProFormTextArea
        name="reason"
        label={t('member.reason')}
        placeholder={t('common.optional')}
        rules={[zodRule(ZTransferCreate.shape.reason)]}
        fieldProps={{ id: 'transfer-reason', maxLength: LIMITS.text, showCount: true, rows: 3 }}
      />
    </ModalForm>
  );
}
