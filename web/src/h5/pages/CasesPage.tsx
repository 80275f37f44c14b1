// 我的申请: the member's cases (GET /h5/cases), newest first as the server sends them, pull down to refresh; each opens
// its detail, and 「新建申请」 starts a new one.
import { Button, ErrorBlock, List, PullToRefresh, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { h5Api } from '../api.ts';
import { typeLabel } from '../case-options.ts';
import { formatDay, type CaseSummary } from '../cases.ts';
import { DueText, StatusTag } from '../components/CaseTags.tsx';
import { Page } from '../components/Page.tsx';
import { LoadError, Loading, NeedLogin } from '../components/States.tsx';
import { friendlyError, isUnauthorized } from '../errors.ts';
import { useLoad } from '../hooks.ts';
import { useLang } from '../i18n.tsx';

const loadCases = async (): Promise<CaseSummary[]> => (await h5Api.cases()).items;

export function CasesPage() {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const cases = useLoad(loadCases, []);
  // A pull keeps the list on screen and swaps it when the new one arrives (PullToRefresh waits for the promise).
  const [fresh, setFresh] = useState<CaseSummary[] | null>(null);
  const refresh = async () => {
    try {
      setFresh(await loadCases());
    } catch (e) {
      Toast.show({ icon: 'fail', content: friendlyError(e, t) });
    }
  };
  const items = fresh ?? cases.data;
  const newButton = (
    <div className="h5-actions">
      <Button block color="primary" size="large" onClick={() => void navigate('/cases/new')}>
        {t('newCase')}
      </Button>
    </div>
  );

  let body;
  if (isUnauthorized(cases.error)) body = <NeedLogin />;
  else if (cases.error) body = <LoadError error={cases.error} onRetry={cases.reload} />;
  else if (!items) body = <Loading />;
  else if (items.length === 0) {
    body = (
      <>
        <ErrorBlock status="empty" title={t('casesEmpty')} description={t('casesEmptyHint')} />
        {newButton}
      </>
    );
  } else {
    body = (
      <>
        {newButton}
        <List className="h5-section h5-cases">
          {items.map((c) => (
            <List.Item
              key={c.id}
              onClick={() => void navigate(`/cases/${c.id}`)}
              extra={<StatusTag c={c} />}
              description={
                <>
                  <div>
                    {c.number} · {formatDay(c.createdAt)}
                  </div>
                  <DueText c={c} />
                </>
              }
            >
              {c.type && lang === 'en' ? typeLabel(c.type, lang) : c.typeLabel}
            </List.Item>
          ))}
        </List>
      </>
    );
  }
  return <Page title={t('casesTitle')}>{items ? <PullToRefresh onRefresh={refresh}>{body}</PullToRefresh> : body}</Page>;
}
