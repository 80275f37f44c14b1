// /audit: filterable, server-paged audit trail with before/after JSON, and the hash-chain integrity check.
import { useState } from 'react';
import { Alert, Button, Col, Row, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTION_LABELS, LIMITS, type TAuditEvent } from '@gonghui/common';
import { auditApi, type AuditVerifyResult } from '../../api/endpoints.ts';
import { useSession } from '../../app/session.ts';
import { useAuditActionLabel } from '../../i18n/labels.ts';
import { formatDateTime, toIsoDate } from '../../utils/format.ts';
import { notifyError } from '../../utils/notify.ts';

const ENTITY_TYPES = ['org', 'user', 'role', 'member', 'member_import'] as const;

interface AuditFilters {
  actor?: string;
  action?: string;
  entityType?: string;
  range?: [unknown, unknown];
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <Col span={12}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="json-block">{value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}</pre>
    </Col>
  );
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
  const { t } = useTranslation();
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
      width: 160,
      valueType: 'select',
      fieldProps: { showSearch: true },
      valueEnum: Object.fromEntries(Object.keys(AUDIT_ACTION_LABELS).map((a) => [a, { text: actionLabel(a) }])),
      render: (_d, e) => actionLabel(e.action),
    },
    {
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(ENTITY_TYPES.map((v) => [v, { text: entityTypeLabel(v) }])),
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entityId',
      search: false,
      render: (_d, e) => (e.entityType ? `${entityTypeLabel(e.entityType)}${e.entityId ? ` #${e.entityId}` : ''}` : '—'),
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
          expandedRowRender: (e) => (
            <Row gutter={16} data-testid="audit-detail">
              <JsonBlock title={t('audit.before')} value={e.before} />
              <JsonBlock title={t('audit.after')} value={e.after} />
            </Row>
          ),
          rowExpandable: (e) => e.before !== null || e.after !== null,
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
