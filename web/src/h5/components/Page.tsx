// Page frame: NavBar (back arrow except on the home page, language switch), document title for WeChat's top bar.
import { useEffect, type ReactNode } from 'react';
import { NavBar, SafeArea } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useLang } from '../i18n.tsx';

export function Page({ title, home, children }: { title: string; home?: boolean; children: ReactNode }) {
  const navigate = useNavigate();
  const { t, toggle } = useLang();
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <div className="h5-page">
      <NavBar
        className="h5-nav"
        backIcon={!home}
        back={home ? null : ''}
        onBack={() => void (window.history.length > 1 ? navigate(-1) : navigate('/', { replace: true }))}
        right={
          <a className="h5-lang" onClick={toggle} role="button">
            {t('language')}
          </a>
        }
      >
        {title}
      </NavBar>
      <div className="h5-body">{children}</div>
      <SafeArea position="bottom" />
    </div>
  );
}
