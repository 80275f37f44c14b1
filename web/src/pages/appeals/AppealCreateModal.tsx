// 登记职工诉求: channel, category, the date received, the content and (optionally) the worker's contact, received in
// the selected union; the server counts the deadline in working days from the day received.
import { ModalForm, ProFormDatePicker, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { APPEAL_CATEGORIES, APPEAL_CHANNELS, todayCst, type AppealCategory, type AppealChannel, type TOrg } from '@gonghui/common';
import { appealsApi } from '../../api/appeals.ts';
import { toIsoDate } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

interface Values {
  channel: AppealChannel;
  category: AppealCategory;
  receivedAt: unknown;
  content: string;
  contactName?: string;
  contactPhone?: string;
}

export function AppealCreateModal({
  open,
  org,
  onClose,
  onCreated,
}: {
  open: boolean;
  org: TOrg;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalForm<Values>
      title={t('appeals.createTitle', { org: org.name })}
      open={open}
      modalProps={{ destroyOnHidden: true, onCancel: onClose }}
      width={600}
      initialValues={{ receivedAt: todayCst(), channel: 'hotline' }}
      onFinish={async (v) => {
        try {
          const created = await appealsApi.create({
            orgId: org.id,
            channel: v.channel,
            category: v.category,
            receivedAt: toIsoDate(v.receivedAt) ?? todayCst(),
            content: v.content,
            contactName: v.contactName || null,
            contactPhone: v.contactPhone || null,
          });
          notifySuccess(t('appeals.created'));
          onCreated(created.id);
          return true;
        } catch (err) {
          notifyError(err);
          return false;
        }
      }}
    >
      <ProFormSelect
        name="channel"
        label={t('appeals.channel')}
        rules={[{ required: true }]}
        options={APPEAL_CHANNELS.map((c) => ({ value: c, label: t(`appeals.channels.${c}`) }))}
        fieldProps={{ 'data-testid': 'appeal-channel' } as object}
      />
      <ProFormSelect
        name="category"
        label={t('appeals.category')}
        rules={[{ required: true }]}
        options={APPEAL_CATEGORIES.map((c) => ({ value: c, label: t(`appeals.categories.${c}`) }))}
        fieldProps={{ 'data-testid': 'appeal-category' } as object}
      />
      <ProFormDatePicker name="receivedAt" label={t('appeals.receivedAt')} rules={[{ required: true }]} extra={t('appeals.dueHint')} />
      <ProFormTextArea
        name="content"
        label={t('appeals.content')}
        rules={[{ required: true, whitespace: true }]}
        fieldProps={{ maxLength: 2000, showCount: true, rows: 4, 'data-testid': 'appeal-content' } as object}
      />
      <ProFormText name="contactName" label={t('appeals.contactName')} fieldProps={{ maxLength: 50 }} />
      <ProFormText name="contactPhone" label={t('appeals.contactPhone')} />
    </ModalForm>
  );
}
