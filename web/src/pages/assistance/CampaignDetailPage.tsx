// /campaigns/:id: a campaign's budget used and remaining per fund source, its totals, and what each direct child of
// the opening union submitted, approved and was paid (live from the entries).
import { useState } from 'react';
import { Button, Card, Descriptions, Result, Space, Table } from 'antd';
import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatYuan, type TCampaignDetail } from '@gonghui/common';
import { campaignApi } from '../../api/assistance.ts';
import { useCan, useSession } from '../../app/session.ts';
import { PageSpin } from '../../components/PageSpin.tsx';
import { errorText } from '../../utils/notify.ts';
import { BeneficiaryImportModal } from './BeneficiaryImportModal.tsx';

export function CampaignDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const can = useCan();
  const session = useSession();
  const queryClient = useQueryClient();
  const [importing, setImporting] = useState(false);
  const query = useQuery({ queryKey: ['campaign', id], queryFn: () => campaignApi.get(id), enabled: Number.isInteger(id) && id > 0 });
  const back = (
    <Link to="/campaigns">
      <ArrowLeftOutlined /> {t('campaign.title')}
    </Link>
  );
  if (query.isPending) return <PageSpin />;
  if (query.isError) return <Result status="404" title={errorText(query.error)} extra={back} />;
  const c = query.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="campaign-detail">
      {back}
      <Card
        title={`${t('campaign.detail')}：${c.name}`}
        extra={
          // Cadres who register assistance submit the list of their union (under the campaign's union).
          can('assistance:manage') && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="campaign-import">
              {t('campaign.import')}
            </Button>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('campaign.kind')}>{c.kindLabel}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.org')}>{c.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.period')}>{`${c.startsOn} ~ ${c.endsOn}`}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.submitted')}>{c.totals.entries}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.paid')}>{c.totals.paid}</Descriptions.Item>
          <Descriptions.Item label={t('campaign.paidAmount')}>{c.totals.paidAmountText}</Descriptions.Item>
        </Descriptions>
        <Table<TCampaignDetail['funds'][number]>
          rowKey="fundSource"
          size="small"
          pagination={false}
          style={{ marginTop: 16 }}
          scroll={{ x: 'max-content' }}
          // Only the sources the campaign budgets or pays from: four rows of 0.00元 hide the one that matters.
          dataSource={c.funds.filter((f) => f.budget !== 0 || f.used !== 0)}
          columns={[
            { title: t('assistance.fundSource'), dataIndex: 'label' },
            { title: t('campaign.budgetAmount'), dataIndex: 'budget', align: 'right', render: (n: number) => formatYuan(n) },
            { title: t('campaign.used'), dataIndex: 'usedText', align: 'right' },
            { title: t('campaign.remaining'), dataIndex: 'remainingText', align: 'right' },
          ]}
        />
      </Card>
      <Card title={t('campaign.children')}>
        <Table<TCampaignDetail['children'][number]>
          rowKey="orgId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={c.children}
          columns={[
            { title: t('assistance.org'), dataIndex: 'name' },
            { title: t('campaign.submitted'), dataIndex: 'submitted', align: 'right' },
            { title: t('campaign.requested'), dataIndex: 'requested', align: 'right' },
            { title: t('campaign.approved'), dataIndex: 'approved', align: 'right' },
            { title: t('campaign.paid'), dataIndex: 'paid', align: 'right' },
            { title: t('campaign.paidAmount'), dataIndex: 'paidAmountText', align: 'right' },
          ]}
        />
      </Card>
      {importing && (
        <BeneficiaryImportModal
          open
          campaign={c}
          defaultOrg={session.org}
          onClose={() => setImporting(false)}
          onImported={() => {
            void queryClient.invalidateQueries({ queryKey: ['campaign', id] });
            void queryClient.invalidateQueries({ queryKey: ['assistance'] });
          }}
        />
      )}
    </Space>
  );
}
