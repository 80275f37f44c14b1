// 我的数据: what the union keeps (sections), asking to correct it (信息更正, a case for the union), who viewed my full
// ID number, downloads,
// and optional consents to withdraw.
import { Button, Dialog, List, Tag, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { exportUrl, h5Api, type ConsentItem } from '../api.ts';
import { Page } from '../components/Page.tsx';
import { LoadError, Loading, NeedLogin } from '../components/States.tsx';
import { friendlyError, isUnauthorized } from '../errors.ts';
import { useLoad } from '../hooks.ts';
import { useLang } from '../i18n.tsx';
import { flattenSections } from '../sections.ts';
import { formatTime } from '../time.ts';

export function MyDataPage() {
  const { t, lang } = useLang();
  const data = useLoad(() => h5Api.myData(), []);
  const navigate = useNavigate();

  const withdraw = async (c: ConsentItem) => {
    const ok = await Dialog.confirm({
      content: t('withdrawConfirm', { name: c.label }),
      confirmText: t('withdraw'),
      cancelText: t('cancel'),
    });
    if (!ok) return;
    try {
      await h5Api.withdrawConsent(c.key);
      Toast.show({ icon: 'success', content: t('withdrawn') });
      data.reload();
    } catch (e) {
      Toast.show({ icon: 'fail', content: friendlyError(e, t) });
    }
  };

  let body;
  if (isUnauthorized(data.error)) body = <NeedLogin />;
  else if (data.error) body = <LoadError error={data.error} onRetry={data.reload} />;
  else if (!data.data) body = <Loading />;
  else {
    const d = data.data;
    const viewed = d.viewedBy ?? [];
    body = (
      <>
        <p className="h5-hint">{t('myDataHint')}</p>
        {flattenSections(d.sections).map((s) => (
          <List key={s.title} header={s.title} className="h5-section">
            {s.rows.map((r) => (
              <List.Item key={r.label} extra={r.value}>
                {r.label}
              </List.Item>
            ))}
          </List>
        ))}
        <List className="h5-section">
          {/* 信息更正 (PIPL): a data_correction case routed to the member's union. */}
          <List.Item description={t('correctionHint')} onClick={() => void navigate('/cases/new?type=data_correction')}>
            {t('correction')}
          </List.Item>
        </List>
        <List header={t('viewedBy')} className="h5-section">
          {viewed.length === 0 ? (
            <List.Item>{t('viewedByEmpty')}</List.Item>
          ) : (
            viewed.map((v, i) => (
              <List.Item key={`${v.viewedAt}-${i}`} description={v.reason ?? undefined} extra={formatTime(v.viewedAt, lang)}>
                {v.viewer}
              </List.Item>
            ))
          )}
        </List>
        {(d.consents ?? []).length > 0 && (
          <List header={t('consents')} className="h5-section">
            {(d.consents ?? []).map((c) => (
              <List.Item
                key={c.key}
                description={c.grantedAt ? formatTime(c.grantedAt, lang) : undefined}
                extra={
                  !c.granted ? (
                    <Tag>{t('withdrawn')}</Tag>
                  ) : c.optional ? (
                    <Button size="mini" color="danger" fill="outline" onClick={() => void withdraw(c)}>
                      {t('withdraw')}
                    </Button>
                  ) : (
                    <Tag color="primary" fill="outline">
                      {t('required_consent')}
                    </Tag>
                  )
                }
              >
                {c.label}
              </List.Item>
            ))}
          </List>
        )}
        <List header={t('export')} className="h5-section">
          <List.Item arrowIcon>
            <a href={exportUrl('xlsx')} download className="h5-download">
              {t('exportXlsx')}
            </a>
          </List.Item>
          <List.Item arrowIcon>
            <a href={exportUrl('json')} download className="h5-download">
              {t('exportJson')}
            </a>
          </List.Item>
        </List>
        <p className="h5-hint">{t('wechatDownloadHint')}</p>
      </>
    );
  }
  return <Page title={t('myDataTitle')}>{body}</Page>;
}
