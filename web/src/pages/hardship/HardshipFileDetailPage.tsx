// /hardship-files/:id: one 困难职工档案 — the household (ID number and phone masked), tier, causes, pairing and next
// review; the actions the server allows now; the assistance the household received; and the timeline of its steps.
import { Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatYuan, type THardshipDetail } from '@gonghui/common';
import { ApiError } from '../../api/client.ts';
import { hardshipApi } from '../../api/hardship.ts';
import { TODOS_KEY } from '../../api/transfers.ts';
import { PageSpin } from '../../components/PageSpin.tsx';
import { errorText } from '../../utils/notify.ts';
import { HouseholdAssistance } from '../assistance/HouseholdAssistance.tsx';
import { TransferTimeline } from '../transfers/TransferTimeline.tsx';
import { HardshipActions } from './HardshipActions.tsx';
import { HardshipStatusTag } from './HardshipStatusTag.tsx';

function Household({ data }: { data: THardshipDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="hardship-household">
      <Descriptions.Item label={t('hardship.name')}>
        <Typography.Text strong>{data.name}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('hardship.idNumber')}>
        <span className="mono">{data.idNumber}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('hardship.phone')}>{data.phone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('hardship.org')}>{data.org.name}</Descriptions.Item>
      <Descriptions.Item label={t('hardship.householdSize')}>{data.householdSize}</Descriptions.Item>
      <Descriptions.Item label={t('hardship.incomePerHead')}>{formatYuan(data.incomePerHead)}</Descriptions.Item>
      <Descriptions.Item label={t('hardship.tier')}>{t(`hardship.tiers.${data.tier}`)}</Descriptions.Item>
      <Descriptions.Item label={t('hardship.causes')}>
        {data.causes.map((c) => t(`hardship.causeLabels.${c}`)).join('、')}
      </Descriptions.Item>
      <Descriptions.Item label={t('hardship.pairing')}>{data.pairing ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('hardship.registeredAt')}>{data.registeredAt ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('hardship.reviewedAt')}>{data.reviewedAt ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('hardship.nextReviewAt')}>{data.nextReviewAt ?? '—'}</Descriptions.Item>
      {data.exitedAt && <Descriptions.Item label={t('hardship.exitedAt')}>{data.exitedAt}</Descriptions.Item>}
      {data.exitReason && <Descriptions.Item label={t('hardship.exitReason')}>{data.exitReason}</Descriptions.Item>}
      <Descriptions.Item label={t('hardship.family')} span={3}>
        {data.family.length ? data.family.map((m) => `${m.name}（${m.relation}）`).join('、') : '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The kernel records the drafting of a file as a `submit` step from no status: it is 建档（调查摸底）, not 提交审批. */
const openingAsCreate = (s: THardshipDetail['steps'][number]) =>
  s.action === 'submit' && s.from === null ? { ...s, action: 'create' } : s;

export function HardshipFileDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const key = ['hardship-file', id];
  const query = useQuery({ queryKey: key, queryFn: () => hardshipApi.get(id), enabled: Number.isInteger(id) && id > 0 });
  const back = (
    <Link to="/hardship-files">
      <ArrowLeftOutlined /> {t('hardship.back')}
    </Link>
  );
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('hardship.notFound')} extra={back} />;
  if (query.isPending) return <PageSpin />;
  if (query.isError) {
    const known = query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404);
    return (
      <Result
        status={known ? (String((query.error as ApiError).status) as '403' | '404') : 'error'}
        title={known ? t('hardship.notFound') : errorText(query.error)}
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
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="hardship-detail">
      {back}
      <Card
        title={
          <Space size={8} wrap>
            <span>{t('hardship.detailTitle')}</span>
            <Typography.Text className="mono">{data.number}</Typography.Text>
            <HardshipStatusTag status={data.status} />
          </Space>
        }
      >
        <Household data={data} />
        {data.allowedActions.length > 0 && (
          <div style={{ marginTop: 16 }}>
            <HardshipActions
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
      <HouseholdAssistance hardshipFileId={data.id} />
      <Card title={t('hardship.timeline')}>
        <TransferTimeline steps={data.steps.map(openingAsCreate)} stepLabel={(a) => t(`hardship.steps.${a}`, { defaultValue: a })} />
      </Card>
    </Space>
  );
}
