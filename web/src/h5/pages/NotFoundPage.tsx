import { Button, ErrorBlock } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { Page } from '../components/Page.tsx';
import { useLang } from '../i18n.tsx';

export function NotFoundPage() {
  const { t } = useLang();
  const navigate = useNavigate();
  return (
    <Page title={t('notFound')}>
      <ErrorBlock status="empty" title={t('notFound')} description="">
        <Button color="primary" onClick={() => void navigate('/', { replace: true })}>
          {t('home')}
        </Button>
      </ErrorBlock>
    </Page>
  );
}
