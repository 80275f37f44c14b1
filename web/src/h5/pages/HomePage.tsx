// 首页: the member's card summary and entries when logged in; otherwise activate/login and apply-to-join.
import { Button, List, Tag, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { Page } from '../components/Page.tsx';
import { LoadError, Loading } from '../components/States.tsx';
import { useLang } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { memberStatusLabel } from '../status.ts';
import { loadApplications } from '../storage.ts';

export function HomePage() {
  const { t, lang } = useLang();
  const { me, error, refresh, logout } = useSession();
  const navigate = useNavigate();
  const saved = loadApplications();

  if (me === undefined) {
    return (
      <Page title={t('appTitle')} home>
        <Loading />
      </Page>
    );
  }

  if (me === null) {
    return (
      <Page title={t('appTitle')} home>
        <div className="h5-hero">
          <h2>{t('welcome')}</h2>
          <p>{t('welcomeHint')}</p>
        </div>
        {error !== undefined && <LoadError error={error} onRetry={() => void refresh()} />}
        <div className="h5-actions">
          <Button block color="primary" size="large" onClick={() => void navigate('/login')}>
            {t('activateOrLogin')}
          </Button>
          <Button block size="large" onClick={() => void navigate('/join')}>
            {t('applyJoin')}
          </Button>
          {saved.length > 0 && (
            <Button block fill="none" color="primary" onClick={() => void navigate('/join-status')}>
              {t('joinStatus')}
            </Button>
          )}
        </div>
      </Page>
    );
  }

  const onLogout = async () => {
    await logout();
    Toast.show({ content: t('loggedOut') });
  };

  return (
    <Page title={t('appTitle')} home>
      <div className="h5-card-face" onClick={() => void navigate('/card')} role="button">
        <div style={{ fontSize: 20 }}>
          {me.name}{' '}
          <Tag color="#fff" fill="outline">
            {me.statusLabel ?? memberStatusLabel(me.status, lang)}
          </Tag>
        </div>
        <div style={{ marginTop: 6, opacity: 0.9 }}>{me.orgName ?? '—'}</div>
        <div className="no">{me.idMasked}</div>
      </div>
      <List className="h5-section">
        <List.Item onClick={() => void navigate('/card')}>{t('myCard')}</List.Item>
        <List.Item onClick={() => void navigate('/cases')}>{t('myCases')}</List.Item>
        <List.Item onClick={() => void navigate('/my-data')}>{t('myData')}</List.Item>
        <List.Item onClick={() => void navigate('/join-status')}>{t('joinStatus')}</List.Item>
      </List>
      <div className="h5-actions">
        <Button block onClick={() => void onLogout()}>
          {t('logout')}
        </Button>
      </div>
    </Page>
  );
}
