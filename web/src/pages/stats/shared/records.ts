// Drill-down paths: summaries carry the server's `records` path per figure, and the indicator catalogue a path
// template per indicator that the statistics pages fill with the org and period.
import { fillRecordsPath, type TIndicator } from '@gonghui/common';

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

/** The records behind an indicator's value for an org and period, from the path the server's catalogue gives. */
export function recordsPathFor(ind: TIndicator, orgId: number, from: string, to: string): string | null {
  return fillRecordsPath(ind.records, orgId, from, to);
}
