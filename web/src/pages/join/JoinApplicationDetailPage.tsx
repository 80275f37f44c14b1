// /join-applications/:id: one online 入会申请 — the applicant masked, the employer, the union applied to, the SLA
// clock; once decided the new member's card number or the reason; the actions the server allows
// now; and the timeline of its steps (提交申请, 逾期, 批准入会 / 不予批准).
import { Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TJoinApplicationDetail } from '@gonghui/common';
import { joinApi } from '../../api/join.ts';
import { CaseDetailPage } from '../../components/CaseDetailPage.tsx';
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
  return (
    <CaseDetailPage
      queryName="join-application"
      load={joinApi.get}
      backTo="/join-applications"
      text={{ back: 'join.back', notFound: 'join.notFound', title: 'join.detailTitle', timeline: 'join.timeline', steps: 'join.steps' }}
      testId="join-detail"
      status={(data) => <JoinStatusTag status={data.status} />}
      facts={(data) => <Facts data={data} />}
      actions={(data, h) => <JoinActions key={data.version} data={data} onUpdated={h.onUpdated} onRefused={h.onRefused} />}
    />
  );
}
