// An audit row's details as a small table of labelled fields (字段 / 变更前 / 变更后), as the server formatted them.
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TAuditEvent } from '@gonghui/common';

type Change = TAuditEvent['changes'][number];

export function AuditChanges({ changes }: { changes: Change[] }) {
  const { t, i18n } = useTranslation();
  // The server labels fields in Chinese; other languages use their own field names where they have one.
  const fieldLabel = (c: Change) =>
    i18n.language.startsWith('zh') || !c.field ? c.label : t(`fields.${c.field}`, { defaultValue: c.label });
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table<Change>
      data-testid="audit-detail"
      size="small"
      pagination={false}
      rowKey={(c) => c.field || c.label}
      dataSource={changes}
      style={{ maxWidth: 900 }}
      columns={[
        { title: t('audit.field'), key: 'field', width: 180, render: (_v, c) => fieldLabel(c) },
        { title: t('audit.before'), dataIndex: 'before', render: (v: string | null) => <Value v={v} /> },
        { title: t('audit.after'), dataIndex: 'after', render: (v: string | null) => <Value v={v} /> },
      ]}
    />
  );
}

function Value({ v }: { v: string | null }) {
  return v === null ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{v}</span>
  );
}
