// /appeals/:id: one 职工诉求 — channel, category, the content in full, the contact masked, the receiving and the
// responsible union, the SLA clock; the reply and the worker's satisfaction once given; the actions the server allows
// now; and the timeline of its steps (受理, 上报, 逾期自动上报, 答复, 办结).
import { Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAppealDetail } from '@gonghui/common';
import { appealsApi } from '../../api/appeals.ts';
import { CaseDetailPage } from '../../components/CaseDetailPage.tsx';
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
  return (
    <CaseDetailPage
      queryName="appeal"
      load={appealsApi.get}
      backTo="/appeals"
      text={{
        back: 'appeals.back',
        notFound: 'appeals.notFound',
        title: 'appeals.detailTitle',
        timeline: 'appeals.timeline',
        steps: 'appeals.steps',
      }}
      testId="appeal-detail"
      status={(data) => <AppealStatusTag status={data.status} />}
      facts={(data) => <Facts data={data} />}
      actions={(data, h) => <AppealActions key={data.version} data={data} onUpdated={h.onUpdated} onRefused={h.onRefused} />}
    />
  );
}
