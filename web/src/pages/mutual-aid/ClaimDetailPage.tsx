// /mutual-aid/claims/:id: one claim — the member (masked), the amounts (invoice, what the rules give, what is left of
// the year), the diagnosis hidden behind 查看 (a reason, audited; only with mutual_aid:view_health), the invoice
// files, the actions the server allows now (复核 takes the payout and a reason when it differs, 赔付 the day,
// 驳回 an opinion) and the timeline.
import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Input, InputNumber, Modal, Result, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  MUTUAL_AID_CLAIM_KIND_LABELS,
  MUTUAL_AID_CLAIM_STATUS_LABELS,
  MUTUAL_AID_CLASS_LABELS,
  fenToYuan,
  formatYuan,
  yuanToFen,
  type MutualAidAction,
  type TMutualAidClaimDetail,
} from '@gonghui/common';
import { mutualAidApi } from '../../api/mutual-aid.ts';
import { TODOS_KEY } from '../../api/transfers.ts';
import { useCan } from '../../app/session.ts';
import { PageSpin } from '../../components/PageSpin.tsx';
import { CaseAttachments } from '../transfers/CaseAttachments.tsx';
import { formatDateTime } from '../../utils/format.ts';
import { errorText, notifyError, notifySuccess } from '../../utils/notify.ts';
import { CLAIM_STATUS_COLORS } from './statusColors.ts';

function Actions({ data, onDone }: { data: TMutualAidClaimDetail; onDone: (d: TMutualAidClaimDetail) => void }) {
  const { t } = useTranslation();
  const [paidAt, setPaidAt] = useState<Dayjs | null>(dayjs());
  const [payout, setPayout] = useState<number | null>(fenToYuan(data.computedPayout));
  const [reason, setReason] = useState('');
  const [opinion, setOpinion] = useState('');
  const can = (a: MutualAidAction) => data.allowedActions.includes(a);
  const act = useMutation({
    mutationFn: (a: MutualAidAction) =>
      mutualAidApi.act(data.id, a, {
        version: data.version,
        ...(opinion.trim() ? { opinion: opinion.trim() } : {}),
        ...(a === 'review' && payout !== null ? { payout: yuanToFen(payout) } : {}),
        ...(a === 'review' && reason.trim() ? { reason: reason.trim() } : {}),
        ...(a === 'pay' && paidAt ? { paidAt: paidAt.format('YYYY-MM-DD') } : {}),
      }),
    onSuccess: (d) => {
      notifySuccess(t('mutualAid.done'));
      onDone(d);
    },
    onError: notifyError,
  });
  const edited = payout !== null && yuanToFen(payout) !== data.computedPayout;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('review') && (
        <Space wrap>
          <span>{t('mutualAid.payout')}</span>
          <InputNumber min={0} precision={2} value={payout} onChange={setPayout} data-testid="mutual-aid-payout" />
          <Typography.Text type="secondary">{`${t('mutualAid.computedPayout')} ${formatYuan(data.computedPayout)}`}</Typography.Text>
        </Space>
      )}
      {can('review') && edited && (
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          placeholder={t('mutualAid.payoutReason')}
          data-testid="mutual-aid-reason"
        />
      )}
      {can('pay') && (
        <Space>
          <span>{t('mutualAid.claimPaidAt')}</span>
          <DatePicker value={paidAt} onChange={setPaidAt} data-testid="mutual-aid-paid-at" />
        </Space>
      )}
      <Input.TextArea value={opinion} onChange={(e) => setOpinion(e.target.value)} maxLength={500} placeholder={t('mutualAid.opinion')} />
      <Space wrap>
        {data.allowedActions.map((a) => (
          <Button
            key={a}
            type={a === 'reject' ? 'default' : 'primary'}
            danger={a === 'reject'}
            loading={act.isPending}
            onClick={() => act.mutate(a)}
            data-testid={`mutual-aid-action-${a}`}
          >
            {t(`mutualAid.actions.${a}`)}
          </Button>
        ))}
      </Space>
    </Space>
  );
}

function Diagnosis({ id }: { id: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const view = useMutation({
    mutationFn: () => mutualAidApi.health(id, reason.trim()),
    onSuccess: (d) => {
      setShown(d.diagnosis);
      setAsking(false);
    },
    onError: notifyError,
  });
  if (shown !== null) return <span data-testid="mutual-aid-diagnosis">{shown}</span>;
  return (
    <Space>
      <Typography.Text type="secondary">{t('mutualAid.diagnosisHidden')}</Typography.Text>
      {can('mutual_aid:view_health') && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)} data-testid="mutual-aid-view-health">
          {t('mutualAid.view')}
        </Button>
      )}
      <Modal
        open={asking}
        title={t('mutualAid.viewReason')}
        onCancel={() => setAsking(false)}
        onOk={() => view.mutate()}
        confirmLoading={view.isPending}
      >
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          placeholder={t('mutualAid.viewReasonHint')}
        />
      </Modal>
    </Space>
  );
}

export function ClaimDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const key = ['mutual-aid-claim', id];
  const query = useQuery({ queryKey: key, queryFn: () => mutualAidApi.claim(id), enabled: Number.isInteger(id) && id > 0 });
  const back = (
    <Link to="/mutual-aid/claims">
      <ArrowLeftOutlined /> {t('mutualAid.claims')}
    </Link>
  );
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <Result status="404" title={errorText(query.error)} extra={back} />;
  const d = query.data;
  const done = (next: TMutualAidClaimDetail) => {
    queryClient.setQueryData(key, next);
    void queryClient.invalidateQueries({ queryKey: TODOS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['mutual-aid-claims'] });
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="mutual-aid-claim-detail">
      {back}
      <Card
        title={
          <Space size={8} wrap>
            <span>{t('mutualAid.detail')}</span>
            <Typography.Text className="mono">{d.number}</Typography.Text>
            <Tag color={CLAIM_STATUS_COLORS[d.status]} data-testid="mutual-aid-status" data-status={d.status}>
              {MUTUAL_AID_CLAIM_STATUS_LABELS[d.status]}
            </Tag>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('mutualAid.member')}>{d.memberName}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.idNumber')}>{d.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.unit')}>{d.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.class')}>{MUTUAL_AID_CLASS_LABELS[d.classCode]}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.kind')}>{MUTUAL_AID_CLAIM_KIND_LABELS[d.kind]}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.invoiceShort')}>{d.invoiceTotalText}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.computedPayout')}>{formatYuan(d.computedPayout)}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.remaining')}>{d.remainingText}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.payoutShort')}>
            <span data-testid="mutual-aid-payout-text">{d.payoutText ?? '—'}</span>
          </Descriptions.Item>
          {d.payoutReason && <Descriptions.Item label={t('mutualAid.payoutReason')}>{d.payoutReason}</Descriptions.Item>}
          <Descriptions.Item label={t('mutualAid.claimPaidAt')}>{d.paidAt ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('mutualAid.diagnosis')}>
            <Diagnosis id={d.id} />
          </Descriptions.Item>
        </Descriptions>
        {d.allowedActions.length > 0 && (
          <div style={{ marginTop: 16 }}>
            <Actions key={d.version} data={d} onDone={done} />
          </div>
        )}
      </Card>
      <Card title={t('mutualAid.attachments')}>
        <CaseAttachments caseId={d.id} attachments={d.attachments} policy={d.attachmentPolicy} onChanged={() => void query.refetch()} />
      </Card>
      <Card title={t('mutualAid.timeline')}>
        <Timeline
          items={d.steps.map((s) => ({
            children: (
              <div>
                <strong>{t(`mutualAid.steps.${s.action}`, { defaultValue: s.action })}</strong> · {s.actorName}
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
