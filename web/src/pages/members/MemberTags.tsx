// Membership status and category tags, coloured alike in the list, the detail drawer and the e-card.
import { Space, Tag } from 'antd';
import type { MemberCategory, MemberStatus } from '@gonghui/common';
import { useLabels } from '../../i18n/labels.ts';

const STATUS_COLORS: Record<MemberStatus, string> = {
  active: 'green',
  retained: 'blue',
  transferred: 'orange',
  left: 'default',
};

/** `label` spares a long list one translation hook per row; without it the tag looks its label up itself. */
export function MemberStatusTag({ status, label }: { status: MemberStatus; label?: string }) {
  return label === undefined ? <LabelledStatusTag status={status} /> : <StatusTag status={status} label={label} />;
}

function LabelledStatusTag({ status }: { status: MemberStatus }) {
  const labels = useLabels();
  return <StatusTag status={status} label={labels.memberStatus(status)} />;
}

function StatusTag({ status, label }: { status: MemberStatus; label: string }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="member-status" data-status={status}>
      {label}
    </Tag>
  );
}

export function MemberCategoryTags({ categories }: { categories: readonly MemberCategory[] }) {
  const labels = useLabels();
  if (categories.length === 0) return <>—</>;
  return (
    <Space size={[4, 4]} wrap>
      {categories.map((c) => (
        <Tag key={c} bordered={false} color="purple">
          {labels.memberCategory(c)}
        </Tag>
      ))}
    </Space>
  );
}
