// /export-requests (敏感数据导出申请): requests in the user's scope with their status; approvers approve or reject
// with an opinion (never their own); the requester downloads an approved file once. Requests start from the
// member roster's export menu (申请导出完整信息).
import { useRef, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { EXPORT_REQUEST_STATUSES, LIMITS, type ExportRequestStatus, type TExportRequest } from '@gonghui/common';
import { exportRequestApi } from '../../api/exportRequests.ts';
import { formatDateTime } from '../../utils/format.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

const STATUS_COLORS: Record<ExportRequestStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red', downloaded: 'default' };
type Verdict = 'approve' | 'reject';

function DecideModal({ request, verdict, onClose }: { request: TExportRequest; verdict: Verdict; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ opinion?: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const { opinion } = await form.validateFields();
    const text = opinion?.trim() ?? '';
    setBusy(true);
    try {
      if (verdict === 'approve') await exportRequestApi.approve(request.id, text || undefined);
      else await exportRequestApi.reject(request.id, text);
      notifySuccess(t(verdict === 'approve' ? 'exportRequest.approved' : 'exportRequest.rejected'));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
      onClose(true);
    }
  };
  return (
    <Modal
      open
      title={t(verdict === 'approve' ? 'exportRequest.approveTitle' : 'exportRequest.rejectTitle', { number: request.number })}
      okText={t(verdict === 'approve' ? 'exportRequest.approve' : 'exportRequest.reject')}
      okButtonProps={{ danger: verdict === 'reject', id: 'export-decide-ok' }}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => onClose(false)}
      destroyOnHidden
      maskClosable={false}
    >
      <Typography.Paragraph>
        {t('exportRequest.decideSummary', { requester: request.requesterName, org: request.orgName, rows: request.rowCount })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('exportRequest.reason')}：{request.reason}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          htmlFor="export-opinion"
          name="opinion"
          label={t('exportRequest.opinion')}
          rules={verdict === 'reject' ? [{ required: true, whitespace: true, message: t('exportRequest.opinionRequired') }] : []}
        >
          <Input.TextArea id="export-opinion" rows={3} maxLength={LIMITS.text} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ExportRequestsPage() {
  const { t } = useTranslation();
  const actionRef = useRef<ActionType>(undefined);
  const [status, setStatus] = useState<ExportRequestStatus | 'all'>('all');
  const [deciding, setDeciding] = useState<{ request: TExportRequest; verdict: Verdict } | null>(null);
  const reload = () => void actionRef.current?.reload();

  const fetchFile = async (r: TExportRequest) => {
    try {
      await exportRequestApi.download(r);
      notifySuccess(t('exportRequest.downloaded'));
    } catch (err) {
      notifyError(err);
    } finally {
      reload();
    }
  };

  const columns: ProColumns<TExportRequest>[] = [
    { title: t('exportRequest.number'), dataIndex: 'number', width: 150, render: (_d, r) => <code>{r.number}</code> },
    { title: t('exportRequest.org'), dataIndex: 'orgName', ellipsis: true },
    { title: t('exportRequest.requester'), dataIndex: 'requesterName', width: 110 },
    { title: t('exportRequest.reason'), dataIndex: 'reason', ellipsis: true },
    { title: t('exportRequest.rows'), dataIndex: 'rowCount', width: 80, align: 'right' },
    {
      title: t('exportRequest.status'),
      dataIndex: 'status',
      width: 130,
      render: (_d, r) => (
        <Tag color={STATUS_COLORS[r.status]} data-testid="export-request-status">
          {t(`exportRequest.statuses.${r.status}`)}
        </Tag>
      ),
    },
    {
      title: t('exportRequest.approver'),
      dataIndex: 'approverName',
      width: 160,
      render: (_d, r) =>
        r.approverName ? (
          <span title={r.opinion ?? undefined}>
            {r.approverName}
            {r.opinion && <Typography.Text type="secondary">（{r.opinion}）</Typography.Text>}
          </span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: t('exportRequest.createdAt'), dataIndex: 'createdAt', width: 160, render: (_d, r) => formatDateTime(r.createdAt) },
    {
      title: '',
      valueType: 'option',
      width: 150,
      render: (_d, r) => (
        <Space size={4}>
          {r.canDecide && (
            <>
              <Button
                type="primary"
                size="small"
                data-testid="export-request-approve"
                onClick={() => setDeciding({ request: r, verdict: 'approve' })}
              >
                {t('exportRequest.approve')}
              </Button>
              <Button
                danger
                size="small"
                data-testid="export-request-reject"
                onClick={() => setDeciding({ request: r, verdict: 'reject' })}
              >
                {t('exportRequest.reject')}
              </Button>
            </>
          )}
          {r.canDownload && (
            <Button type="primary" size="small" data-testid="export-request-download" onClick={() => void fetchFile(r)}>
              {t('exportRequest.download')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const isStatus = (key: string): key is ExportRequestStatus => (EXPORT_REQUEST_STATUSES as readonly string[]).includes(key);
  return (
    <>
      <Alert type="info" showIcon message={t('exportRequest.hint')} style={{ marginBottom: 12 }} />
      <ProTable<TExportRequest, { status: ExportRequestStatus | 'all' }>
        rowKey="id"
        headerTitle={t('menu.exportRequests')}
        actionRef={actionRef}
        columns={columns}
        search={false}
        cardBordered
        params={{ status }}
        request={async (params) => {
          try {
            const res = await exportRequestApi.list(
              params.status === 'all' ? undefined : params.status,
              params.current ?? 1,
              params.pageSize ?? LIMITS.pageSizeDefault,
            );
            return { data: res.items, total: res.total, success: true };
          } catch (err) {
            notifyError(err);
            return { data: [], total: 0, success: false };
          }
        }}
        pagination={{ defaultPageSize: LIMITS.pageSizeDefault, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100] }}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: status,
            items: [
              { key: 'all', label: t('exportRequest.all') },
              ...EXPORT_REQUEST_STATUSES.map((s) => ({ key: s, label: t(`exportRequest.statuses.${s}`) })),
            ],
            onChange: (key) => setStatus(isStatus(String(key)) ? (String(key) as ExportRequestStatus) : 'all'),
          },
        }}
        options={{ reload: true, density: false, setting: false }}
        data-testid="export-request-table"
      />
      {deciding && (
        <DecideModal
          request={deciding.request}
          verdict={deciding.verdict}
          onClose={(changed) => {
            setDeciding(null);
            if (changed) reload();
          }}
        />
      )}
    </>
  );
}
