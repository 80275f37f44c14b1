// The roster of the selected union (alone or with its subtree): server-paged ProTable with filters, row actions
// opening modals, and the toolbar's create, import, export and template download.
import { useRef, useState } from 'react';
import { Button, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ProTable, type ActionType } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type MemberCategory, type MemberStatus, type TMember, type TOrg } from '@gonghui/common';
import { importApi, memberApi, type MemberFilters } from '../../api/members.ts';
import { useCan } from '../../app/session.ts';
import { toIsoDate } from '../../utils/format.ts';
import { notifyError } from '../../utils/notify.ts';
import { ExportButton } from './ExportButton.tsx';
import { ImportWizard } from './import/ImportWizard.tsx';
import { MemberCardModal } from './MemberCardModal.tsx';
import { MemberDetailDrawer } from './MemberDetailDrawer.tsx';
import { MemberCreateModal, MemberEditModal } from './MemberFormModals.tsx';
import { MemberLeaveModal } from './MemberLeaveModal.tsx';
import { MemberTransferModal } from './MemberTransferModal.tsx';
import { useMemberColumns, type MemberAction } from './memberColumns.tsx';

interface MemberSearch {
  orgId: number;
  subtree: boolean;
  q?: string;
  idNumber?: string;
  category?: MemberCategory;
  status?: MemberStatus | 'all';
  joinedRange?: [unknown, unknown];
  leftFrom?: string;
  leftTo?: string;
}

/** Filters a link brings along (drill-down from a statistic): form values, and a leave-date range shown as a tag. */
export interface MemberInitialFilters {
  form: Partial<Pick<MemberSearch, 'category' | 'status' | 'joinedRange'>>;
  left?: { from?: string; to?: string };
}

interface MemberTableProps {
  org: TOrg;
  subtree: boolean;
  onSubtreeChange: (subtree: boolean) => void;
  initial?: MemberInitialFilters;
  onClearLeft?: () => void;
}

export function MemberTable({ org, subtree, onSubtreeChange, initial, onClearLeft }: MemberTableProps) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(undefined);
  const lastFilters = useRef<MemberFilters>({ orgId: org.id, subtree });
  const [detail, setDetail] = useState<TMember>();
  const [active, setActive] = useState<{ action: Exclude<MemberAction, 'detail'>; member: TMember }>();
  const [importing, setImporting] = useState(false);

  const reload = () => void actionRef.current?.reload();
  /** After a change: the list, and any open detail of that member, are fetched again. */
  const changed = (member?: TMember) => {
    reload();
    if (member) void queryClient.invalidateQueries({ queryKey: ['member', member.id] });
  };
  const close = () => setActive(undefined);
  // Actions started from the detail drawer open their modal above it; the drawer stays.
  const openAction = (action: MemberAction, member: TMember) => (action === 'detail' ? setDetail(member) : setActive({ action, member }));
  const columns = useMemberColumns(openAction);

  const toolbar = [
    can('member:create') && <MemberCreateModal key="create" defaultOrg={org} onCreated={() => changed()} />,
    can('member:import') && (
      <Button key="import" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="member-import-button">
        {t('member.import')}
      </Button>
    ),
    can('member:export') && <ExportButton key="export" filters={() => lastFilters.current} />,
    can('member:import') && (
      <Button
        key="template"
        type="link"
        icon={<DownloadOutlined />}
        onClick={() => void importApi.template().catch(notifyError)}
        data-testid="member-template-button"
      >
        {t('member.template')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <>
      <ProTable<TMember, MemberSearch>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        cardBordered
        params={{ orgId: org.id, subtree, leftFrom: initial?.left?.from, leftTo: initial?.left?.to }}
        search={{ labelWidth: 'auto', span: 8, defaultCollapsed: false }}
        form={{ id: 'member-filters', initialValues: initial?.form }}
        scroll={{ x: 1300 }}
        request={async (params) => {
          const [from, to] = params.joinedRange ?? [];
          const filters: MemberFilters = {
            orgId: params.orgId,
            subtree: params.subtree,
            q: params.q?.trim() || undefined,
            idNumber: params.idNumber?.trim() || undefined,
            category: params.category,
            status: params.status,
            joinedFrom: toIsoDate(from),
            joinedTo: toIsoDate(to),
            leftFrom: initial?.left?.from,
            leftTo: initial?.left?.to,
          };
          lastFilters.current = filters;
          try {
            const res = await memberApi.list(filters, params.current ?? 1, params.pageSize ?? LIMITS.pageSizeDefault);
            return { data: res.items, total: res.total, success: true };
          } catch (err) {
            notifyError(err);
            return { data: [], total: 0, success: false };
          }
        }}
        pagination={{ defaultPageSize: LIMITS.pageSizeDefault, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100] }}
        headerTitle={
          <Space size={12} wrap>
            <Typography.Text strong ellipsis style={{ maxWidth: 320 }} title={org.name} data-testid="member-scope-org">
              {org.name}
            </Typography.Text>
            {initial?.left && (
              <Tag closable onClose={onClearLeft} color="orange" data-testid="member-left-filter">
                {t('member.leftBetween', { from: initial.left.from ?? '…', to: initial.left.to ?? '…' })}
              </Tag>
            )}
            <Tooltip title={t('member.scopeHint')}>
              <Segmented<'self' | 'subtree'>
                value={subtree ? 'subtree' : 'self'}
                onChange={(v) => onSubtreeChange(v === 'subtree')}
                options={[
                  { value: 'self', label: <span data-testid="member-scope-self">{t('member.scopeSelf')}</span> },
                  { value: 'subtree', label: <span data-testid="member-scope-subtree">{t('member.scopeSubtree')}</span> },
                ]}
              />
            </Tooltip>
          </Space>
        }
        toolBarRender={() => toolbar}
        options={{ reload: true, density: false, setting: false }}
        data-testid="member-table"
      />
      <MemberDetailDrawer member={detail} onClose={() => setDetail(undefined)} onAction={openAction} />
      {active?.action === 'edit' && <MemberEditModal member={active.member} onClose={close} onSaved={changed} />}
      {active?.action === 'leave' && <MemberLeaveModal member={active.member} onClose={close} onDone={changed} />}
      {active?.action === 'transfer' && <MemberTransferModal member={active.member} onClose={close} onDone={changed} />}
      {active?.action === 'card' && <MemberCardModal member={active.member} onClose={close} />}
      <ImportWizard
        open={importing}
        defaultOrg={org}
        onClose={() => {
          setImporting(false);
          reload();
        }}
        onImported={reload}
      />
    </>
  );
}
