// One import job as the wizard shows it: a progress bar while it runs, then the counts, the refused rows
// (行号, 列, 原因) and the error report download, the rows imported with a remark; a failed job shows why.
import { Alert, Button, Col, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { importApi, type ImportJob } from '../../../api/members.ts';
import { notifyError } from '../../../utils/notify.ts';
import { errorCountOf } from './useImportJob.ts';

type ImportError = ImportJob['errors'][number];
type Notice = NonNullable<ImportJob['notices']>[number];

function Running({ job, dryRun }: { job: ImportJob | undefined; dryRun: boolean }) {
  const { t } = useTranslation();
  const label =
    !job || job.status === 'queued'
      ? t('importer.queued')
      : dryRun
        ? t('importer.checking')
        : job.publishing
          ? t('importer.publishing')
          : t('importer.importing');
  return (
    <div style={{ padding: '24px 0' }} data-testid="import-progress">
      <Typography.Text>{label}</Typography.Text>
      <Progress percent={Math.floor((job?.progress ?? 0) * 100)} status="active" />
    </div>
  );
}

function ErrorsTable({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const count = errorCountOf(job);
  if (count === 0) return null;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', margin: '16px 0 8px' }}>
        <Typography.Text strong>{t('importer.errorsTitle')}</Typography.Text>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={() => void importApi.errorReport(job.id).catch(notifyError)}
          data-testid="import-error-report"
        >
          {t('importer.errorReport')}
        </Button>
      </Space>
      <Table<ImportError>
        size="small"
        rowKey={(e, i) => `${e.row}:${e.column ?? ''}:${i ?? 0}`}
        dataSource={job.errors}
        pagination={{ pageSize: 8, size: 'small', showSizeChanger: false }}
        columns={[
          { title: t('importer.row'), dataIndex: 'row', width: 72 },
          { title: t('importer.column'), dataIndex: 'column', width: 100, render: (v: string | undefined) => v ?? '—' },
          { title: t('importer.message'), dataIndex: 'message' },
        ]}
        data-testid="import-errors"
      />
      {count > job.errors.length && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('importer.errorsMore', { shown: job.errors.length })}
        </Typography.Text>
      )}
    </>
  );
}

/** Rows imported with a remark (a converted 15-digit ID number, a retiree whose 保留会籍 is set by hand). */
function NoticesTable({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const notices = job.notices ?? [];
  if (notices.length === 0) return null;
  return (
    <>
      <Typography.Text strong style={{ display: 'block', margin: '16px 0 8px' }}>
        {t('importer.noticesTitle')}
      </Typography.Text>
      <Table<Notice>
        size="small"
        rowKey={(n, i) => `${n.row}:${i ?? 0}`}
        dataSource={notices}
        pagination={{ pageSize: 5, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: t('importer.row'), dataIndex: 'row', width: 72 },
          { title: t('importer.noticeMessage'), dataIndex: 'message' },
        ]}
        data-testid="import-notices"
      />
      {(job.noticeCount ?? 0) > notices.length && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('importer.noticesMore', { shown: notices.length })}
        </Typography.Text>
      )}
    </>
  );
}

function CheckSummary({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const errors = errorCountOf(job);
  return (
    <div data-testid="import-check-result">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('importer.checkResult', { total: job.totalRows, valid: job.validRows, errors })}
      </Typography.Paragraph>
      <Space size={8} wrap>
        <Tag color="success" style={{ fontSize: 14, padding: '2px 10px' }} data-testid="import-ok-count">
          {t('importer.ok', { count: job.validRows })}
        </Tag>
        <Tag color={errors > 0 ? 'error' : 'default'} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="import-bad-count">
          {t('importer.bad', { count: errors })}
        </Tag>
        {(job.noticeCount ?? 0) > 0 && (
          <Tag color="blue" data-testid="import-notice-count">
            {t('importer.notices', { count: job.noticeCount })}
          </Tag>
        )}
      </Space>
      {job.validRows > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('importer.expected', { imported: job.imported, updated: job.updated, skipped: job.skipped })}
        </Typography.Paragraph>
      )}
    </div>
  );
}

function ImportSummary({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const cells: [string, number, string][] = [
    [t('importer.imported'), job.imported, 'imported'],
    [t('importer.updated'), job.updated, 'updated'],
    [t('importer.skipped'), job.skipped, 'skipped'],
    [t('importer.failedRows'), errorCountOf(job), 'failed'],
  ];
  return (
    <Row gutter={16} data-testid="import-result">
      {cells.map(([title, value, key]) => (
        <Col span={6} key={key}>
          <Statistic
            title={title}
            value={value}
            suffix="条"
            valueStyle={key === 'failed' && value > 0 ? { color: '#cf1322' } : undefined}
          />
        </Col>
      ))}
    </Row>
  );
}

export function ImportJobView({ job, dryRun }: { job: ImportJob | undefined; dryRun: boolean }) {
  const { t } = useTranslation();
  if (!job || job.status === 'queued' || job.status === 'running') return <Running job={job} dryRun={dryRun} />;
  if (job.status === 'failed') {
    return (
      <Alert type="error" showIcon message={t('importer.failed')} description={job.message ?? undefined} data-testid="import-failed" />
    );
  }
  return (
    <>
      <Progress percent={100} size="small" style={{ marginBottom: 12 }} />
      {dryRun ? <CheckSummary job={job} /> : <ImportSummary job={job} />}
      <ErrorsTable job={job} />
      <NoticesTable job={job} />
    </>
  );
}
