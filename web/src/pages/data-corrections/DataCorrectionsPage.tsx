// /data-corrections (信息更正): members' requests to correct their registry record, of the cadre's subtree, in tabs
// by status (待处理 first). 处理 opens the request: the cadre corrects the member record under 会员 first, then marks
// it 已更正 with an opinion, or 不予更正 with the reason (case kernel: version + opinion).
import { useRef, useState } from 'react';
import { Alert, Button, Descriptions, Input, Modal, Space, Tabs, Tag } from 'antd';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { DATA_CORRECTION_STATUSES, LIMITS, type DataCorrectionAction } from '@gonghui/common';
import { api } from '../../api/client.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

interface Item {
  id: number;
  number: string;
  status: string;
  statusLabel: string;
  version: number;
  fieldLabel: string;
  correct: string;
  note: string | null;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
}

const list = (q: Record<string, string | number | undefined>) => api.get<{ items: Item[]; total: number }>('/data-corrections', q);
const act = (id: number, action: DataCorrectionAction, body: { version: number; opinion: string }) =>
  api.post<Item>(`/data-corrections/${id}/actions/${action}`, body);

export function DataCorrectionsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string>('pending');
  const [open, setOpen] = useState<Item | null>(null);
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);
  const table = useRef<ActionType>(undefined);

  async function run(action: DataCorrectionAction) {
    if (!open) return;
    if (!opinion.trim()) return notifyError(new Error(t('dataCorrections.opinionRequired')));
    setBusy(true);
    try {
      await act(open.id, action, { version: open.version, opinion: opinion.trim() });
      notifySuccess(t('dataCorrections.done'));
      setOpen(null);
      setOpinion('');
      void table.current?.reload();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  }

  const columns: ProColumns<Item>[] = [
    { title: t('dataCorrections.number'), dataIndex: 'number', width: 160, className: 'mono' },
    {
      title: t('dataCorrections.status'),
      dataIndex: 'status',
      width: 130,
      render: (_d, r) => (
        <Space size={4}>
          <Tag>{r.statusLabel}</Tag>
          {r.overdue && <Tag color="red">{t('dataCorrections.overdue')}</Tag>}
        </Space>
      ),
    },
    { title: t('dataCorrections.field'), dataIndex: 'fieldLabel', width: 110 },
    { title: t('dataCorrections.correct'), dataIndex: 'correct', width: 200, ellipsis: true },
    { title: t('dataCorrections.note'), dataIndex: 'note', ellipsis: true, render: (_d, r) => r.note ?? '—' },
    { title: t('dataCorrections.createdAt'), dataIndex: 'createdAt', width: 110, render: (_d, r) => r.createdAt.slice(0, 10) },
    { title: t('dataCorrections.dueAt'), dataIndex: 'dueAt', width: 110, render: (_d, r) => r.dueAt ?? '—' },
    {
      title: '',
      width: 80,
      render: (_d, r) =>
        r.status === 'pending' ? (
          <Button type="link" size="small" onClick={() => setOpen(r)} data-testid="dc-handle">
            {t('dataCorrections.handle')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={DATA_CORRECTION_STATUSES.map((s) => ({ key: s, label: t(`dataCorrections.statuses.${s}`) }))}
      />
      <ProTable<Item, { status: string }>
        rowKey="id"
        actionRef={table}
        columns={columns}
        search={false}
        cardBordered
        params={{ status: tab }}
        headerTitle={t('dataCorrections.title')}
        request={async (p) => {
          try {
            const res = await list({ status: p.status, page: p.current ?? 1, pageSize: p.pageSize ?? LIMITS.pageSizeDefault });
            return { data: res.items, total: res.total, success: true };
          } catch (err) {
            notifyError(err);
            return { data: [], total: 0, success: false };
          }
        }}
        pagination={{ defaultPageSize: LIMITS.pageSizeDefault }}
      />
      <Modal
        open={open !== null}
        title={open ? `${t('dataCorrections.title')} ${open.number}` : ''}
        onCancel={() => setOpen(null)}
        footer={
          <Space>
            <Button danger loading={busy} onClick={() => void run('reject')} data-testid="dc-reject">
              {t('dataCorrections.reject')}
            </Button>
            <Button type="primary" loading={busy} onClick={() => void run('resolve')} data-testid="dc-resolve">
              {t('dataCorrections.resolve')}
            </Button>
          </Space>
        }
      >
        {open && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon message={t('dataCorrections.hint')} />
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('dataCorrections.field')}>{open.fieldLabel}</Descriptions.Item>
              <Descriptions.Item label={t('dataCorrections.correct')}>{open.correct}</Descriptions.Item>
              <Descriptions.Item label={t('dataCorrections.note')}>{open.note ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('dataCorrections.dueAt')}>{open.dueAt ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Input.TextArea
              rows={3}
              maxLength={LIMITS.text}
              placeholder={t('dataCorrections.opinion')}
              value={opinion}
              onChange={(e) => setOpinion(e.target.value)}
            />
          </Space>
        )}
      </Modal>
    </>
  );
}
