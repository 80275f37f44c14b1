// The buttons of a hardship file: only the actions the server allows now, each in a small form with the fields the
// action takes (approve: 建档日期; reject: 意见; review: 复核日期 and tier; exit: 脱困日期 and reason), sent with the
// file's version. A refusal shows the server's message and the file is loaded again.
import { useState } from 'react';
import { Button, Space } from 'antd';
import { ModalForm, ProFormDatePicker, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { HARDSHIP_TIERS, todayCst, type HardshipAction, type THardshipDetail } from '@gonghui/common';
import { hardshipApi } from '../../api/hardship.ts';
import { toIsoDate } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

interface Props {
  data: THardshipDetail;
  onUpdated: (next: THardshipDetail) => void;
  onRefused: () => void;
}

interface Values {
  opinion?: string;
  date?: unknown;
  tier?: string;
  reason?: string;
}

const DATE_FIELD: Partial<Record<HardshipAction, 'registeredAt' | 'reviewedAt' | 'exitedAt'>> = {
  approve: 'registeredAt',
  review: 'reviewedAt',
  exit: 'exitedAt',
};

export function HardshipActions({ data, onUpdated, onRefused }: Props) {
  const { t } = useTranslation();
  const [action, setAction] = useState<HardshipAction>();
  const dateField = action ? DATE_FIELD[action] : undefined;
  return (
    <>
      <Space wrap>
        {data.allowedActions.map((a) => (
          <Button
            key={a}
            type={a === 'reject' || a === 'decline' ? 'default' : 'primary'}
            danger={a === 'reject' || a === 'decline'}
            onClick={() => setAction(a)}
            data-testid={`hardship-action-${a}`}
          >
            {t(`hardship.actions.${a}`)}
          </Button>
        ))}
      </Space>
      <ModalForm<Values>
        key={action}
        title={action ? t(`hardship.actions.${action}`) : ''}
        open={action !== undefined}
        width={480}
        modalProps={{ destroyOnHidden: true, onCancel: () => setAction(undefined) }}
        initialValues={{ date: todayCst(), tier: data.tier }}
        onFinish={async (v) => {
          if (!action) return true;
          try {
            const body = {
              version: data.version,
              ...(v.opinion ? { opinion: v.opinion } : {}),
              ...(dateField ? { [dateField]: toIsoDate(v.date) } : {}),
              ...(action === 'review' && v.tier ? { tier: v.tier as (typeof HARDSHIP_TIERS)[number] } : {}),
              ...(action === 'exit' ? { reason: v.reason } : {}),
            };
            onUpdated(await hardshipApi.act(data.id, action, body));
            notifySuccess(t('hardship.done'));
            setAction(undefined);
            return true;
          } catch (err) {
            notifyError(err);
            setAction(undefined);
            onRefused();
            return false;
          }
        }}
      >
        {dateField && <ProFormDatePicker name="date" label={t(`hardship.${dateField}`)} rules={[{ required: true }]} />}
        {action === 'review' && (
          <ProFormSelect
            name="tier"
            label={t('hardship.tier')}
            options={HARDSHIP_TIERS.map((x) => ({ value: x, label: t(`hardship.tiers.${x}`) }))}
          />
        )}
        {action === 'exit' && <ProFormTextArea name="reason" label={t('hardship.exitReason')} rules={[{ required: true }]} />}
        <ProFormTextArea
          name="opinion"
          label={t('hardship.opinion')}
          rules={action === 'reject' || action === 'decline' ? [{ required: true, whitespace: true }] : []}
        />
      </ModalForm>
    </>
  );
}
