// 我的申请: the member's cases (GET /h5/cases); a 404 (not built yet) or an empty list shows 「暂无申请」.
import { ErrorBlock, List } from 'antd-mobile';
import { h5Api, type CaseItem } from '../api.ts';
import { Page } from '../components/Page.tsx';
import { LoadError, Loading, NeedLogin } from '../components/States.tsx';
import { isNotFound, isUnauthorized } from '../errors.ts';
import { useLoad } from '../hooks.ts';
import { useLang } from '../i18n.tsx';
import { formatTime } from '../time.ts';

async function loadCases(): Promise<CaseItem[]> {
  try {
    const r = await h5Api.cases();
    return Array.isArray(r) ? r : r.items;
  } catch (e) {
    if (isNotFound(e)) return [];
    throw e;
  }
}

export function CasesPage() {
  const { t, lang } = useLang();
  const cases = useLoad(loadCases, []);
  let body;
  if (isUnauthorized(cases.error)) body = <NeedLogin />;
  else if (cases.error) body = <LoadError error={cases.error} onRetry={cases.reload} />;
  else if (!cases.data) body = <Loading />;
  else if (cases.data.length === 0) body = <ErrorBlock status="empty" title={t('casesEmpty')} description="" />;
  else {
    body = (
      <List className="h5-section">
        {cases.data.map((c) => (
          <List.Item key={c.id} extra={c.statusLabel} description={`${c.number} · ${formatTime(c.submittedAt, lang)}`}>
            {c.title ?? c.typeLabel ?? c.number}
          </List.Item>
        ))}
      </List>
    );
  }
  return <Page title={t('casesTitle')}>{body}</Page>;
}
