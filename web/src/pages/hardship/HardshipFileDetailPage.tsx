// /hardship-files/:id: one 困难职工档案 — the household (ID number and phone masked), tier, causes, pairing and next
// review; the actions the server allows now; the assistance the household received; and the timeline of its steps.
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan, type THardshipDetail } from '@gonghui/common';
import { hardshipApi } from '../../api/hardship.ts';
import { CaseDetailPage } from '../../components/CaseDetailPage.tsx';
import { HouseholdAssistance } from '../assistance/HouseholdAssistance.tsx';
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
  return (
    <CaseDetailPage
      queryName="hardship-file"
      load={hardshipApi.get}
      backTo="/hardship-files"
      text={{
        back: 'hardship.back',
        notFound: 'hardship.notFound',
        title: 'hardship.detailTitle',
        timeline: 'hardship.timeline',
        steps: 'hardship.steps',
      }}
      testId="hardship-detail"
      status={(data) => <HardshipStatusTag status={data.status} />}
      facts={(data) => <Household data={data} />}
      actions={(data, h) => <HardshipActions key={data.version} data={data} onUpdated={h.onUpdated} onRefused={h.onRefused} />}
      between={(data) => <HouseholdAssistance hardshipFileId={data.id} />}
      steps={(data) => data.steps.map(openingAsCreate)}
    />
  );
}
