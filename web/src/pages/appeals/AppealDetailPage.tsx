// /appeals/:id: one 职工诉求 — channel, category, the content in full, the contact masked, the receiving and the
// responsible union, the SLA clock; the reply and the worker's satisfaction once given; the actions the server allows
// now; and the timeline of its steps (受理, 上报, 逾期自动上报, 答复, 办结).
import { Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TAppealDetail } from '@gonghui/common';
import { ApiError } from '../../api/client.ts';
import { appealsApi } from '../../api/appeals.ts';
import { TODOS_KEY } from '../../api/transfers.ts';
import { PageSpin } from '../../components/PageSpin.tsx';
import { errorText } from '../../utils/notify.ts';
import { TransferTimeline } from '../transfers/TransferTimeline.tsx';
import { AppealActions } from './AppealActions.tsx';
import { AppealSla, AppealStatusTag } from './AppealSla.tsx';

function Facts({ data }: { data: TAppealDetail }) {
  const { t } = useTranslation();
  const D = Descriptions.Item;
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="appeal-facts">
      <D label={t('appeals.channel')}>{t(`appeals.channels.${data.channel}`)}</D>
      <D label={t('appeals.category')}>{t(`appeals.categories.${data.category}`)}</D>
      <D label={t('appeals.receivedAt')}>{data.receivedAt}</D>
      <D label={t('appeals.org')}>{data.org.name}</D>
      <D label={t('appeals.responsibleOrg')}>
        <span data-testid="appeal-responsible">{data.responsibleOrg.name}</span>
      </D>
      <D label={t('appeals.dueAt')}>
        <Space size={6} wrap>
          {data.dueAt ?? '—'}
          <AppealSla a={data} />
        </Space>
      </D>
      <D label={t('appeals.contactName')}>{data.contactName ?? '—'}</D>
      <D label={t('appeals.contactPhone')}>{data.contactPhone ?? '—'}</D>
      <D label={t('appeals.escalations')}>{data.escalations}</D>
      <D label={t('appeals.content')} span={3}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="appeal-content-full">
          {data.content}
        </Typography.Paragraph>
      </D>
      {data.reply && (
        <D label={t('appeals.reply')} span={3}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="appeal-reply">
            {data.reply}
          </Typography.Paragraph>
        </D>
      )}
      {data.satisfaction && <D label={t('appeals.satisfaction')}>{t(`appeals.satisfactions.${data.satisfaction}`)}</D>}
      {data.closedAt && <D label={t('appeals.closedAt')}>{data.closedAt}</D>}
      {data.onTime !== null && <D label={t('appeals.onTime')}>{data.onTime ? t('appeals.yes') : t('appeals.no')}</D>}
    </Descriptions>
  );
}

export function AppealDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const key = ['appeal', id];
  const query = useQuery({ queryKey: key, queryFn: () => appealsApi.get(id), enabled: Number.isInteger(id) && id > 0 });
  const back = (
    <Link to="/appeals">
      <ArrowLeftOutlined /> {t('appeals.back')}
    </Link>
  );
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('appeals.notFound')} extra={back} />;
  if (query.isPending) return <PageSpin />;
  if (query.isError) {
    const known = query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404);
    return (
      <Result
        status={known ? (String((query.error as ApiError).status) as '403' | '404') : 'error'}
        title={known ? t('appeals.notFound') : errorText(query.error)}
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
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="appeal-detail">
      {back}
      <Card
        title={
          <Space size={8} wrap>
            <span>{t('appeals.detailTitle')}</span>
            <Typography.Text className="mono" data-testid="appeal-detail-number">
              {data.number}
            </Typography.Text>
            <AppealStatusTag status={data.status} />
          </Space>
        }
      >
        <Facts data={data} />
        {data.allowedActions.length > 0 && (
          <div style={{ marginTop: 16 }}>
            <AppealActions
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
      <Card title={t('appeals.timeline')}>
        <TransferTimeline steps={data.steps} stepLabel={(a) => t(`appeals.steps.${a}`, { defaultValue: a })} />
      </Card>
    </Space>
  );
}
