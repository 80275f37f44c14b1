// /join-applications/:id: one online 入会申请 — the applicant masked, the employer, the union applied to, the SLA
// clock; once decided the new member's card number or the reason; the actions the server allows
// now; and the timeline of its steps (提交申请, 逾期, 批准入会 / 不予批准).
import { Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TJoinApplicationDetail } from '@gonghui/common';
import { ApiError } from '../../api/client.ts';
import { joinApi } from '../../api/join.ts';
import { TODOS_KEY } from '../../api/transfers.ts';
import { PageSpin } from '../../components/PageSpin.tsx';
import { errorText } from '../../utils/notify.ts';
import { TransferTimeline } from '../transfers/TransferTimeline.tsx';
import { JoinActions } from './JoinActions.tsx';
import { JoinSla, JoinStatusTag } from './JoinSla.tsx';

function Facts({ data }: { data: TJoinApplicationDetail }) {
  const { t } = useTranslation();
  const D = Descriptions.Item;
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="join-facts">
      <D label={t('join.name')}>{data.name}</D>
      <D label={t('join.idNumber')}>
        <span className="mono">{data.idNumber}</span>
      </D>
      <D label={t('join.phone')}>
        <span className="mono">{data.phone}</span>
      </D>
      <D label={t('join.employerName')}>{data.employerName}</D>
      <D label={t('join.employerUscc')}>{data.employerUscc ?? '—'}</D>
      <D label={t('join.noUnion')}>{data.noUnion ? t('join.yes') : t('join.no')}</D>
      <D label={t('join.org')}>{data.org.name}</D>
      <D label={t('join.submittedAt')}>{data.submittedAt.slice(0, 16).replace('T', ' ')}</D>
      <D label={t('join.dueAt')}>
        <Space size={6} wrap>
          {data.dueAt ?? '—'}
          <JoinSla a={data} />
        </Space>
      </D>
      {data.decidedAt && <D label={t('join.decidedAt')}>{data.decidedAt.slice(0, 16).replace('T', ' ')}</D>}
      {data.cardNo && (
        <D label={t('join.cardNo')}>
          <span className="mono" data-testid="join-card-no">
            {data.cardNo}
          </span>
        </D>
      )}
      {data.reason && (
        <D label={t('join.reason')} span={3}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="join-reason">
            {data.reason}
          </Typography.Paragraph>
        </D>
      )}
    </Descriptions>
  );
}

export function JoinApplicationDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const key = ['join-application', id];
  const query = useQuery({ queryKey: key, queryFn: () => joinApi.get(id), enabled: Number.isInteger(id) && id > 0 });
  const back = (
    <Link to="/join-applications">
      <ArrowLeftOutlined /> {t('join.back')}
    </Link>
  );
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('join.notFound')} extra={back} />;
  if (query.isPending) return <PageSpin />;
  if (query.isError) {
    const known = query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404);
    return (
      <Result
        status={known ? (String((query.error as ApiError).status) as '403' | '404') : 'error'}
        title={known ? t('join.notFound') : errorText(query.error)}
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
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="join-detail">
      {back}
      <Card
        title={
          <Space size={8} wrap>
            <span>{t('join.detailTitle')}</span>
            <Typography.Text className="mono" data-testid="join-detail-number">
              {data.number}
            </Typography.Text>
            <JoinStatusTag status={data.status} />
          </Space>
        }
      >
        <Facts data={data} />
        {data.allowedActions.length > 0 && (
          <div style={{ marginTop: 16 }}>
            <JoinActions
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
      <Card title={t('join.timeline')}>
        <TransferTimeline steps={data.steps} stepLabel={(a) => t(`join.steps.${a}`, { defaultValue: a })} />
      </Card>
    </Space>
  );
}
