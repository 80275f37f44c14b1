// 导入会员名册: 1 pick the union and get the template; 2 upload, which runs a check only (dryRun=true) and lists
// the refused rows; 3 confirm, which imports the same file for real and reports what changed.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Modal, Space, Steps, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TOrg } from '@gonghui/common';
import { importApi } from '../../../api/members.ts';
import { OrgSelect } from '../../../components/OrgSelect.tsx';
import { errorText, notifyError } from '../../../utils/notify.ts';
import { ImportJobView } from './ImportJobView.tsx';
import { errorCountOf, isFinished, useImportJob } from './useImportJob.ts';

interface WizardProps {
  open: boolean;
  defaultOrg: TOrg;
  onClose: () => void;
  /** Called once when a real import has finished (the roster should be fetched again). */
  onImported: () => void;
}

type BodyProps = Omit<WizardProps, 'open'>;

function WizardBody({ defaultOrg, onClose, onImported }: BodyProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [orgId, setOrgId] = useState<number | undefined>(defaultOrg.id);
  const [file, setFile] = useState<File>();
  const [checkId, setCheckId] = useState<number>();
  const [importId, setImportId] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const check = useImportJob(checkId).data;
  const result = useImportJob(importId).data;
  const reported = useRef(false);

  useEffect(() => {
    if (result?.status === 'succeeded' && !reported.current) {
      reported.current = true;
      onImported();
    }
  }, [result?.status, onImported]);

  const start = async (f: File, dryRun: boolean) => {
    if (orgId === undefined) return;
    setBusy(true);
    setUploadError(undefined);
    try {
      const { id } = await importApi.start(orgId, f, dryRun);
      if (dryRun) setCheckId(id);
      else setImportId(id);
    } catch (err) {
      setUploadError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const pickFile = (f: File): false => {
    if (!/\.xlsx$/i.test(f.name)) {
      setUploadError(t('importer.onlyXlsx'));
      return false;
    }
    setFile(f);
    void start(f, true);
    return false;
  };

  const resetFile = () => {
    setFile(undefined);
    setCheckId(undefined);
    setUploadError(undefined);
  };

  const canImport = check?.status === 'succeeded' && check.validRows > 0;
  const importDone = isFinished(result);

  return (
    <>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: t('importer.stepOrg') }, { title: t('importer.stepCheck') }, { title: t('importer.stepImport') }]}
      />
      <div style={{ minHeight: 220 }} data-testid={`import-step-${step}`}>
        {step === 0 && (
          <Form layout="vertical">
            <Form.Item label={t('importer.targetOrg')} extra={t('importer.targetHint')} required>
              <OrgSelect id="import-org" value={orgId} onChange={(v) => setOrgId(v)} initialOrg={defaultOrg} />
            </Form.Item>
            <Alert type="info" showIcon message={t('importer.templateHint')} style={{ marginBottom: 12 }} />
            <Button icon={<DownloadOutlined />} onClick={() => void importApi.template().catch(notifyError)} data-testid="import-template">
              {t('importer.downloadTemplate')}
            </Button>
          </Form>
        )}
        {step === 1 && (
          <>
            {uploadError && (
              <Alert type="error" showIcon message={uploadError} style={{ marginBottom: 12 }} data-testid="import-upload-error" />
            )}
            {checkId === undefined ? (
              <Upload.Dragger
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                multiple={false}
                showUploadList={false}
                beforeUpload={pickFile}
                disabled={busy}
                data-testid="import-upload"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{busy ? t('importer.queued') : t('importer.upload')}</p>
                <p className="ant-upload-hint">{t('importer.uploadHint')}</p>
              </Upload.Dragger>
            ) : (
              <>
                <Typography.Text type="secondary">{file?.name}</Typography.Text>
                <ImportJobView job={check} dryRun />
                {check?.status === 'succeeded' && check.validRows === 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    message={t('importer.nothingValid')}
                    style={{ marginTop: 12 }}
                    data-testid="import-nothing-valid"
                  />
                )}
              </>
            )}
          </>
        )}
        {step === 2 && (
          <>
            {uploadError && <Alert type="error" showIcon message={uploadError} style={{ marginBottom: 12 }} />}
            {importId === undefined && check ? (
              <Alert
                type="info"
                showIcon
                message={t('importer.confirmHint', { valid: check.validRows, errors: errorCountOf(check) })}
                description={`${file?.name ?? ''} → ${check.orgName ?? ''}`}
              />
            ) : (
              <ImportJobView job={result} dryRun={false} />
            )}
          </>
        )}
      </div>
      <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 16 }}>
        {step === 0 && (
          <Button type="primary" disabled={orgId === undefined} onClick={() => setStep(1)} data-testid="import-next">
            {t('importer.next')}
          </Button>
        )}
        {step === 1 && (
          <>
            <Button
              onClick={() => {
                resetFile();
                setStep(0);
              }}
            >
              {t('importer.back')}
            </Button>
            {isFinished(check) && (
              <Button onClick={resetFile} data-testid="import-reupload">
                {t('importer.reupload')}
              </Button>
            )}
            <Button type="primary" disabled={!canImport} onClick={() => setStep(2)} data-testid="import-next">
              {t('importer.next')}
            </Button>
          </>
        )}
        {step === 2 && importId === undefined && (
          <>
            <Button onClick={() => setStep(1)}>{t('importer.back')}</Button>
            <Button type="primary" loading={busy} onClick={() => file && void start(file, false)} data-testid="import-confirm">
              {t('importer.confirm')}
            </Button>
          </>
        )}
        {step === 2 && importId !== undefined && (
          <Button type="primary" disabled={!importDone} onClick={onClose} data-testid="import-done">
            {t('importer.done')}
          </Button>
        )}
      </Space>
    </>
  );
}

export function ImportWizard({ open, ...rest }: WizardProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('importer.title')}
      onCancel={rest.onClose}
      footer={null}
      width={760}
      destroyOnHidden
      maskClosable={false}
      data-testid="import-wizard"
    >
      <WizardBody {...rest} />
    </Modal>
  );
}
