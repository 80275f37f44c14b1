// The buttons of an appeal: only the actions the server allows now — 答复 (the reply the worker will read), 办结 (the
// worker's satisfaction and the day closed), 上报上级工会 (confirmed first) — sent with the appeal's version. A
// refusal shows the server's message and the appeal is loaded again.
import { useState } from 'react';
import { Button, Modal, Space } from 'antd';
import { ModalForm, ProFormDatePicker, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { APPEAL_SATISFACTIONS, todayCst, type AppealAction, type AppealSatisfaction, type TAppealDetail } from '@gonghui/common';
import { appealsApi } from '../../api/appeals.ts';
import { toIsoDate } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

interface Props {
  data: TAppealDetail;
  onUpdated: (next: TAppealDetail) => void;
  onRefused: () => void;
}

interface Values {
  opinion?: string;
  satisfaction?: AppealSatisfaction;
  closedAt?: unknown;
}

export function AppealActions({ data, onUpdated, onRefused }: Props) {
  const { t } = useTranslation();
  const [action, setAction] = useState<'reply' | 'close'>();
  const run = async (a: AppealAction, body: Omit<Parameters<typeof appealsApi.act>[2], 'version'>) => {
    try {
      onUpdated(await appealsApi.act(data.id, a, { version: data.version, ...body }));
      notifySuccess(t('appeals.done'));
      return true;
    } catch (err) {
      notifyError(err);
      onRefused();
      return false;
    }
  };
  const escalate = () =>
    Modal.confirm({
      title: t('appeals.actions.escalate'),
      content: t('appeals.escalateConfirm'),
      okButtonProps: { 'data-testid': 'appeal-escalate-ok' },
      onOk: () => run('escalate', {}),
    });
  return (
    <>
      <Space wrap>
        {data.allowedActions.map((a) => (
          <Button
            key={a}
            type={a === 'escalate' ? 'default' : 'primary'}
            onClick={() => (a === 'escalate' ? escalate() : setAction(a))}
            data-testid={`appeal-action-${a}`}
          >
            {t(`appeals.actions.${a}`)}
          </Button>
        ))}
      </Space>
      <ModalForm<Values>
        key={action}
        title={action ? t(`appeals.actions.${action}`) : ''}
        open={action !== undefined}
        width={520}
        modalProps={{ destroyOnHidden: true, onCancel: () => setAction(undefined) }}
        initialValues={{ closedAt: todayCst(), satisfaction: 'satisfied' }}
        onFinish={async (v) => {
          if (!action) return true;
          const ok =
            action === 'reply'
              ? await run('reply', { opinion: v.opinion })
              : await run('close', { satisfaction: v.satisfaction, closedAt: toIsoDate(v.closedAt) });
          setAction(undefined);
          return ok;
        }}
      >
        {action === 'reply' && (
          <ProFormTextArea
            name="opinion"
            label={t('appeals.reply')}
            rules={[{ required: true, whitespace: true }]}
            fieldProps={{ maxLength: 500, showCount: true, rows: 4, 'data-testid': 'appeal-reply-opinion' } as object}
          />
        )}
        {action === 'close' && (
          <>
            <ProFormRadio.Group
              name="satisfaction"
              label={t('appeals.satisfaction')}
              rules={[{ required: true }]}
              options={APPEAL_SATISFACTIONS.map((s) => ({ value: s, label: t(`appeals.satisfactions.${s}`) }))}
            />
            <ProFormDatePicker name="closedAt" label={t('appeals.closedAt')} rules={[{ required: true }]} />
          </>
        )}
      </ModalForm>
    </>
  );
}
