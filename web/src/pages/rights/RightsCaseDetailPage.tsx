// /rights-cases/:id: one 维权案件 — what was received (type, channel, subject, employer, workers, amount at stake,
// summary; the parties' narrative only through the audited reveal), handler, deadline and outcome; the actions the
// server allows now; and the timeline of its steps.
import { Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatYuan, type TRightsDetail } from '@gonghui/common';
import { ApiError } from '../../api/client.ts';
import { rightsApi } from '../../api/rights.ts';
import { TODOS_KEY } from '../../api/transfers.ts';
import { useCan } from '../../app/session.ts';
import { PageSpin } from '../../components/PageSpin.tsx';
import { errorText } from '../../utils/notify.ts';
import { TransferTimeline } from '../transfers/TransferTimeline.tsx';
import { RevealButton } from './RevealButton.tsx';
import { RightsActions } from './RightsActions.tsx';
import { RightsStatusTag } from './RightsStatusTag.tsx';

function Fields({ data }: { data: TRightsDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const I = Descriptions.Item;
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="rights-fields">
      <I label={t('rights.type')}>{t(`rights.types.${data.type}`)}</I>
      <I label={t('rights.channel')}>{t(`rights.channels.${data.channel}`)}</I>
      <I label={t('rights.subject')}>{t(`rights.subjects.${data.subject}`)}</I>
      <I label={t('rights.employerName')}>{data.employerName}</I>
      <I label={t('rights.employerUscc')}>{data.employerUscc ?? '—'}</I>
      <I label={t('rights.org')}>{data.org.name}</I>
      <I label={t('rights.workers')}>{data.workers}</I>
      <I label={t('rights.amountAtStake')}>{formatYuan(data.amountAtStake)}</I>
      <I label={t('rights.receivedAt')}>{data.receivedAt}</I>
      <I label={t('rights.handler')}>
        {data.handler ? `${data.handler.name}${data.handler.role ? `（${t(`rights.roster.roles.${data.handler.role}`)}）` : ''}` : '—'}
      </I>
      <I label={t('rights.acceptedAt')}>{data.acceptedAt ?? '—'}</I>
      <I label={t('rights.dueAt')}>{data.dueAt ?? '—'}</I>
      {data.declineReason && <I label={t('rights.declineReason')}>{data.declineReason}</I>}
      {data.outcome && <I label={t('rights.outcome')}>{t(`rights.outcomes.${data.outcome}`)}</I>}
      {data.recoveredAmount !== null && <I label={t('rights.recoveredAmount')}>{formatYuan(data.recoveredAmount)}</I>}
      {data.closedAt && <I label={t('rights.closedAt')}>{data.closedAt}</I>}
      <I label={t('rights.summary')} span={3}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{data.summary}</span>
      </I>
      <I label={t('rights.parties')} span={3}>
        <Space>
          <Typography.Text type="secondary">{data.parties ?? '—'}</Typography.Text>
          {data.hasParties && can('member:view_sensitive') && (
            <RevealButton label={t('rights.reveal')} reveal={async (reason) => (await rightsApi.reveal(data.id, reason)).parties ?? ''} />
          )}
        </Space>
      </I>
    </Descriptions>
  );
}

export function RightsCaseDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const key = ['rights-case', id];
  const query = useQuery({ queryKey: key, queryFn: () => rightsApi.get(id), enabled: Number.isInteger(id) && id > 0 });
  const back = (
    <Link to="/rights-cases">
      <ArrowLeftOutlined /> {t('rights.back')}
    </Link>
  );
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('rights.notFound')} extra={back} />;
  if (query.isPending) return <PageSpin />;
  if (query.isError) {
    const known = query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404);
    return (
      <Result
        status={known ? (String((query.error as ApiError).status) as '403' | '404') : 'error'}
        title={known ? t('rights.notFound') : errorText(query.error)}
        extra={[
          back,
          <Button key="retry" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>,
        ]}
      />
    );
  }
  const data = query.data;
  const refreshTodos = () => void queryClient.invalidateQueries({ queryKey: TODOS_KEY });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="rights-detail">
      {back}
      <Card
        title={
          <Space size={8} wrap>
            <span>{t('rights.title')}</span>
            <Typography.Text className="mono">{data.number}</Typography.Text>
            <RightsStatusTag status={data.status} overdue={data.overdue} />
          </Space>
        }
      >
        <Fields data={data} />
        {data.allowedActions.length > 0 && (
          <div style={{ marginTop: 16 }}>
            <RightsActions
              key={data.version}
              data={data}
              onUpdated={(next) => {
                queryClient.setQueryData(key, next);
                refreshTodos();
              }}
              onRefused={() => {
                void query.refetch();
                refreshTodos();
              }}
            />
          </div>
        )}
      </Card>
      <Card title={t('rights.timeline')}>
        <TransferTimeline steps={data.steps} stepLabel={(a) => t(`rights.steps.${a}`, { defaultValue: a })} />
      </Card>
    </Space>
  );
}
