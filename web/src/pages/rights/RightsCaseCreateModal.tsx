// 登记维权案件: type, channel, subject, workers, amount at stake, the employer (USCC checked by the server), the day
// received, the summary and the parties' narrative (encrypted at rest, hidden afterwards).
import { ModalForm, ProFormDatePicker, ProFormDigit, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import {
  RIGHTS_CHANNELS,
  RIGHTS_SUBJECTS,
  RIGHTS_TYPES,
  todayCst,
  type RightsChannel,
  type RightsSubject,
  type RightsType,
  type TOrg,
} from '@gonghui/common';
import { rightsApi } from '../../api/rights.ts';
import { toIsoDate } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

interface Values {
  type: RightsType;
  channel: RightsChannel;
  subject: RightsSubject;
  workers: number;
  amountYuan?: number;
  employerName: string;
  employerUscc?: string;
  receivedAt: unknown;
  summary: string;
  parties?: string;
}

export function RightsCaseCreateModal({
  open,
  org,
  onClose,
  onCreated,
}: {
  open: boolean;
  org: TOrg;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const options = (values: readonly string[], key: string) => values.map((x) => ({ value: x, label: t(`rights.${key}.${x}`) }));
  return (
    <ModalForm<Values>
      title={t('rights.createTitle', { org: org.name })}
      open={open}
      modalProps={{ destroyOnHidden: true, onCancel: onClose }}
      width={640}
      initialValues={{ receivedAt: todayCst(), workers: 1, channel: 'visit' }}
      onFinish={async (v) => {
        try {
          await rightsApi.create({
            orgId: org.id,
            type: v.type,
            channel: v.channel,
            subject: v.subject,
            workers: v.workers,
            amountAtStake: Math.round((v.amountYuan ?? 0) * 100),
            employerName: v.employerName,
            employerUscc: v.employerUscc || null,
            receivedAt: toIsoDate(v.receivedAt) ?? '',
            summary: v.summary,
            parties: v.parties || null,
          });
          notifySuccess(t('rights.created'));
          onCreated();
          return true;
        } catch (err) {
          notifyError(err);
          return false;
        }
      }}
    >
      <ProFormSelect name="type" label={t('rights.type')} options={options(RIGHTS_TYPES, 'types')} rules={[{ required: true }]} />
      <ProFormSelect
        name="channel"
        label={t('rights.channel')}
        options={options(RIGHTS_CHANNELS, 'channels')}
        rules={[{ required: true }]}
      />
      <ProFormSelect
        name="subject"
        label={t('rights.subject')}
        options={options(RIGHTS_SUBJECTS, 'subjects')}
        rules={[{ required: true }]}
      />
      <ProFormDigit name="workers" label={t('rights.workers')} min={1} fieldProps={{ precision: 0 }} rules={[{ required: true }]} />
      <ProFormDigit name="amountYuan" label={t('rights.amountAtStake')} min={0} fieldProps={{ precision: 2 }} />
      <ProFormText name="employerName" label={t('rights.employerName')} rules={[{ required: true, whitespace: true }]} />
      <ProFormText name="employerUscc" label={t('rights.employerUscc')} />
      <ProFormDatePicker name="receivedAt" label={t('rights.receivedAt')} rules={[{ required: true }]} />
      <ProFormTextArea name="summary" label={t('rights.summary')} rules={[{ required: true, whitespace: true }]} />
      <ProFormTextArea name="parties" label={t('rights.parties')} extra={t('rights.partiesHint')} />
    </ModalForm>
  );
}
