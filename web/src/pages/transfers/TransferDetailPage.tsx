// /transfers/:id: one 会员接转 case — header (number, status, member, from → to, due date), the actions the server
// allows now, its attachments (介绍信 scans; both unions see them) and the timeline of its steps.
import { Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { TODOS_KEY, transferApi, type TransferCase } from '../../api/transfers.ts';
import { PageSpin } from '../../components/PageSpin.tsx';
import { errorText } from '../../utils/notify.ts';
import { TransferActions } from './TransferActions.tsx';
import { TransferTimeline } from './TransferTimeline.tsx';
import { CaseAttachments } from './CaseAttachments.tsx';
import { formatDue, isOverdue, OverdueTag, TransferStatusTag } from './TransferStatusTag.tsx';

function CaseHeader({ data }: { data: TransferCase }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3, xl: 3, xxl: 3 }} size="small" data-testid="transfer-header">
      <Descriptions.Item label={t('transfer.member')}>
        <Typography.Text strong data-testid="transfer-member">
          {data.member.name}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('transfer.from')}>
        <span data-testid="transfer-from">{data.fromOrg.name}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('transfer.to')}>
        <Space size={6}>
          <ArrowRightOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          <span data-testid="transfer-to">{data.toOrg.name}</span>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('transfer.dueAt')}>
        <Space size={4}>
          <span data-testid="transfer-due">{formatDue(data.dueAt)}</span>
          {isOverdue(data.status, data.dueAt) && <OverdueTag />}
        </Space>
      </Descriptions.Item>
      {data.assignee && data.status === 'pending' && <Descriptions.Item label={t('transfer.assignee')}>{data.assignee}</Descriptions.Item>}
    </Descriptions>
  );
}

export function TransferDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const key = ['transfer', id];
  const query = useQuery({
    queryKey: key,
    queryFn: () => transferApi.get(id),
    enabled: Number.isInteger(id) && id > 0,
  });

  const back = (
    <Link to="/transfers">
      <ArrowLeftOutlined /> {t('transfer.back')}
    </Link>
  );
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('transfer.notFound')} extra={back} />;
  if (query.isPending) return <PageSpin />;
  if (query.isError) {
    const status =
      query.error instanceof ApiError && query.error.status === 403
        ? '403'
        : query.error instanceof ApiError && query.error.status === 404
          ? '404'
          : 'error';
    return (
      <Result
        status={status}
        title={status === 'error' ? errorText(query.error) : t('transfer.notFound')}
        subTitle={status === 'error' ? undefined : errorText(query.error)}
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
  const updated = (next: TransferCase) => {
    queryClient.setQueryData(key, next);
    void queryClient.invalidateQueries({ queryKey: TODOS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['member', data.member.id] });
  };
  const refused = () => {
    void query.refetch();
    void queryClient.invalidateQueries({ queryKey: TODOS_KEY });
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="transfer-detail" data-transfer-id={data.id}>
      {back}
      <Card
        title={
          <Space size={8} wrap>
            <span>{t('transfer.detailTitle')}</span>
            <Typography.Text className="mono" data-testid="transfer-case-number">
              {data.number}
            </Typography.Text>
            <TransferStatusTag status={data.status} />
          </Space>
        }
      >
        <CaseHeader data={data} />
        {data.allowedActions.length > 0 && (
          <div style={{ marginTop: 16 }}>
            <TransferActions key={data.version} data={data} onUpdated={updated} onRefused={refused} />
          </div>
        )}
      </Card>
      <Card title={t('transfer.attachments')}>
        <CaseAttachments
          caseId={data.id}
          attachments={data.attachments}
          policy={data.attachmentPolicy}
          onChanged={() => void query.refetch()}
        />
      </Card>
      <Card title={t('transfer.timeline')}>
        <TransferTimeline steps={data.steps} />
      </Card>
    </Space>
  );
}
