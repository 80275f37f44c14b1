// Status and deadline tags of a member case, shared by the list and the detail page.
import { Tag } from 'antd-mobile';
import { dueState, formatDay, statusColor, type CaseSummary } from '../cases.ts';
import { useLang } from '../i18n.tsx';

export function StatusTag({ c }: { c: Pick<CaseSummary, 'open' | 'status' | 'statusLabel'> }) {
  const color = statusColor(c);
  return (
    <Tag color={color} fill={color === 'default' ? 'solid' : 'outline'}>
      {c.statusLabel}
    </Tag>
  );
}

/** 「办理期限 2026-12-10」, orange when due within two days, red with 「已超期」 once past. Nothing once decided. */
export function DueText({ c }: { c: Pick<CaseSummary, 'open' | 'dueAt'> }) {
  const { t } = useLang();
  const state = dueState(c);
  if (state === 'none') return null;
  return (
    <span className={`h5-due h5-due-${state}`}>
      {t('dueAt')} {formatDay(c.dueAt)}
      {state === 'overdue' && ` · ${t('dueOverdue')}`}
      {state === 'soon' && ` · ${t('dueSoon')}`}
    </span>
  );
}
