// Drill-down paths: summaries carry the server's `records` path per figure; the statistics page builds the same
// kind of path for the indicators it knows how to list (the stats contract has no records path per value).
import type { TIndicator } from '@gonghui/common';

export type RecordsKind = 'members' | 'orgs';

export interface RecordsTarget {
  kind: RecordsKind;
  /** Query of the console path, passed to the list API as it is. */
  params: Record<string, string>;
  path: string;
}

export function parseRecords(path: string | null | undefined): RecordsTarget | undefined {
  if (!path) return undefined;
  const [pathname = '', qs = ''] = path.split('?');
  const kind = pathname === '/members' ? 'members' : pathname === '/orgs' ? 'orgs' : undefined;
  if (!kind) return undefined;
  return { kind, params: Object.fromEntries(new URLSearchParams(qs)), path };
}

/**
 * Mirrors the server's providers for the indicators whose list matches the count; null when there is none.
 * members.left has no list yet: /members cannot filter by the date a member left, so status=left would list
 * every member who ever left, not those of the period.
 */
export function recordsPathFor(ind: TIndicator, orgId: number, from: string, to: string): string | null {
  const key = ind.key;
  if (ind.theme === 'orgs' || key.startsWith('orgs.')) {
    const q = new URLSearchParams({ rootId: String(orgId) });
    if (key === 'orgs.founded') {
      q.set('foundedFrom', from);
      q.set('foundedTo', to);
    } else if (key === 'orgs.dissolved') q.set('status', 'dissolved');
    else if (key === 'orgs.total') q.set('status', 'active');
    else return null;
    return `/orgs?${q.toString()}`;
  }
  if (ind.theme === 'members' || key.startsWith('members.')) {
    const q = new URLSearchParams({ orgId: String(orgId), subtree: 'true' });
    if (key === 'members.joined') {
      q.set('joinedFrom', from);
      q.set('joinedTo', to);
    } else if (key === 'members.total') q.set('status', 'active');
    else return null;
    return `/members?${q.toString()}`;
  }
  return null;
}
