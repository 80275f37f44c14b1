// The roster's columns and search fields (hidden columns are filters only), and each row's actions.
import { useMemo, useState } from 'react';
import { Button, Dropdown, Space, Typography, type MenuProps } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { LIMITS, MEMBER_CATEGORIES, MEMBER_STATUSES, type MemberStatus, type TMember } from '@gonghui/common';
import { useCan } from '../../app/session.ts';
import { useLabels, type Labels } from '../../i18n/labels.ts';
import { MemberCategoryTags, MemberStatusTag } from './MemberTags.tsx';

export type MemberAction = 'detail' | 'edit' | 'leave' | 'transfer' | 'card';

const mono = (text: string) => <span className="mono">{text}</span>;

/** The row actions' texts, looked up once per table render instead of once per row. */
interface ActionTexts {
  detail: string;
  edit: string;
  more: string;
  card: string;
  leave: string;
  transfer: string;
  notInRoster: string;
}

interface RowActionsProps {
  member: TMember;
  canUpdate: boolean;
  texts: ActionTexts;
  onAction: (action: MemberAction, member: TMember) => void;
}

/**
 * A row's 更多 menu: a plain button until it is first clicked, then a dropdown opened at once. A page of rows thus
 * mounts no twenty dropdown triggers before it shows.
 */
function MoreMenu({ label, items, onPick }: { label: string; items: MenuProps['items']; onPick: (key: string) => void }) {
  const [open, setOpen] = useState(false);
  const [armed, setArmed] = useState(false);
  const arm = () => {
    setArmed(true);
    setOpen(true);
  };
  const button = (
    <Button type="link" size="small" onClick={armed ? undefined : arm} data-testid="member-action-more">
      {label} <DownOutlined />
    </Button>
  );
  if (!armed) return button;
  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      menu={{
        items,
        onClick: ({ key }) => {
          setOpen(false);
          onPick(key);
        },
      }}
    >
      {button}
    </Dropdown>
  );
}

function RowActions({ member, canUpdate, texts, onAction }: RowActionsProps) {
  const active = member.status === 'active';
  const inactiveTitle = active ? undefined : texts.notInRoster;
  const more = [
    { key: 'card', label: <span data-testid="member-action-card">{texts.card}</span> },
    {
      key: 'leave',
      label: (
        <span data-testid="member-action-leave" title={inactiveTitle}>
          {texts.leave}
        </span>
      ),
      disabled: !active,
    },
    {
      key: 'transfer',
      label: (
        <span data-testid="member-action-transfer" title={inactiveTitle}>
          {texts.transfer}
        </span>
      ),
      disabled: !active,
    },
  ];
  return (
    <Space size={0} data-testid="member-row-actions">
      <Button type="link" size="small" onClick={() => onAction('detail', member)} data-testid="member-action-detail">
        {texts.detail}
      </Button>
      {canUpdate ? (
        <>
          <Button type="link" size="small" onClick={() => onAction('edit', member)} data-testid="member-action-edit">
            {texts.edit}
          </Button>
          <MoreMenu label={texts.more} items={more} onPick={(key) => onAction(key as MemberAction, member)} />
        </>
      ) : (
        <Button type="link" size="small" onClick={() => onAction('card', member)} data-testid="member-action-card">
          {texts.card}
        </Button>
      )}
    </Space>
  );
}

/**
 * The columns, built again only when the language or the user's rights change (`onAction` must be stable): a roster
 * re-rendered for another reason keeps its cells. Per-row texts are looked up here once, not in every cell.
 */
export function useMemberColumns(onAction: (action: MemberAction, member: TMember) => void): ProColumns<TMember>[] {
  const labels = useLabels();
  const { t } = labels;
  const canUpdate = useCan()('member:update');
  // labels is new on every render, but all its lookups go through t, which changes with the language.
  return useMemo(() => buildColumns(labels, canUpdate, onAction), [t, canUpdate, onAction]);
}

function buildColumns(
  labels: Labels,
  canUpdate: boolean,
  onAction: (action: MemberAction, member: TMember) => void,
): ProColumns<TMember>[] {
  const { t } = labels;
  const texts: ActionTexts = {
    detail: t('member.detail'),
    edit: t('member.edit'),
    more: t('member.more'),
    card: t('member.card'),
    leave: t('member.leave'),
    transfer: t('member.transfer'),
    notInRoster: t('member.notInRoster'),
  };
  const statusText = Object.fromEntries(MEMBER_STATUSES.map((s) => [s, labels.memberStatus(s)])) as Record<MemberStatus, string>;
  const genderText = new Map<string, string>();
  const gender = (g: string) => {
    let text = genderText.get(g);
    if (text === undefined) genderText.set(g, (text = labels.gender(g)));
    return text;
  };
  return [
    {
      title: t('member.q'),
      dataIndex: 'q',
      hideInTable: true,
      formItemProps: { htmlFor: 'member-filter-q' },
      fieldProps: { id: 'member-filter-q', placeholder: t('member.qPlaceholder'), maxLength: LIMITS.search },
    },
    {
      title: t('member.idNumber'),
      dataIndex: 'idNumber',
      hideInTable: true,
      formItemProps: { htmlFor: 'member-filter-id' },
      fieldProps: { id: 'member-filter-id', placeholder: t('member.idNumberPlaceholder'), maxLength: 40 },
    },
    {
      title: t('member.category'),
      dataIndex: 'category',
      hideInTable: true,
      valueType: 'select',
      formItemProps: { htmlFor: 'member-filter-category' },
      fieldProps: { id: 'member-filter-category' },
      valueEnum: Object.fromEntries(MEMBER_CATEGORIES.map((c) => [c, { text: labels.memberCategory(c) }])),
    },
    {
      title: t('member.joinedRange'),
      dataIndex: 'joinedRange',
      hideInTable: true,
      valueType: 'dateRange',
      formItemProps: { htmlFor: 'member-filter-joined' },
      fieldProps: { id: 'member-filter-joined' },
    },
    {
      title: t('member.name'),
      dataIndex: 'name',
      search: false,
      fixed: 'left',
      width: 88,
      render: (_d, m) => (
        <Typography.Link onClick={() => onAction('detail', m)} data-testid="member-name" data-member-id={m.id}>
          {m.name}
        </Typography.Link>
      ),
    },
    // 入会日期 and 会籍状态 come right after the name: they stay in view on every screen.
    { title: t('member.joinedAt'), dataIndex: 'joinedAt', search: false, width: 104 },
    {
      title: t('member.status'),
      dataIndex: 'status',
      width: 92,
      valueType: 'select',
      fieldProps: { id: 'member-filter-status' },
      formItemProps: { htmlFor: 'member-filter-status' },
      // Left empty, the roster leaves out 退会 members; 全部 brings them back.
      valueEnum: {
        ...Object.fromEntries(MEMBER_STATUSES.map((s) => [s, { text: labels.memberStatus(s) }])),
        all: { text: t('member.statusAll') },
      },
      render: (_d, m) => <MemberStatusTag status={m.status} label={statusText[m.status]} />,
    },
    {
      title: t('member.idNumber'),
      dataIndex: 'idNumberMasked',
      search: false,
      width: 172,
      responsive: ['sm'],
      render: (_d, m) => mono(m.idNumberMasked),
    },
    // Cut with an ellipsis by CSS (styles.css), the full name as the cell's title: ProTable's `ellipsis` would measure
    // every cell with a Typography and a tooltip.
    {
      title: t('member.org'),
      dataIndex: 'orgName',
      search: false,
      width: 160,
      responsive: ['lg'],
      className: 'cell-ellipsis',
      onCell: (m) => ({ title: m.orgName }),
    },
    {
      title: t('member.gender'),
      dataIndex: 'gender',
      search: false,
      width: 60,
      responsive: ['xl'],
      render: (_d, m) => gender(m.gender),
    },
    // Below 1600 px these live in the detail drawer only.
    { title: t('member.birthYear'), dataIndex: 'birthYear', search: false, width: 88, responsive: ['xxl'] },
    {
      title: t('member.phone'),
      dataIndex: 'phoneMasked',
      search: false,
      width: 120,
      responsive: ['xxl'],
      render: (_d, m) => (m.phoneMasked ? mono(m.phoneMasked) : '—'),
    },
    {
      title: t('member.category'),
      dataIndex: 'categories',
      search: false,
      width: 132,
      responsive: ['xxl'],
      render: (_d, m) => <MemberCategoryTags categories={m.categories} />,
    },
    { title: t('member.cardNo'), dataIndex: 'cardNo', search: false, width: 132, responsive: ['xxl'], render: (_d, m) => mono(m.cardNo) },
    {
      title: t('member.actions'),
      valueType: 'option',
      fixed: 'right',
      width: 172,
      // On a phone the name opens the drawer, which offers every action.
      responsive: ['sm'],
      render: (_d, m) => <RowActions member={m} canUpdate={canUpdate} texts={texts} onAction={onAction} />,
    },
  ];
}
