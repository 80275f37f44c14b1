// /assistance/:id: one 帮扶救助 entry — the person (masked), the payment, the campaign and student, the actions the
// server allows now (发放 asks for the day, 冲正 for a reason) and the timeline.
import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Input, Result, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_STATUS_LABELS,
  FUND_SOURCE_LABELS,
  STUDENT_STAGE_LABELS,
  formatYuan,
  type AssistanceAction,
  type TAssistanceDetail,
} from '@gonghui/common';
import { assistanceApi } from '../../api/assistance.ts';
import { TODOS_KEY } from '../../api/transfers.ts';
import { PageSpin } from '../../components/PageSpin.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { ASSISTANCE_STATUS_COLORS } from './statusColors.ts';
import { errorText, notifyError, notifySuccess } from '../../utils/notify.ts';

function Actions({ data, onDone }: { data: TAssistanceDetail; onDone: (d: TAssistanceDetail) => void }) {
  const { t } = useTranslation();
  const [paidAt, setPaidAt] = useState<Dayjs | null>(dayjs());
  const [opinion, setOpinion] = useState('');
  const act = useMutation({
    mutationFn: (a: AssistanceAction) =>
      assistanceApi.act(data.id, a, {
        version: data.version,
        ...(opinion.trim() ? { opinion: opinion.trim() } : {}),
        ...(a === 'pay' && paidAt ? { paidAt: paidAt.format('YYYY-MM-DD') } : {}),
      }),
    onSuccess: (d) => {
      notifySuccess(t('assistance.done'));
      onDone(d);
    },
    onError: notifyError,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {data.allowedActions.includes('pay') && (
        <Space>
          <span>{t('assistance.paidAt')}</span>
          <DatePicker value={paidAt} onChange={setPaidAt} />
        </Space>
      )}
      <Input.TextArea
        value={opinion}
        onChange={(e) => setOpinion(e.target.value)}
        maxLength={500}
        placeholder={data.allowedActions.includes('reverse') ? t('assistance.reverseReason') : t('assistance.opinion')}
      />
      <Space wrap>
        {data.allowedActions.map((a) => (
          <Button
            key={a}
            type={a === 'approve' || a === 'pay' ? 'primary' : 'default'}
            danger={a === 'reverse' || a === 'cancel'}
            loading={act.isPending}
            onClick={() => act.mutate(a)}
            data-testid={`assistance-action-${a}`}
          >
            {t(`assistance.actions.${a}`)}
          </Button>
        ))}
      </Space>
    </Space>
  );
}

export function AssistanceDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const key = ['assistance-entry', id];
  const query = useQuery({ queryKey: key, queryFn: () => assistanceApi.get(id), enabled: Number.isInteger(id) && id > 0 });
  const back = (
    <Link to="/assistance">
      <ArrowLeftOutlined /> {t('assistance.title')}
    </Link>
  );
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <Result status="404" title={errorText(query.error)} extra={back} />;
  const d = query.data;
  const done = (next: TAssistanceDetail) => {
    queryClient.setQueryData(key, next);
    void queryClient.invalidateQueries({ queryKey: TODOS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['assistance'] });
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="assistance-detail">
      {back}
      <Card
        title={
          <Space size={8} wrap>
            <span>{t('assistance.detail')}</span>
            <Typography.Text className="mono">{d.number}</Typography.Text>
            <Tag color={ASSISTANCE_STATUS_COLORS[d.status]} data-testid="assistance-status">
              {ASSISTANCE_STATUS_LABELS[d.status]}
            </Tag>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('assistance.name')}>{d.name}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.idNumber')}>{d.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.phone')}>{d.phoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.org')}>{d.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.campaign')}>
            {d.campaign ? <Link to={`/campaigns/${d.campaign.id}`}>{d.campaign.name}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('assistance.kind')}>{ASSISTANCE_KIND_LABELS[d.kind]}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.amountShort')}>{formatYuan(d.amount)}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.goodsValueShort')}>{formatYuan(d.goodsValue)}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.fundSource')}>{FUND_SOURCE_LABELS[d.fundSource]}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.date')}>{d.date}</Descriptions.Item>
          <Descriptions.Item label={t('assistance.paidAt')}>{d.paidAt ?? '—'}</Descriptions.Item>
          {d.visitingLeader && <Descriptions.Item label={t('assistance.visitingLeader')}>{d.visitingLeader}</Descriptions.Item>}
          {d.student && (
            <Descriptions.Item label={t('assistance.student')}>
              {[d.student.name, d.student.school, d.student.stage ? STUDENT_STAGE_LABELS[d.student.stage] : null, d.student.admissionYear]
                .filter(Boolean)
                .join(' · ')}
            </Descriptions.Item>
          )}
        </Descriptions>
        {d.allowedActions.length > 0 && (
          <div style={{ marginTop: 16 }}>
            <Actions key={d.version} data={d} onDone={done} />
          </div>
        )}
      </Card>
      <Card title={t('assistance.timeline')}>
        <Timeline
          items={d.steps.map((s) => ({
            children: (
              <div>
                <strong>{t(`assistance.steps.${s.action}`, { defaultValue: s.action })}</strong> · {s.actorName}
                {s.actorOrgName ? `（${s.actorOrgName}）` : ''} · {formatDateTime(s.at)}
                {s.opinion && <div>{s.opinion}</div>}
              </div>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
