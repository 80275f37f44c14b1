// 附件 of a case (介绍信 scans and the like): the list with download links for both sides, an upload button while
// the server allows it (attachmentPolicy.canUpload) and removal of one's own files. The server decides what a file
// is by its content; the picker only suggests the allowed extensions.
import { useState } from 'react';
import { Button, Empty, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_KIND_GROUP_EXTENSIONS, attachmentKindsLabel, type TCaseAttachment, type TCaseAttachmentPolicy } from '@gonghui/common';
import { caseFileApi } from '../../api/transfers.ts';
import { formatDateTime } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 102.4) / 10} KB` : `${Math.round(bytes / 104857.6) / 10} MB`;

interface Props {
  caseId: number;
  attachments: TCaseAttachment[];
  policy: TCaseAttachmentPolicy | null;
  /** The files changed: the case is loaded again (list, timeline, policy). */
  onChanged: () => void;
}

export function CaseAttachments({ caseId, attachments, policy, onChanged }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const pick = (file: File): false => {
    if (policy && file.size > policy.maxBytes) {
      notifyError(new Error(t('caseFiles.tooLarge', { name: file.name, size: size(policy.maxBytes) })));
      return false;
    }
    setBusy(true);
    caseFileApi
      .upload(caseId, file)
      .then(() => notifySuccess(t('caseFiles.uploaded', { name: file.name })))
      .catch((err: unknown) => notifyError(err))
      .finally(() => {
        setBusy(false);
        onChanged();
      });
    return false;
  };
  const remove = async (a: TCaseAttachment) => {
    try {
      await caseFileApi.remove(caseId, a.id);
      notifySuccess(t('caseFiles.removed', { name: a.name }));
    } catch (err) {
      notifyError(err);
    } finally {
      onChanged();
    }
  };

  const accept = policy?.kinds.flatMap((k) => ATTACHMENT_KIND_GROUP_EXTENSIONS[k]).join(',');
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="case-attachments">
      {policy?.canUpload && (
        <Space size={12} wrap>
          <Upload accept={accept} showUploadList={false} beforeUpload={pick} disabled={busy} data-testid="case-attachment-upload">
            <Button icon={<UploadOutlined />} loading={busy}>
              {t('caseFiles.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">
            {t('caseFiles.hint', { kinds: attachmentKindsLabel(policy.kinds), size: size(policy.maxBytes), count: policy.maxCount })}
          </Typography.Text>
        </Space>
      )}
      {attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseFiles.empty')} />
      ) : (
        <List
          size="small"
          dataSource={attachments}
          renderItem={(a) => (
            <List.Item
              data-testid="case-attachment"
              actions={
                a.removable
                  ? [
                      <Popconfirm key="remove" title={t('caseFiles.removeConfirm', { name: a.name })} onConfirm={() => void remove(a)}>
                        <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                          {t('caseFiles.remove')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                avatar={<PaperClipOutlined />}
                title={
                  <a
                    href={caseFileApi.downloadUrl(caseId, a.id)}
                    target="_blank"
                    rel="noopener noreferrer"
                    data-testid="case-attachment-link"
                  >
                    {a.name}
                  </a>
                }
                description={t('caseFiles.meta', { size: size(a.size), by: a.uploadedBy ?? '—', at: formatDateTime(a.at) })}
              />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
