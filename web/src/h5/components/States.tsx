// Loading, error (friendly message + retry) and login-required blocks shared by the pages.
import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { friendlyError } from '../errors.ts';
import { useLang } from '../i18n.tsx';

export function Loading() {
  const { t } = useLang();
  return (
    <div className="h5-center">
      {t('loading')}
      <DotLoading />
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useLang();
  return (
    <ErrorBlock status="default" title={friendlyError(error, t)} description="">
      {onRetry && (
        <Button color="primary" fill="outline" onClick={onRetry}>
          {t('retry')}
        </Button>
      )}
    </ErrorBlock>
  );
}

export function NeedLogin() {
  const { t } = useLang();
  const navigate = useNavigate();
  return (
    <ErrorBlock status="empty" title={t('needLogin')} description="">
      <Button color="primary" onClick={() => void navigate('/login')}>
        {t('activateOrLogin')}
      </Button>
    </ErrorBlock>
  );
}
