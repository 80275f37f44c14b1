// /injury-reports/:id: one 工伤探视 report — the worker (masked; full name and ID only through the audited reveal),
// employer, injury, the visit's deadline; 登记探视 records the day, the visitors and the condolence money (paid
// through the fund ledger; 0 for a visit without money); and the timeline.
import { Button, Card, Descriptions, Result, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { ModalForm, ProFormDatePicker, ProFormDigit, ProFormText } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatYuan, todayCst } from '@gonghui/common';
import { ApiError } from '../../api/client.ts';
import { injuryApi } from '../../api/rights.ts';
import { TODOS_KEY } from '../../api/transfers.ts';
import { useCan } from '../../app/session.ts';
import { PageSpin } from '../../components/PageSpin.tsx';
import { toIsoDate } from '../../utils/format.ts';
import { errorText, notifyError, notifySuccess } from '../../utils/notify.ts';
import { TransferTimeline } from '../transfers/TransferTimeline.tsx';
import { RevealButton } from './RevealButton.tsx';

export function InjuryDetailPage() {
  const { t } = useTranslation();
  const can = useCan();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const key = ['injury-report', id];
  const query = useQuery({ queryKey: key, queryFn: () => injuryApi.get(id), enabled: Number.isInteger(id) && id > 0 });
  const back = (
    <Link to="/injury-reports">
      <ArrowLeftOutlined /> {t('rights.injury.back')}
    </Link>
  );
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title={t('rights.injury.notFound')} extra={back} />;
  if (query.isPending) return <PageSpin />;
  if (query.isError) {
    const known = query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404);
    return (
      <Result
        status={known ? (String((query.error as ApiError).status) as '403' | '404') : 'error'}
        title={known ? t('rights.injury.notFound') : errorText(query.error)}
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
  const I = Descriptions.Item;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="injury-detail">
      {back}
      <Card
        title={
          <Space size={8} wrap>
            <span>{t('rights.injury.title')}</span>
            <Typography.Text className="mono">{data.number}</Typography.Text>
            <Tag color={data.status === 'visited' ? 'green' : 'gold'}>{t(`rights.injury.statuses.${data.status}`)}</Tag>
            {data.overdue && <Tag color="red">{t('rights.overdue')}</Tag>}
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <I label={t('rights.injury.name')}>
            <Space>
              <Typography.Text strong>{data.name}</Typography.Text>
              {can('member:view_sensitive') && (
                <RevealButton
                  label={t('rights.injury.reveal')}
                  reveal={async (reason) => {
                    const r = await injuryApi.reveal(data.id, reason);
                    return `${r.name}${r.idNumber ? `\n${r.idNumber}` : ''}`;
                  }}
                />
              )}
            </Space>
          </I>
          <I label={t('rights.injury.idNumber')}>
            <span className="mono">{data.idNumber ?? '—'}</span>
          </I>
          <I label={t('rights.injury.employerName')}>{data.employerName}</I>
          <I label={t('rights.org')}>{data.org.name}</I>
          <I label={t('rights.injury.injuredAt')}>{data.injuredAt}</I>
          <I label={t('rights.injury.severity')}>{t(`rights.injury.severities.${data.severity}`)}</I>
          <I label={t('rights.injury.dueAt')}>{data.dueAt ?? '—'}</I>
          <I label={t('rights.injury.visitedAt')}>{data.visitedAt ?? '—'}</I>
          <I label={t('rights.injury.visitors')}>{data.visitors ?? '—'}</I>
          <I label={t('rights.injury.amount')}>{data.amount === null ? '—' : formatYuan(data.amount)}</I>
        </Descriptions>
        {data.allowedActions.includes('visit') && (
          <ModalForm<{ visitedAt: unknown; visitors: string; amountYuan: number }>
            title={t('rights.injury.visit')}
            width={480}
            trigger={
              <Button type="primary" style={{ marginTop: 16 }} data-testid="injury-visit">
                {t('rights.injury.visit')}
              </Button>
            }
            modalProps={{ destroyOnHidden: true }}
            initialValues={{ visitedAt: todayCst(), amountYuan: 0 }}
            onFinish={async (v) => {
              try {
                const next = await injuryApi.act(data.id, 'visit', {
                  version: data.version,
                  visitedAt: toIsoDate(v.visitedAt),
                  visitors: v.visitors,
                  amount: Math.round(v.amountYuan * 100),
                });
                queryClient.setQueryData(key, next);
                void queryClient.invalidateQueries({ queryKey: TODOS_KEY });
                notifySuccess(t('rights.done'));
                return true;
              } catch (err) {
                notifyError(err);
                void query.refetch();
                return false;
              }
            }}
          >
            <ProFormDatePicker name="visitedAt" label={t('rights.injury.visitedAt')} rules={[{ required: true }]} />
            <ProFormText name="visitors" label={t('rights.injury.visitors')} rules={[{ required: true, whitespace: true }]} />
            <ProFormDigit
              name="amountYuan"
              label={t('rights.injury.amount')}
              min={0}
              fieldProps={{ precision: 2 }}
              rules={[{ required: true }]}
            />
          </ModalForm>
        )}
      </Card>
      <Card title={t('rights.timeline')}>
        <TransferTimeline steps={data.steps} stepLabel={(a) => t(`rights.injury.steps.${a}`, { defaultValue: a })} />
      </Card>
    </Space>
  );
}
