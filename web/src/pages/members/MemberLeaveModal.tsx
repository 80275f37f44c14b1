// 退会 / 退休保留会籍 (POST /members/:id/leave): the kind, the date (not before joining, not after today), a reason.
import { Form } from 'antd';
import { ModalForm, ProFormDatePicker, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LIMITS, ZMemberLeave, type TMember } from '@gonghui/common';
import { memberApi } from '../../api/members.ts';
import { toIsoDate } from '../../utils/format.ts';
import { zodRule } from '../../utils/formRules.ts';
import { notifySuccess, showFormError } from '../../utils/notify.ts';

interface LeaveValues {
  kind: 'retire_keep' | 'quit';
  date: unknown;
  reason?: string;
}

interface Props {
  member: TMember;
  onClose: () => void;
  onDone: (member: TMember) => void;
}

export function MemberLeaveModal({ member, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LeaveValues>();
  const outOfRange = (d: Dayjs) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(member.joinedAt), 'day');
  return (
    <ModalForm<LeaveValues>
      open
      title={t('member.leaveTitle', { name: member.name })}
      form={form}
      width={480}
      onOpenChange={(o) => !o && onClose()}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={{ kind: 'retire_keep', date: dayjs().format('YYYY-MM-DD') }}
      onFinish={async (v) => {
        try {
          const saved = await memberApi.leave(member.id, {
            kind: v.kind,
            date: toIsoDate(v.date) ?? '',
            reason: v.reason?.trim() || undefined,
          });
          notifySuccess(t('member.leaveDone'));
          onDone(saved);
          return true;
        } catch (err) {
          showFormError(form, err);
          return false;
        }
      }}
    >
      <ProFormRadio.Group
        formItemProps={{ htmlFor: 'member-leave-kind' }}
        name="kind"
        label={t('member.leaveKind')}
        rules={[{ required: true }]}
        radioType="button"
        options={[
          { value: 'retire_keep', label: t('leaveKind.retire_keep') },
          { value: 'quit', label: t('leaveKind.quit') },
        ]}
        fieldProps={{ id: 'member-leave-kind' }}
      />
      <ProFormDatePicker
        formItemProps={{ htmlFor: 'member-leave-date' }}
        name="date"
        label={t('member.leaveDate')}
        rules={[{ required: true }, zodRule(ZMemberLeave.shape.date)]}
        fieldProps={{ id: 'member-leave-date', disabledDate: outOfRange, style: { width: '100%' } }}
      />
      <ProFormTextArea
        formItemProps={{ htmlFor: 'member-leave-reason' }}
        name="reason"
        label={t('member.reason')}
        placeholder={t('common.optional')}
        rules={[zodRule(ZMemberLeave.shape.reason)]}
        fieldProps={{ id: 'member-leave-reason', maxLength: LIMITS.text, showCount: true, rows: 3 }}
      />
    </ModalForm>
  );
}
