// 导入名单 on a campaign: pick the submitting union, download the campaign's template, upload the list (checked
// only: counts and a table of row errors), upload a corrected file if needed, then 确认导入 — the rows without
// error become entries awaiting approval; rows with errors are left out and listed.
import { useState } from 'react';
import { Alert, Button, Form, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TBeneficiaryImportResult, TCampaign, TOrg } from '@gonghui/common';
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

type Row = TBeneficiaryImportResult['errors'][number];

function ResultView({ result, dryRun }: { result: TBeneficiaryImportResult; dryRun: boolean }) {
  const { t } = useTranslation();
  const errors = result.total - result.valid;
  const counts = dryRun
    ? t('campaign.importChecked', { total: result.total, valid: result.valid, errors })
    : t('campaign.importDone', { imported: result.imported, errors });
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={dryRun ? 'beneficiary-check' : 'beneficiary-result'}>
      <Alert type={errors === 0 ? 'success' : dryRun ? 'warning' : 'info'} showIcon message={counts} />
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
  const [check, setCheck] = useState<TBeneficiaryImportResult>();
  const [done, setDone] = useState<TBeneficiaryImportResult>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const send = async (f: File, dryRun: boolean) => {
    if (orgId === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const res = await campaignApi.importList(campaign.id, orgId, f, dryRun);
      if (dryRun) setCheck(res);
      else {
        setDone(res);
        onImported();
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
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
