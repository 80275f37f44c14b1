// The roster of the selected union (alone or with its subtree): server-paged ProTable with filters, row actions
// opening modals, and the toolbar's create, import, export and template download.
import { useRef, useState } from 'react';
import { Button, Grid, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ProTable, type ActionType } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type MemberCategory, type MemberStatus, type TMember, type TOrg } from '@gonghui/common';
import { importApi, memberApi, type MemberFilters } from '../../api/members.ts';
import { useCan } from '../../app/session.ts';
import { toIsoDate } from '../../utils/format.ts';
import { notifyError } from '../../utils/notify.ts';
import { useIsPhone } from '../../utils/useIsPhone.ts';
import { ExportButton } from './ExportButton.tsx';
import { ImportWizard } from './import/ImportWizard.tsx';
import { MemberCardModal } from './MemberCardModal.tsx';
import { MemberDetailDrawer } from './MemberDetailDrawer.tsx';
import { MemberCreateModal, MemberEditModal } from './MemberFormModals.tsx';
import { MemberLeaveModal } from './MemberLeaveModal.tsx';
import { MemberTransferModal } from './MemberTransferModal.tsx';
import { useMemberColumns, type MemberAction } from './memberColumns.tsx';

/** Filter fields per row: one on a phone, two on a tablet, three on a desktop. */
const FILTER_SPAN = { xs: 24, sm: 24, md: 12, lg: 12, xl: 8, xxl: 8 };

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
  /** The member whose detail drawer is open (kept in the URL by the page). */
  memberId?: number;
  onOpenMember: (id: number | undefined) => void;
}

export function MemberTable({ org, subtree, onSubtreeChange, initial, onClearLeft, memberId, onOpenMember }: MemberTableProps) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(undefined);
  const lastFilters = useRef<MemberFilters>({ orgId: org.id, subtree });
  const phone = useIsPhone();
  /** The row clicked last: the drawer shows it at once while the fresh copy loads. */
  const [clicked, setClicked] = useState<TMember>();
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
  const openAction = (action: MemberAction, member: TMember) => {
    if (action !== 'detail') return setActive({ action, member });
    setClicked(member);
    onOpenMember(member.id);
  };
  const columns = useMemberColumns(openAction);
  const screens = Grid.useBreakpoint();
  // The width of the columns this screen shows: the table fills its card and scrolls only beyond that.
  const tableWidth = columns
    .filter((c) => !c.hideInTable && (!c.responsive || c.responsive.some((bp) => screens[bp])))
    .reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);

  const toolbar = [
    can('member:create') && <MemberCreateModal key="create" defaultOrg={org} onCreated={() => changed()} />,
    // Importing takes a spreadsheet file: offered on a desktop only, where the toolbar has room for it.
    !phone && can('member:import') && (
      <Button key="import" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="member-import-button">
        {t('member.import')}
      </Button>
    ),
    can('member:export') && <ExportButton key="export" filters={() => lastFilters.current} />,
    !phone && can('member:import') && (
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
        search={{ labelWidth: 'auto', span: FILTER_SPAN, defaultCollapsed: phone }}
        form={{ id: 'member-filters', initialValues: initial?.form }}
        // Columns shrink with the screen (see memberColumns); what still overflows scrolls under the fixed name.
        scroll={{ x: tableWidth }}
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
            <Typography.Text strong ellipsis style={{ maxWidth: phone ? 200 : 320 }} title={org.name} data-testid="member-scope-org">
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
      <MemberDetailDrawer
        memberId={memberId}
        initial={clicked?.id === memberId ? clicked : undefined}
        onClose={() => onOpenMember(undefined)}
        onAction={openAction}
      />
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
