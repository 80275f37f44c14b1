// /rights-roster (律师调解员名册): the lawyers and mediators seen from the caller's org — its subtree's and those kept
// above it (whose cases it may assign to them) —, with add, edit and remove for the entries within the subtree.
import { useRef, useState } from 'react';
import { Button, Popconfirm, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormSelect, ProFormText, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { LIMITS, ROSTER_ROLES, type RosterRole, type TRosterEntry } from '@gonghui/common';
import { rosterApi } from '../../api/rights.ts';
import { useCan, useSession } from '../../app/session.ts';
import { notifyError, notifySuccess } from '../../utils/notify.ts';

interface Values {
  name: string;
  role: RosterRole;
  firm?: string;
  phone?: string;
}

export function RosterPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const can = useCan();
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<TRosterEntry | 'new'>();
  const columns: ProColumns<TRosterEntry>[] = [
    { title: t('rights.roster.name'), dataIndex: 'name', width: 120 },
    { title: t('rights.roster.role'), dataIndex: 'role', width: 90, render: (_d, r) => <Tag>{t(`rights.roster.roles.${r.role}`)}</Tag> },
    { title: t('rights.roster.firm'), dataIndex: 'firm', ellipsis: true, render: (_d, r) => r.firm ?? '—' },
    { title: t('rights.roster.phone'), dataIndex: 'phone', width: 130, render: (_d, r) => r.phone ?? '—' },
    { title: t('rights.roster.org'), dataIndex: ['org', 'name'], ellipsis: true },
    {
      title: '',
      width: 140,
      render: (_d, r) =>
        // Entries kept above the caller's org are seen but not changed.
        can('rights:manage') && r.editable ? (
          <Space>
            <a onClick={() => setEditing(r)}>{t('rights.roster.edit')}</a>
            <Popconfirm
              title={t('rights.roster.removeConfirm')}
              onConfirm={() =>
                void rosterApi
                  .remove(r.id)
                  .then(() => actionRef.current?.reload())
                  .catch(notifyError)
              }
            >
              <a>{t('rights.roster.remove')}</a>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];
  return (
    <>
      <ProTable<TRosterEntry>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={false}
        cardBordered
        headerTitle={t('rights.roster.title')}
        request={async (p) => {
          try {
            const res = await rosterApi.list({ page: p.current ?? 1, pageSize: p.pageSize ?? LIMITS.pageSizeDefault });
            return { data: res.items, total: res.total, success: true };
          } catch (err) {
            notifyError(err);
            return { data: [], total: 0, success: false };
          }
        }}
        toolBarRender={() =>
          can('rights:manage')
            ? [
                <Button key="add" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="roster-add">
                  {t('rights.roster.add')}
                </Button>,
              ]
            : []
        }
        options={{ reload: true, density: false, setting: false }}
        data-testid="roster-table"
      />
      <ModalForm<Values>
        key={editing === 'new' ? 'new' : editing?.id}
        title={editing === 'new' ? t('rights.roster.add') : t('rights.roster.edit')}
        open={editing !== undefined}
        width={480}
        modalProps={{ destroyOnHidden: true, onCancel: () => setEditing(undefined) }}
        initialValues={
          editing && editing !== 'new' ? { name: editing.name, role: editing.role, firm: editing.firm ?? undefined } : { role: 'lawyer' }
        }
        onFinish={async (v) => {
          try {
            const body = { name: v.name, role: v.role, firm: v.firm || null, ...(v.phone ? { phone: v.phone } : {}) };
            if (editing === 'new') await rosterApi.create({ orgId: org.id, ...body });
            else if (editing) await rosterApi.update(editing.id, body);
            notifySuccess(t('rights.roster.saved'));
            setEditing(undefined);
            void actionRef.current?.reload();
            return true;
          } catch (err) {
            notifyError(err);
            return false;
          }
        }}
      >
        <ProFormText name="name" label={t('rights.roster.name')} rules={[{ required: true, whitespace: true }]} />
        <ProFormSelect
          name="role"
          label={t('rights.roster.role')}
          options={ROSTER_ROLES.map((x) => ({ value: x, label: t(`rights.roster.roles.${x}`) }))}
          rules={[{ required: true }]}
        />
        <ProFormText name="firm" label={t('rights.roster.firm')} />
        <ProFormText name="phone" label={t('rights.roster.phone')} />
      </ModalForm>
    </>
  );
}
