// The buttons of a join application: only the actions the server allows now — 批准入会 (the join date, default today,
// and an optional member category) and 不予批准 (a reason, which the applicant is texted) — sent with the
// application's version. A refusal shows the server's message and the application is loaded again.
import { useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { ModalForm, ProFormDatePicker, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { MEMBER_CATEGORIES, todayCst, type JoinAction, type MemberCategory, type TJoinApplicationDetail } from '@gonghui/common';
import { joinApi } from '../../api/join.ts';
import { toIsoDate } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

interface Props {
  data: TJoinApplicationDetail;
  onUpdated: (next: TJoinApplicationDetail) => void;
  onRefused: () => void;
}

interface Values {
  joinDate?: unknown;
  category?: MemberCategory;
  opinion?: string;
  reason?: string;
}

export function JoinActions({ data, onUpdated, onRefused }: Props) {
  const { t } = useTranslation();
  const [action, setAction] = useState<JoinAction>();
  const run = async (a: JoinAction, body: Omit<Parameters<typeof joinApi.act>[2], 'version'>) => {
    try {
      onUpdated(await joinApi.act(data.id, a, { version: data.version, ...body }));
      notifySuccess(t('join.done'));
      return true;
    } catch (err) {
      notifyError(err);
      onRefused();
      return false;
    }
  };
  return (
    <>
      <Space wrap>
        {data.allowedActions.map((a) => (
          <Button
            key={a}
            type={a === 'approve' ? 'primary' : 'default'}
            danger={a === 'reject'}
            onClick={() => setAction(a)}
            data-testid={`join-action-${a}`}
          >
            {t(`join.actions.${a}`)}
          </Button>
        ))}
      </Space>
      <ModalForm<Values>
        key={action}
        title={action ? t(`join.actions.${action}`) : ''}
        open={action !== undefined}
        width={520}
        modalProps={{ destroyOnHidden: true, onCancel: () => setAction(undefined) }}
        initialValues={{ joinDate: todayCst() }}
        onFinish={async (v) => {
          if (!action) return true;
          const ok =
            action === 'approve'
              ? await run('approve', { joinDate: toIsoDate(v.joinDate), category: v.category, opinion: v.opinion || undefined })
              : await run('reject', { reason: v.reason });
          setAction(undefined);
          return ok;
        }}
      >
        {action === 'approve' && (
          <>
            <Alert type="info" showIcon message={t('join.approveHint')} style={{ marginBottom: 16 }} />
            <ProFormDatePicker name="joinDate" label={t('join.joinDate')} rules={[{ required: true }]} />
            <ProFormSelect
              name="category"
              label={t('join.category')}
              allowClear
              options={MEMBER_CATEGORIES.map((c) => ({ value: c, label: t(`join.categories.${c}`) }))}
            />
            <ProFormTextArea name="opinion" label={t('join.opinion')} fieldProps={{ maxLength: 500, showCount: true, rows: 3 }} />
          </>
        )}
        {action === 'reject' && (
          <ProFormTextArea
            name="reason"
            label={t('join.reason')}
            rules={[{ required: true, whitespace: true }]}
            fieldProps={{ maxLength: 500, showCount: true, rows: 4, 'data-testid': 'join-reject-reason' } as object}
          />
        )}
      </ModalForm>
    </>
  );
}
