// /rights-cases/:id: one 维权案件 — what was received (type, channel, subject, employer, workers, amount at stake,
// summary; the parties' narrative only through the audited reveal), handler, deadline and outcome; the actions the
// server allows now; and the timeline of its steps.
import { Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan, type TRightsDetail } from '@gonghui/common';
import { rightsApi } from '../../api/rights.ts';
import { useCan } from '../../app/session.ts';
import { CaseDetailPage } from '../../components/CaseDetailPage.tsx';
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
  return (
    <CaseDetailPage
      queryName="rights-case"
      load={rightsApi.get}
      backTo="/rights-cases"
      text={{ back: 'rights.back', notFound: 'rights.notFound', title: 'rights.title', timeline: 'rights.timeline', steps: 'rights.steps' }}
      testId="rights-detail"
      status={(data) => <RightsStatusTag status={data.status} overdue={data.overdue} />}
      facts={(data) => <Fields data={data} />}
      actions={(data, h) => <RightsActions key={data.version} data={data} onUpdated={h.onUpdated} onRefused={h.onRefused} />}
    />
  );
}
