// /audit: filterable, server-paged audit trail — actions in words, objects by name, details as labelled fields — and
// the hash-chain integrity check.
import { useState } from 'react';
import { Alert, Button } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import {
  AUDIT_ACTION_GROUP_LABELS,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  LIMITS,
  auditActionGroup,
  type AuditActionGroup,
  type TAuditEvent,
} from '@gonghui/common';
import { auditApi, type AuditVerifyResult } from '../../api/endpoints.ts';
import { useSession } from '../../app/session.ts';
import { useAuditActionLabel } from '../../i18n/labels.ts';
import { formatDateTime, toIsoDate } from '../../utils/format.ts';
import { notifyError } from '../../utils/notify.ts';
import { AuditChanges } from './AuditChanges.tsx';

interface AuditFilters {
  actor?: string;
  action?: string;
  entityType?: string;
  range?: [unknown, unknown];
}

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  const { t } = useTranslation();
  return result.ok ? (
    <Alert type="success" showIcon message={t('audit.verifyOk', { checked: result.checked })} data-testid="audit-verify-result" />
  ) : (
    <Alert
      type="error"
      showIcon
      message={t('audit.verifyBroken', { brokenAt: result.brokenAt ?? '?', checked: result.checked })}
      description={result.reason ? t(`audit.verifyReason.${result.reason}`) : undefined}
      data-testid="audit-verify-result"
    />
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const actionLabel = useAuditActionLabel();
  // The hash chain spans the whole federation: only users of the top org may verify it (the server answers 403 to others).
  const canVerify = useSession().org.parentId === null;
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<AuditVerifyResult>();

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await auditApi.verify());
    } catch (err) {
      notifyError(err);
    } finally {
      setVerifying(false);
    }
  };

  const entityTypeLabel = (v: string) => t(`audit.entityTypes.${v}`, { defaultValue: v });
  // Every catalogued action, grouped by what it concerns; the search box matches the label.
  const actionOptions = (Object.keys(AUDIT_ACTION_GROUP_LABELS) as AuditActionGroup[]).map((g) => ({
    label: t(`audit.groups.${g}`),
    options: AUDIT_ACTIONS.filter((a) => auditActionGroup(a) === g).map((a) => ({ value: a, label: actionLabel(a) })),
  }));
  const columns: ProColumns<TAuditEvent>[] = [
    { title: t('audit.time'), dataIndex: 'at', width: 170, search: false, render: (_d, e) => formatDateTime(e.at) },
    { title: t('audit.range'), dataIndex: 'range', valueType: 'dateRange', hideInTable: true },
    {
      title: t('audit.actor'),
      dataIndex: 'actor',
      width: 130,
      fieldProps: { maxLength: LIMITS.username },
      render: (_d, e) => e.actorName ?? '—',
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      valueType: 'select',
      fieldProps: { showSearch: true, optionFilterProp: 'label', options: actionOptions },
      render: (_d, e) => (i18n.language.startsWith('zh') ? e.actionLabel : actionLabel(e.action)),
    },
    {
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(AUDIT_ENTITY_TYPES.map((v) => [v, { text: entityTypeLabel(v) }])),
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entityId',
      search: false,
      render: (_d, e) =>
        e.objectLabel ? (
          <span title={e.entityType ? `${entityTypeLabel(e.entityType)}${e.entityId ? ` #${e.entityId}` : ''}` : undefined}>
            {e.objectLabel}
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140, search: false, render: (_d, e) => e.ip ?? '—' },
  ];

  return (
    <>
      {verify && (
        <div style={{ marginBottom: 16 }}>
          <VerifyResult result={verify} />
        </div>
      )}
      <ProTable<TAuditEvent, AuditFilters>
        rowKey="id"
        columns={columns}
        cardBordered
        headerTitle={t('menu.audit')}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        request={async (params) => {
          const [from, to] = params.range ?? [];
          try {
            const res = await auditApi.list({
              actor: params.actor?.trim() || undefined,
              action: params.action,
              entityType: params.entityType,
              from: toIsoDate(from),
              to: toIsoDate(to),
              page: params.current,
              pageSize: params.pageSize,
            });
            return { data: res.items, total: res.total, success: true };
          } catch (err) {
            notifyError(err);
            return { data: [], total: 0, success: false };
          }
        }}
        pagination={{ defaultPageSize: LIMITS.pageSizeDefault, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
        expandable={{
          expandedRowRender: (e) => <AuditChanges changes={e.changes} />,
          rowExpandable: (e) => e.changes.length > 0,
        }}
        toolBarRender={() =>
          canVerify
            ? [
                <Button
                  key="verify"
                  icon={<SafetyOutlined />}
                  loading={verifying}
                  onClick={() => void runVerify()}
                  data-testid="audit-verify-button"
                >
                  {t('audit.verify')}
                </Button>,
              ]
            : []
        }
        options={{ reload: true, density: false, setting: false }}
      />
    </>
  );
}
