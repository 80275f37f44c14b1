// 我的会员卡: masked profile and a QR of the card's verify URL, fetched again shortly before it expires while shown.
import { List } from 'antd-mobile';
import { QRCodeSVG } from 'qrcode.react';
import { useEffect } from 'react';
import { h5Api } from '../api.ts';
import { Page } from '../components/Page.tsx';
import { LoadError, Loading, NeedLogin } from '../components/States.tsx';
import { isUnauthorized } from '../errors.ts';
import { useLoad } from '../hooks.ts';
import { useLang } from '../i18n.tsx';
import { memberStatusLabel } from '../status.ts';
import { formatDate, formatTime, refreshDelay } from '../time.ts';

export function CardPage() {
  const { t, lang } = useLang();
  const me = useLoad(() => h5Api.me(), []);
  const card = useLoad(() => h5Api.card(), []);
  const { reload } = card;
  const expiresAt = card.data?.expiresAt;

  // Refresh the token before it expires, and when the page comes back to the foreground.
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setTimeout(reload, refreshDelay(expiresAt, Date.now()));
    const onVisible = () => {
      if (document.visibilityState === 'visible' && refreshDelay(expiresAt, Date.now()) <= 1000) reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [expiresAt, reload]);

  const error = me.error ?? card.error;
  let body;
  if (isUnauthorized(error)) body = <NeedLogin />;
  else if (error && !me.data) body = <LoadError error={error} onRetry={() => (me.reload(), card.reload())} />;
  else if (!me.data) body = <Loading />;
  else {
    const p = me.data;
    body = (
      <>
        <div className="h5-card-face">
          <div style={{ fontSize: 20 }}>{p.name}</div>
          <div style={{ marginTop: 6, opacity: 0.9 }}>{p.orgName ?? '—'}</div>
          <div className="no" data-testid="card-no">
            {card.data?.cardNo ?? '—'}
          </div>
        </div>
        <div className="h5-qr">
          {card.data ? (
            <>
              <div data-testid="card-qr">
                <QRCodeSVG value={card.data.verifyUrl} size={200} level="M" marginSize={2} />
              </div>
              <div className="h5-hint">{t('qrHint')}</div>
              <div className="h5-hint">{t('qrExpires', { time: formatTime(card.data.expiresAt, lang) })}</div>
            </>
          ) : card.error ? (
            <LoadError error={card.error} onRetry={card.reload} />
          ) : (
            <Loading />
          )}
        </div>
        <List className="h5-section">
          <List.Item extra={card.data?.cardNo ?? '—'}>{t('cardNo')}</List.Item>
          <List.Item extra={p.idMasked}>{t('idNumber')}</List.Item>
          <List.Item extra={p.phoneMasked}>{t('phone')}</List.Item>
          <List.Item extra={p.orgName ?? '—'}>{t('union')}</List.Item>
          <List.Item extra={p.statusLabel ?? memberStatusLabel(p.status, lang)}>{t('status')}</List.Item>
          <List.Item extra={formatDate(p.joinedAt)}>{t('joinedAt')}</List.Item>
        </List>
      </>
    );
  }
  return <Page title={t('myCard')}>{body}</Page>;
}
