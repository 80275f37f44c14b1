// One 组织导入 job as the modal shows it: progress while it runs; then the counts (新建/更新/错误), the refused rows
// (原表行号, 列, 错误原因) with the error report download; a failed job shows why (and its rows, if it got that far).
import { Alert, Button, Col, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { orgImportApi, type OrgImportJob } from '../../api/orgImports.ts';
import { notifyError } from '../../utils/notify.ts';

export const isFinished = (job: OrgImportJob | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

/** Polls the job every second until it has ended. */
export function useOrgImportJob(id: number | undefined) {
  return useQuery({
    queryKey: ['org-import', id],
    queryFn: () => orgImportApi.get(id ?? 0),
    enabled: id !== undefined,
    refetchInterval: (q) => (isFinished(q.state.data) ? false : 1000),
    staleTime: 0,
    gcTime: 0,
    retry: 1,
  });
}

function ErrorsTable({ job }: { job: OrgImportJob }) {
  const { t } = useTranslation();
  if (job.errorCount === 0) return null;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', margin: '16px 0 8px' }}>
        <Typography.Text strong>{t('orgImport.errorsTitle')}</Typography.Text>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={() => void orgImportApi.errorReport(job).catch(notifyError)}
          data-testid="org-import-error-report"
        >
          {t('orgImport.errorReport')}
        </Button>
      </Space>
      <Table<OrgImportJob['errors'][number]>
        size="small"
        rowKey={(e) => `${e.row}`}
        dataSource={job.errors}
        pagination={{ pageSize: 8, size: 'small', showSizeChanger: false }}
        columns={[
          { title: t('orgImport.row'), dataIndex: 'row', width: 84 },
          { title: t('orgImport.column'), dataIndex: 'column', width: 150 },
          { title: t('orgImport.message'), dataIndex: 'message' },
        ]}
        data-testid="org-import-errors"
      />
      {job.errorCount > job.errors.length && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('orgImport.errorsMore', { shown: job.errors.length })}
        </Typography.Text>
      )}
    </>
  );
}

function CheckSummary({ job }: { job: OrgImportJob }) {
  const { t } = useTranslation();
  return (
    <div data-testid="org-import-check">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('orgImport.checkResult', { total: job.totalRows, creates: job.creates, updates: job.updates, errors: job.errorCount })}
      </Typography.Paragraph>
      <Space size={8} wrap>
        <Tag color="success" style={{ fontSize: 14, padding: '2px 10px' }}>
          {t('orgImport.creates', { count: job.creates })}
        </Tag>
        <Tag color="processing" style={{ fontSize: 14, padding: '2px 10px' }}>
          {t('orgImport.updates', { count: job.updates })}
        </Tag>
        <Tag
          color={job.errorCount > 0 ? 'error' : 'default'}
          style={{ fontSize: 14, padding: '2px 10px' }}
          data-testid="org-import-error-count"
        >
          {t('orgImport.errors', { count: job.errorCount })}
        </Tag>
      </Space>
      {job.errorCount > 0 && <Alert type="warning" showIcon message={t('orgImport.mustFix')} style={{ marginTop: 12 }} />}
      {job.errorCount === 0 && job.creates + job.updates === 0 && (
        <Alert type="info" showIcon message={t('orgImport.nothing')} style={{ marginTop: 12 }} />
      )}
    </div>
  );
}

function ImportSummary({ job }: { job: OrgImportJob }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16} data-testid="org-import-result">
      <Col span={12}>
        <Statistic title={t('orgImport.created')} value={job.creates} suffix={t('orgImport.unit')} />
      </Col>
      <Col span={12}>
        <Statistic title={t('orgImport.updated')} value={job.updates} suffix={t('orgImport.unit')} />
      </Col>
    </Row>
  );
}

export function OrgImportJobView({ job }: { job: OrgImportJob | undefined }) {
  const { t } = useTranslation();
  if (!job || job.status === 'queued' || job.status === 'running') {
    const label = !job || job.status === 'queued' ? t('orgImport.queued') : job.dryRun ? t('orgImport.checking') : t('orgImport.importing');
    return (
      <div style={{ padding: '24px 0' }} data-testid="org-import-progress">
        <Typography.Text>{label}</Typography.Text>
        <Progress percent={Math.floor((job?.progress ?? 0) * 100)} status="active" />
      </div>
    );
  }
  if (job.status === 'failed') {
    return (
      <>
        <Alert
          type="error"
          showIcon
          message={t('orgImport.failed')}
          description={job.message ?? undefined}
          data-testid="org-import-failed"
        />
        <ErrorsTable job={job} />
      </>
    );
  }
  return (
    <>
      <Progress percent={100} size="small" style={{ marginBottom: 12 }} />
      {job.dryRun ? <CheckSummary job={job} /> : <ImportSummary job={job} />}
      <ErrorsTable job={job} />
    </>
  );
}
