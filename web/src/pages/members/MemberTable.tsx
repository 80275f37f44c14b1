// The roster of the selected union (alone or with its subtree): ProTable with filters over keyset pages fetched
// through react-query (useMemberPages: cached, so Back shows the roster at once), the sort, row actions opening
// modals, and the toolbar's create, import, export and template download.
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { Button, Segmented, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ProTable } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TMember, type TOrg } from '@gonghui/common';
import { importApi, type MemberSort } from '../../api/members.ts';
import { useCan } from '../../app/session.ts';
import { notifyError } from '../../utils/notify.ts';
import { useIsPhone } from '../../utils/useIsPhone.ts';
import { useScreens, visibleColumns } from '../../utils/useScreens.ts';
import { ExportButton } from './ExportButton.tsx';
import { ImportWizard } from './import/ImportWizard.tsx';
import { MemberCardModal } from './MemberCardModal.tsx';
import { MemberDetailDrawer } from './MemberDetailDrawer.tsx';
import { MemberCreateModal, MemberEditModal } from './MemberFormModals.tsx';
import { MemberLeaveModal } from './MemberLeaveModal.tsx';
import { MemberTransferModal } from './MemberTransferModal.tsx';
import { useMemberColumns, type MemberAction } from './memberColumns.tsx';
import { MemberPager } from './MemberPager.tsx';
import { filtersOf, type MemberInitialFilters, type MemberSearch } from './memberQuery.ts';
import { useMemberPages } from './useMemberPages.ts';

const SORTS: { value: MemberSort; label: string }[] = [
  { value: 'id', label: 'member.sortId' },
  { value: 'joinedAt', label: 'member.sortJoinedAt' },
  { value: 'name', label: 'member.sortName' },
];

/** Filter fields per row: one on a phone, two on a tablet, three on a desktop. */
const FILTER_SPAN = { xs: 24, sm: 24, md: 12, lg: 12, xl: 8, xxl: 8 };

interface MemberTableProps {
  org: TOrg;
  subtree: boolean;
  onSubtreeChange: (subtree: boolean) => void;
  /** The order (kept in the URL by the page). */
  sort: MemberSort;
  onSortChange: (sort: MemberSort) => void;
  initial?: MemberInitialFilters;
  onClearLeft?: () => void;
  /** The member whose detail drawer is open (kept in the URL by the page). */
  memberId?: number;
  onOpenMember: (id: number | undefined) => void;
}

/** Memoised: the page re-renders as its org tree loads, which leaves the roster as it is (stable props). */
export const MemberTable = memo(function MemberTable(props: MemberTableProps) {
  const { org, subtree, onSubtreeChange, sort, onSortChange, initial, onClearLeft, memberId, onOpenMember } = props;
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  // The submitted search form, for the filters the page was opened with (a new drill-down link starts again).
  const [search, setSearch] = useState<{ for: MemberInitialFilters | undefined; values: MemberSearch }>({
    for: initial,
    values: initial?.form ?? {},
  });
  const form = search.for === initial ? search.values : (initial?.form ?? {});
  const [pageSize, setPageSize] = useState<number>(LIMITS.pageSizeDefault);
  const filters = filtersOf(org, subtree, form, initial?.left);
  const pages = useMemberPages(filters, sort, pageSize);
  const phone = useIsPhone();
  /** The row clicked last: the drawer shows it at once while the fresh copy loads. */
  const [clicked, setClicked] = useState<TMember>();
  const [active, setActive] = useState<{ action: Exclude<MemberAction, 'detail'>; member: TMember }>();
  const [importing, setImporting] = useState(false);

  const reload = () => void pages.refresh();
  /** Another page of the roster: its first rows come into view (the pager sits under the last). */
  const turn = (go: () => void) => {
    go();
    document.querySelector('.ant-pro-table')?.scrollIntoView({ block: 'start' });
  };
  /** After a change: the list, and any open detail of that member, are fetched again. */
  const changed = (member?: TMember) => {
    reload();
    if (member) void queryClient.invalidateQueries({ queryKey: ['member', member.id] });
  };
  const close = () => setActive(undefined);
  // Actions started from the detail drawer open their modal above it; the drawer stays. One function for the
  // table's life (it reads the latest props through a ref), so the columns are not rebuilt on every render.
  const onOpenMemberRef = useRef(onOpenMember);
  onOpenMemberRef.current = onOpenMember;
  const openAction = useCallback((action: MemberAction, member: TMember) => {
    if (action !== 'detail') return setActive({ action, member });
    setClicked(member);
    onOpenMemberRef.current(member.id);
  }, []);
  const allColumns = useMemberColumns(openAction);
  // The columns this screen shows, known on the first render: the table needs no breakpoint hook of its own.
  const screens = useScreens();
  const columns = useMemo(() => visibleColumns(allColumns, screens), [allColumns, screens]);
  // The width of those columns: the table fills its card and scrolls only beyond that.
  const tableWidth = columns.filter((c) => !c.hideInTable).reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);

  const toolbar = [
    can('member:create') && <MemberCreateModal key="create" defaultOrg={org} onCreated={() => changed()} />,
    // Importing takes a spreadsheet file: offered on a desktop only, where the toolbar has room for it.
    !phone && can('member:import') && (
      <Button key="import" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="member-import-button">
        {t('member.import')}
      </Button>
    ),
    can('member:export') && <ExportButton key="export" filters={() => filters} />,
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
        columns={columns}
        cardBordered
        dataSource={pages.items}
        loading={pages.loading}
        search={{ labelWidth: 'auto', span: FILTER_SPAN, defaultCollapsed: phone }}
        form={{ id: 'member-filters', initialValues: initial?.form }}
        onSubmit={(values) => setSearch({ for: initial, values })}
        onReset={() => setSearch({ for: initial, values: initial?.form ?? {} })}
        // Columns shrink with the screen (see memberColumns); what still overflows scrolls under the fixed name.
        scroll={{ x: tableWidth }}
        pagination={false}
        footer={() => (
          <MemberPager
            page={pages.page}
            total={pages.total}
            totalExact={pages.totalExact}
            hasPrev={pages.hasPrev}
            hasNext={pages.hasNext}
            loading={pages.loading}
            pageSize={pageSize}
            onPrev={() => turn(pages.prev)}
            onNext={() => turn(pages.next)}
            onPageSize={setPageSize}
          />
        )}
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
            <Select<MemberSort>
              value={sort}
              onChange={onSortChange}
              aria-label={t('member.sort')}
              options={SORTS.map((o) => ({ value: o.value, label: t(o.label) }))}
              popupMatchSelectWidth={false}
              data-testid="member-sort"
            />
          </Space>
        }
        toolBarRender={() => toolbar}
        options={{ reload: () => void pages.refresh(), density: false, setting: false }}
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
});
