// 申请详情: number, type, status and deadline; what the member submitted and the union's answer (type-specific rows);
// the progress as vertical steps with who acted and the opinions meant for them; 撤回申请 asks for an optional reason
// and sends the version seen, so a case decided meanwhile answers 409 with the server's message.
import { Button, Dialog, List, Steps, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useParams } from 'react-router';
import { h5Api } from '../api.ts';
import { CASE_LIMITS, typeLabel } from '../case-options.ts';
import { detailRows, type CaseDetail } from '../cases.ts';
import { DueText, StatusTag } from '../components/CaseTags.tsx';
import { Page } from '../components/Page.tsx';
import { LoadError, Loading, NeedLogin } from '../components/States.tsx';
import { friendlyError, isUnauthorized } from '../errors.ts';
import { useLoad } from '../hooks.ts';
import { useLang } from '../i18n.tsx';
import { formatTime } from '../time.ts';

function Timeline({ c }: { c: CaseDetail }) {
  const { t, lang } = useLang();
  const steps = [...c.timeline].reverse();
  return (
    <List header={t('progress')} className="h5-section">
      <div className="h5-box h5-timeline">
        <Steps direction="vertical" current={0}>
          {steps.map((s, i) => (
            <Steps.Step
              key={`${s.at}-${i}`}
              status={i === 0 ? (c.open ? 'process' : s.action === 'reject' || s.action === 'decline' ? 'error' : 'finish') : 'finish'}
              title={s.label}
              description={
                <>
                  <div>
                    {s.byMe ? `${s.actor}（${t('byMe')}）` : s.actor} · {formatTime(s.at, lang)}
                  </div>
                  {s.opinion && <div className="h5-opinion">{s.opinion}</div>}
                </>
              }
            />
          ))}
        </Steps>
      </div>
    </List>
  );
}

async function askReason(t: ReturnType<typeof useLang>['t']): Promise<string | null> {
  let reason = '';
  const ok = await Dialog.confirm({
    title: t('withdrawCase'),
    content: (
      <>
        <p className="h5-dialog-text">{t('withdrawCaseConfirm')}</p>
        <TextArea
          className="h5-dialog-input"
          placeholder={t('withdrawReason')}
          maxLength={CASE_LIMITS.withdrawReason}
          showCount
          autoSize={{ minRows: 2, maxRows: 4 }}
          onChange={(v) => {
            reason = v;
          }}
        />
      </>
    ),
    confirmText: t('withdraw'),
    cancelText: t('cancel'),
  });
  return ok ? reason.trim() : null;
}

export function CaseDetailPage() {
  const { t, lang } = useLang();
  const { id = '' } = useParams();
  const loaded = useLoad(() => h5Api.case(id), [id]);
  const [fresh, setFresh] = useState<CaseDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const c = fresh && String(fresh.id) === id ? fresh : loaded.data;

  const withdraw = async (current: CaseDetail) => {
    const reason = await askReason(t);
    if (reason === null) return;
    setBusy(true);
    try {
      setFresh(await h5Api.withdrawCase(current.id, { version: current.version, ...(reason ? { reason } : {}) }));
      Toast.show({ icon: 'success', content: t('caseWithdrawn') });
    } catch (e) {
      await Dialog.alert({ content: friendlyError(e, t), confirmText: t('confirm') });
      setFresh(null);
      loaded.reload();
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (isUnauthorized(loaded.error)) body = <NeedLogin />;
  else if (loaded.error) body = <LoadError error={loaded.error} onRetry={loaded.reload} />;
  else if (!c) body = <Loading />;
  else {
    const rows = detailRows(c.type, c.detail, lang);
    body = (
      <>
        <List className="h5-section">
          <List.Item extra={<StatusTag c={c} />} description={<DueText c={c} />}>
            <strong>{c.type && lang === 'en' ? typeLabel(c.type, lang) : c.typeLabel}</strong>
          </List.Item>
          <List.Item extra={c.number}>{t('caseNumber')}</List.Item>
          <List.Item extra={formatTime(c.createdAt, lang)}>{t('submittedAt')}</List.Item>
          <List.Item extra={formatTime(c.updatedAt, lang)}>{t('updatedAt')}</List.Item>
        </List>
        {rows.length > 0 && (
          <List header={t('caseContent')} className="h5-section">
            {rows.map((r) =>
              r.long ? (
                <List.Item key={r.key} description={<div className="h5-prewrap">{r.value}</div>}>
                  {r.label}
                </List.Item>
              ) : (
                <List.Item key={r.key} extra={r.value}>
                  {r.label}
                </List.Item>
              ),
            )}
          </List>
        )}
        <Timeline c={c} />
        {c.canWithdraw && (
          <div className="h5-actions">
            <Button block color="danger" fill="outline" loading={busy} onClick={() => void withdraw(c)}>
              {t('withdrawCase')}
            </Button>
          </div>
        )}
      </>
    );
  }
  return <Page title={t('caseDetailTitle')}>{body}</Page>;
}
