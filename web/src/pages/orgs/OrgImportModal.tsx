// "批量导入" on 组织管理: 1 上传名册 (template download, upload starts a 预检 that writes nothing); 2 预检结果 (counts,
// the refused rows, the error report); 3 确认导入, which imports the same file all or nothing and reports what changed.
// The import goes under the org selected on the page.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Modal, Space, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TOrg } from '@gonghui/common';
import { orgImportApi } from '../../api/orgImports.ts';
import { errorText, notifyError } from '../../utils/notify.ts';
import { OrgImportJobView, isFinished, useOrgImportJob } from './OrgImportJobView.tsx';

interface BodyProps {
  org: TOrg;
  onClose: () => void;
  /** Once, when an import has written its orgs (the tree and counts should be fetched again). */
  onImported: () => void;
}

function ImportBody({ org, onClose, onImported }: BodyProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [checkId, setCheckId] = useState<number>();
  const [importId, setImportId] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const check = useOrgImportJob(checkId).data;
  const result = useOrgImportJob(importId).data;
  const reported = useRef(false);
  const step = importId !== undefined ? 2 : checkId !== undefined ? 1 : 0;

  useEffect(() => {
    if (result?.status === 'succeeded' && result.applied && !reported.current) {
      reported.current = true;
      onImported();
    }
  }, [result?.status, result?.applied, onImported]);

  const start = async (f: File, dryRun: boolean) => {
    setBusy(true);
    setUploadError(undefined);
    try {
      const job = await orgImportApi.start(org.id, f, dryRun);
      if (dryRun) setCheckId(job.id);
      else setImportId(job.id);
    } catch (err) {
      setUploadError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const pickFile = (f: File): false => {
    if (!/\.xlsx$/i.test(f.name)) {
      setUploadError(t('orgImport.onlyXlsx'));
      return false;
    }
    setFile(f);
    void start(f, true);
    return false;
  };

  const reset = () => {
    setFile(undefined);
    setCheckId(undefined);
    setImportId(undefined);
    setUploadError(undefined);
  };

  const canImport = check?.status === 'succeeded' && check.errorCount === 0 && check.creates + check.updates > 0;

  return (
    <>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 20 }}
        items={[{ title: t('orgImport.stepUpload') }, { title: t('orgImport.stepCheck') }, { title: t('orgImport.stepImport') }]}
      />
      <div style={{ minHeight: 220 }} data-testid={`org-import-step-${step}`}>
        {uploadError && (
          <Alert type="error" showIcon message={uploadError} style={{ marginBottom: 12 }} data-testid="org-import-upload-error" />
        )}
        {step === 0 && (
          <>
            <Typography.Paragraph>
              <Typography.Text strong>{t('orgImport.target', { name: org.name })}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t('orgImport.targetHint', { name: org.name })}</Typography.Text>
            </Typography.Paragraph>
            <Alert type="info" showIcon message={t('orgImport.templateHint')} style={{ marginBottom: 12 }} />
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void orgImportApi.template().catch(notifyError)}
              style={{ marginBottom: 12 }}
              data-testid="org-import-template"
            >
              {t('orgImport.downloadTemplate')}
            </Button>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              beforeUpload={pickFile}
              disabled={busy}
              data-testid="org-import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{busy ? t('orgImport.queued') : t('orgImport.upload')}</p>
              <p className="ant-upload-hint">{t('orgImport.uploadHint')}</p>
            </Upload.Dragger>
          </>
        )}
        {step === 1 && (
          <>
            <Typography.Text type="secondary">
              {file?.name} → {org.name}
            </Typography.Text>
            <OrgImportJobView job={check} />
            {canImport && (
              <Alert
                type="info"
                showIcon
                style={{ marginTop: 12 }}
                message={t('orgImport.confirmHint', { creates: check.creates, updates: check.updates })}
              />
            )}
          </>
        )}
        {step === 2 && <OrgImportJobView job={result} />}
      </div>
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 16 }}>
        {step === 1 && (
          <>
            {isFinished(check) && (
              <Button onClick={reset} data-testid="org-import-reupload">
                {t('orgImport.reupload')}
              </Button>
            )}
            <Button
              type="primary"
              disabled={!canImport}
              loading={busy}
              onClick={() => file && void start(file, false)}
              data-testid="org-import-confirm"
            >
              {t('orgImport.confirm')}
            </Button>
          </>
        )}
        {step === 2 && result?.status === 'failed' && <Button onClick={reset}>{t('orgImport.reupload')}</Button>}
        {step === 2 && (
          <Button type="primary" disabled={!isFinished(result)} onClick={onClose} data-testid="org-import-done">
            {t('orgImport.done')}
          </Button>
        )}
      </Space>
    </>
  );
}

/** The 批量导入 button and its modal, for the org selected on the page. */
export function OrgImportModal({ org, onImported }: { org: TOrg; onImported: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} disabled={org.status !== 'active'} data-testid="org-import-open">
        {t('orgImport.button')}
      </Button>
      <Modal
        open={open}
        title={t('orgImport.title')}
        onCancel={() => setOpen(false)}
        footer={null}
        width={820}
        destroyOnHidden
        maskClosable={false}
        data-testid="org-import-modal"
      >
        <ImportBody org={org} onClose={() => setOpen(false)} onImported={onImported} />
      </Modal>
    </>
  );
}
