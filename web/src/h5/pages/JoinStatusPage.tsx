// 入会进度 (/join/:number?token=) with Steps, and the list of applications saved in this browser (/join-status).
import { ErrorBlock, List, Steps } from 'antd-mobile';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { h5Api, type JoinStatus } from '../api.ts';
import { Page } from '../components/Page.tsx';
import { LoadError, Loading } from '../components/States.tsx';
import { useLoad } from '../hooks.ts';
import { useLang, type Translate } from '../i18n.tsx';
import { loadApplications, statusPath } from '../storage.ts';
import { formatTime } from '../time.ts';
import { joinSteps } from '../status.ts';

function StatusBody({ s, t, lang }: { s: JoinStatus; t: Translate; lang: 'zh' | 'en' }) {
  const { current, failed } = joinSteps(s.status);
  const stepStatus = (i: number) =>
    i < current ? 'finish' : i > current ? 'wait' : failed ? 'error' : current === 2 ? 'finish' : 'process';
  return (
    <>
      <div className="h5-box">
        <Steps direction="vertical" current={current}>
          <Steps.Step title={t('stepSubmitted')} description={formatTime(s.submittedAt, lang)} status={stepStatus(0)} />
          <Steps.Step title={current === 1 ? s.statusLabel : t('stepReview')} status={stepStatus(1)} />
          <Steps.Step
            title={current === 2 ? s.statusLabel : t('stepDone')}
            description={s.decidedAt ? formatTime(s.decidedAt, lang) : undefined}
            status={stepStatus(2)}
          />
        </Steps>
      </div>
      <List className="h5-section">
        <List.Item extra={s.number}>{t('applicationNumber')}</List.Item>
        <List.Item extra={<span data-testid="join-status">{s.statusLabel}</span>}>{t('status')}</List.Item>
        <List.Item extra={s.orgName ?? '—'}>{t('union')}</List.Item>
        <List.Item extra={formatTime(s.submittedAt, lang)}>{t('submittedAt')}</List.Item>
        {s.decidedAt && <List.Item extra={formatTime(s.decidedAt, lang)}>{t('decidedAt')}</List.Item>}
        {s.reason && <List.Item description={s.reason}>{t('reason')}</List.Item>}
      </List>
    </>
  );
}

export function JoinStatusPage() {
  const { t, lang } = useLang();
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? loadApplications().find((a) => a.number === number)?.token ?? '';
  const status = useLoad(() => (token ? h5Api.joinStatus(number, token) : Promise.resolve(null)), [number, token]);
  let body;
  if (!token) body = <ErrorBlock status="default" title={t('statusNeedsToken')} description="" />;
  else if (status.error) body = <LoadError error={status.error} onRetry={status.reload} />;
  else if (!status.data) body = <Loading />;
  else body = <StatusBody s={status.data} t={t} lang={lang} />;
  return <Page title={t('joinStatusTitle')}>{body}</Page>;
}

export function SavedApplicationsPage() {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const saved = loadApplications();
  return (
    <Page title={t('joinStatus')}>
      {saved.length === 0 ? (
        <ErrorBlock status="empty" title={t('noSavedApplications')} description="" />
      ) : (
        <List className="h5-section">
          {saved.map((a) => (
            <List.Item
              key={a.number}
              description={formatTime(a.savedAt, lang)}
              onClick={() => void navigate(statusPath(a.number, a.token))}
            >
              {a.number}
            </List.Item>
          ))}
        </List>
      )}
    </Page>
  );
}
