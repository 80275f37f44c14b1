// 导入名单 on a campaign: pick the submitting union, download the campaign's template, upload the list (a job
// checks it: counts and a table of row errors, with the refused rows downloadable as an error report to correct),
// upload a corrected file if needed, then 确认导入 — a job opens the rows without error as entries awaiting
// approval, with a progress bar; rows with errors are left out and listed.
import { useState } from 'react';
import { Alert, Button, Form, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TBeneficiaryImport, TCampaign, TOrg } from '@gonghui/common';
import { campaignApi } from '../../api/assistance.ts';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { errorText, notifyError } from '../../utils/notify.ts';

interface Props {
  open: boolean;
  campaign: TCampaign;
  defaultOrg: TOrg;
  onClose: () => void;
  /** After a real import (the campaign's figures should be fetched again). */
  onImported: () => void;
}

type Row = TBeneficiaryImport['errors'][number];

const POLL_MS = 800;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Follows a queued list until its job ends; `onProgress` sees every answer. A failed job's reason is thrown. */
async function follow(job: TBeneficiaryImport, onProgress: (j: TBeneficiaryImport) => void): Promise<TBeneficiaryImport> {
  let j = job;
  while (j.status === 'queued' || j.status === 'running') {
    onProgress(j);
    await sleep(POLL_MS);
    j = await campaignApi.importStatus(j.id);
  }
  if (j.status === 'failed' && !j.checked) throw new Error(j.error ?? '名单处理失败');
  return j;
}

function ResultView({ result, dryRun }: { result: TBeneficiaryImport; dryRun: boolean }) {
  const { t } = useTranslation();
  const errors = result.errorCount;
  const counts = dryRun
    ? t('campaign.importChecked', { total: result.total, valid: result.valid, errors })
    : t('campaign.importDone', { imported: result.imported, errors });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={dryRun ? 'beneficiary-check' : 'beneficiary-result'}>
      <Alert
        type={errors === 0 ? 'success' : dryRun ? 'warning' : 'info'}
        showIcon
        message={counts}
        action={
          errors > 0 ? (
            <Button
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => void campaignApi.errorReport(result).catch(notifyError)}
              data-testid="beneficiary-error-report"
            >
              {t('campaign.importErrorReport')}
            </Button>
          ) : undefined
        }
      />
      {result.errors.length > 0 && (
        <Table<Row>
          size="small"
          rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
          dataSource={result.errors}
          pagination={result.errors.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
          // The reason wraps: on a phone the whole message stays readable without scrolling sideways.
          data-testid="beneficiary-errors"
          columns={[
            { title: t('campaign.importRow'), dataIndex: 'row', width: 56, align: 'right' },
            { title: t('campaign.importColumn'), dataIndex: 'column', width: 96 },
            { title: t('campaign.importMessage'), dataIndex: 'message' },
          ]}
        />
      )}
    </Space>
  );
}

function Body({ campaign, defaultOrg, onClose, onImported }: Omit<Props, 'open'>) {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState<number | undefined>(defaultOrg.id);
  const [file, setFile] = useState<File>();
  const [check, setCheck] = useState<TBeneficiaryImport>();
  const [done, setDone] = useState<TBeneficiaryImport>();
  const [running, setRunning] = useState<TBeneficiaryImport>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const send = async (f: File, dryRun: boolean) => {
    if (orgId === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const res = await follow(await campaignApi.importList(campaign.id, orgId, f, dryRun), setRunning);
      if (dryRun) setCheck(res);
      else {
        setDone(res);
        onImported();
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
      setRunning(undefined);
    }
  };
  const pick = (f: File): false => {
    setCheck(undefined);
    if (!/\.xlsx$/i.test(f.name)) {
      setError(t('importer.onlyXlsx'));
      return false;
    }
    setFile(f);
    void send(f, true);
    return false;
  };

  return (
    <>
      <Form layout="vertical">
        <Form.Item label={t('campaign.importOrg')} required extra={t('campaign.importOrgHint')}>
          <OrgSelect
            id="beneficiary-org"
            value={orgId}
            initialOrg={defaultOrg}
            onChange={(v) => {
              setOrgId(v);
              setCheck(undefined);
            }}
          />
        </Form.Item>
      </Form>
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void campaignApi.template(campaign).catch(notifyError)}
            data-testid="beneficiary-template"
          >
            {t('importer.downloadTemplate')}
          </Button>
          <Typography.Text type="secondary">
            {t('campaign.importTemplateHint', { from: campaign.startsOn, to: campaign.endsOn })}
          </Typography.Text>
        </Space>
        {error && <Alert type="error" showIcon message={error} data-testid="beneficiary-upload-error" />}
        {running && (
          <Progress
            percent={Math.round(running.progress * 100)}
            status="active"
            format={(p) => (running.dryRun ? t('campaign.importChecking', { p }) : t('campaign.importRunning', { p }))}
            data-testid="beneficiary-progress"
          />
        )}
        {done ? (
          <ResultView result={done} dryRun={false} />
        ) : (
          <>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              beforeUpload={pick}
              disabled={busy || orgId === undefined}
              data-testid="beneficiary-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? t('campaign.importReupload', { name: file.name }) : t('importer.upload')}</p>
              <p className="ant-upload-hint">{t('campaign.importUploadHint')}</p>
            </Upload.Dragger>
            {check && <ResultView result={check} dryRun />}
          </>
        )}
      </Space>
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 16 }} wrap>
        {done ? (
          <Button type="primary" onClick={onClose} data-testid="beneficiary-done">
            {t('importer.done')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={busy}
              disabled={!check || check.valid === 0 || !file}
              onClick={() => file && void send(file, false)}
              data-testid="beneficiary-confirm"
            >
              {check && check.valid < check.total
                ? t('campaign.importConfirmSkipping', { valid: check.valid })
                : t('campaign.importConfirm')}
            </Button>
          </>
        )}
      </Space>
    </>
  );
}

export function BeneficiaryImportModal({ open, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={`${t('campaign.import')}：${rest.campaign.name}`}
      footer={null}
      width={760}
      onCancel={rest.onClose}
      destroyOnHidden
      maskClosable={false}
      data-testid="beneficiary-import"
    >
      <Body {...rest} />
    </Modal>
  );
}
