// The current term (届期) of an org, read from its 换届选举 events: the newest one's date plus its term years.
import dayjs from 'dayjs';
import type { TOrgEvent } from '@gonghui/common';

export interface Term {
  from: string;
  /** Last day of the term; undefined when the event recorded no term length. */
  to?: string;
}

/** The term begun by the newest 换届 among `events` (newest first), if any. */
export function currentTerm(events: readonly TOrgEvent[]): Term | undefined {
  const last = events.find((e) => e.type === 'reelect');
  if (!last) return undefined;
  const years = Number(last.data.termYears);
  if (!Number.isInteger(years) || years <= 0) return { from: last.date };
  return { from: last.date, to: dayjs(last.date).add(years, 'year').subtract(1, 'day').format('YYYY-MM-DD') };
}
