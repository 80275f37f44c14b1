// The buttons of a rights case: only the actions the server allows now, each in a small form with its fields
// (accept: 承办人 from the roster or a name, 受理日期; decline: 理由; close: 结果, 挽回经济损失, 结案日期), sent with
// the case's version. A refusal shows the server's message and the case is loaded again.
import { useState } from 'react';
import { Button, Space } from 'antd';
import { ModalForm, ProFormDatePicker, ProFormDigit, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RIGHTS_OUTCOMES, todayCst, type RightsAction, type TRightsActionBody, type TRightsDetail } from '@gonghui/common';
import { rightsApi, rosterApi } from '../../api/rights.ts';
import { toIsoDate } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

interface Values {
  handler?: number | string;
  date?: unknown;
  reason?: string;
  outcome?: (typeof RIGHTS_OUTCOMES)[number];
  recoveredYuan?: number;
  opinion?: string;
}

function bodyOf(action: RightsAction, version: number, v: Values): TRightsActionBody {
  const base = { version, ...(v.opinion ? { opinion: v.opinion } : {}) };
  if (action === 'accept')
    return { ...base, ...(v.handler !== undefined && v.handler !== '' ? { handler: v.handler } : {}), acceptedAt: toIsoDate(v.date) };
  if (action === 'decline') return { ...base, reason: v.reason };
  return { ...base, outcome: v.outcome, recoveredAmount: Math.round((v.recoveredYuan ?? 0) * 100), closedAt: toIsoDate(v.date) };
}

export function RightsActions({
  data,
  onUpdated,
  onRefused,
}: {
  data: TRightsDetail;
  onUpdated: (next: TRightsDetail) => void;
  onRefused: () => void;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<RightsAction>();
  const roster = useQuery({
    queryKey: ['rights-roster', data.org.id],
    queryFn: () => rosterApi.list({ orgId: data.org.id, page: 1, pageSize: 100 }),
    enabled: action === 'accept',
  });
  return (
    <>
      <Space wrap>
        {data.allowedActions.map((a) => (
          <Button
            key={a}
            type={a === 'decline' ? 'default' : 'primary'}
            danger={a === 'decline'}
            onClick={() => setAction(a)}
            data-testid={`rights-action-${a}`}
          >
            {t(`rights.actions.${a}`)}
          </Button>
        ))}
      </Space>
      <ModalForm<Values>
        key={action}
        title={action ? t(`rights.actions.${action}`) : ''}
        open={action !== undefined}
        width={480}
        modalProps={{ destroyOnHidden: true, onCancel: () => setAction(undefined) }}
        initialValues={{ date: todayCst(), recoveredYuan: 0 }}
        onFinish={async (v) => {
          if (!action) return true;
          try {
            onUpdated(await rightsApi.act(data.id, action, bodyOf(action, data.version, v)));
            notifySuccess(t('rights.done'));
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
        {action === 'accept' && (
          <>
            <ProFormSelect
              name="handler"
              label={t('rights.handler')}
              extra={t('rights.handlerHint')}
              fieldProps={{
                showSearch: true,
                mode: 'tags',
                maxCount: 1,
                loading: roster.isPending,
              }}
              // A picked roster entry is its id; a typed name stays text.
              transform={(v: unknown) => {
                const first = Array.isArray(v) ? (v[0] as string | number | undefined) : (v as string | number | undefined);
                return { handler: typeof first === 'string' && /^\d+$/.test(first) ? Number(first) : first };
              }}
              options={(roster.data?.items ?? []).map((r) => ({
                value: String(r.id),
                label: `${r.name}（${t(`rights.roster.roles.${r.role}`)}${r.firm ? `，${r.firm}` : ''}）`,
              }))}
            />
            <ProFormDatePicker name="date" label={t('rights.acceptedAt')} rules={[{ required: true }]} />
          </>
        )}
        {action === 'decline' && (
          <ProFormTextArea name="reason" label={t('rights.declineReason')} rules={[{ required: true, whitespace: true }]} />
        )}
        {action === 'close' && (
          <>
            <ProFormSelect
              name="outcome"
              label={t('rights.outcome')}
              options={RIGHTS_OUTCOMES.map((x) => ({ value: x, label: t(`rights.outcomes.${x}`) }))}
              rules={[{ required: true }]}
            />
            <ProFormDigit
              name="recoveredYuan"
              label={t('rights.recoveredAmount')}
              min={0}
              fieldProps={{ precision: 2 }}
              rules={[{ required: true }]}
            />
            <ProFormDatePicker name="date" label={t('rights.closedAt')} rules={[{ required: true }]} />
          </>
        )}
        <ProFormTextArea name="opinion" label={t('rights.opinion')} />
      </ModalForm>
    </>
  );
}
