// Among an org's fields: its member count linking to the roster filtered by it (/members?orgId=), and the current
// term (届期) read from the latest 换届选举 event — its date plus the term years recorded with it.
import { Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TOrg } from '@gonghui/common';
import { formatDate } from '../../utils/format.ts';
import { currentTerm } from './orgTerm.ts';
import { orgMemberCountQuery, orgTermEventsQuery } from './orgQueries.ts';

export function MemberCount({ org }: { org: TOrg }) {
  const { t } = useTranslation();
  const self = useQuery(orgMemberCountQuery(org.id, false));
  const all = useQuery({ ...orgMemberCountQuery(org.id, true), enabled: org.childCount > 0 });
  return (
    <Space size={12} wrap>
      <span data-testid="org-member-count">{self.data === undefined ? '…' : t('browse.membersSelf', { count: self.data })}</span>
      {org.childCount > 0 && all.data !== undefined && (
        <Typography.Text type="secondary">{t('browse.membersSubtree', { count: all.data })}</Typography.Text>
      )}
      <Link to={`/members?orgId=${org.id}${org.childCount > 0 ? '' : '&subtree=false'}`} data-testid="org-roster-link">
        {t('browse.roster')}
      </Link>
    </Space>
  );
}

export function TermText({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const events = useQuery(orgTermEventsQuery(orgId));
  if (!events.data) return <>…</>;
  const term = currentTerm(events.data.items);
  if (!term) return <Typography.Text type="secondary">{t('browse.termNone')}</Typography.Text>;
  if (!term.to) return <>{t('browse.termSince', { from: formatDate(term.from) })}</>;
  const expired = term.to < dayjs().format('YYYY-MM-DD');
  return (
    <Space size={8} wrap>
      <span>{t('browse.termRange', { from: formatDate(term.from), to: formatDate(term.to) })}</span>
      {expired && <Tag color="orange">{t('browse.termExpired')}</Tag>}
    </Space>
  );
}
