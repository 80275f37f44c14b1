// Five and a half years of dated history for the bench city (2021-01-01 … 2026-06-30), for the statistics module
// to count: founding dates, dissolutions, renames and re-elections, as the rows the org service writes
// (orgs.founded_at / status / dissolved_at / chair_name, plus one org_events row per event with the same `data`).
// Applied on top of generateCity() with its own PRNG, so names, kinds, ids and paths (and with them every search
// and list target) stay exactly as before; only dates, chairs and events are added.
import { GIVEN, SURNAMES } from './city-words.ts';
import { rng, type CityOrg } from './city.ts';

export const HISTORY_FROM = '2021-01-01';
export const HISTORY_TO = '2026-06-30';

export type OrgEventType = 'found' | 'rename' | 'reelect' | 'dissolve';

export interface CityEvent {
  row: number; // index into the city rows
  type: OrgEventType;
  date: string;
  data: Record<string, unknown>;
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');

const DISSOLVE_REASONS = ['单位注销', '企业破产清算', '单位合并', '项目竣工'];

/** A plausible earlier name for a renamed org (the event records from → to; the org keeps its generated name). */
function formerName(name: string): string {
  if (name.includes('有限公司')) return name.replace('有限公司', '有限责任公司');
  if (name.includes('社区')) return name.replace('社区', '村');
  if (name.includes('医院')) return name.replace('医院', '卫生院');
  if (name.includes('学校')) return name.replace('学校', '学堂');
  return name.replace(/(工会委员会|工会联合会|联合工会|工会)$/, '职工$1');
}

/**
 * Rewrites foundedAt / dissolvedAt / chairName of `city` in place and returns the events, found first, in date
 * order per org. Status (2 % of grassroots dissolved) is generateCity's own.
 */
export function applyCityHistory(city: CityOrg[], seed: number): CityEvent[] {
  const rand = rng(seed ^ 0x5eed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const person = () =>
    `${SURNAMES[int(0, SURNAMES.length - 1)]}${GIVEN[int(0, GIVEN.length - 1)]}${rand() < 0.6 ? GIVEN[int(0, GIVEN.length - 1)] : ''}`;
  const from = dayOf(HISTORY_FROM);
  const to = dayOf(HISTORY_TO);
  const events: CityEvent[] = [];

  city.forEach((o, i) => {
    const parentDay = o.parent < 0 ? from : dayOf(city[o.parent]?.foundedAt ?? HISTORY_FROM);
    let day: number;
    switch (o.level) {
      case 'city':
        day = from;
        break;
      case 'district':
        day = parentDay + int(0, 30);
        break;
      case 'street':
        day = parentDay + int(0, 180);
        break;
      case 'federation':
        day = parentDay + Math.floor((to - parentDay) * rand() ** 3); // most early, a few recent
        break;
      case 'province':
      case 'grassroots':
        day = parentDay + Math.floor((to - parentDay) * rand() ** 1.5); // spread, denser in the early years
    }
    o.foundedAt = isoOf(Math.min(day, to));
    const evs: CityEvent[] = [
      { row: i, type: 'found', date: o.foundedAt, data: { parentId: null } }, // parentId filled in by the loader
    ];
    const founded = dayOf(o.foundedAt);
    let lastDay = to;
    if (o.status === 'dissolved') {
      const d = Math.min(to, founded + Math.max(1, Math.floor((to - founded) * (0.2 + 0.8 * rand()))));
      o.dissolvedAt = isoOf(d);
      lastDay = d - 1; // renames and re-elections happen while the org is active
    } else {
      o.dissolvedAt = null;
    }
    if (o.level === 'grassroots' && rand() < 0.05 && lastDay > founded + 30) {
      const date = isoOf(founded + 30 + Math.floor((lastDay - founded - 30) * rand()));
      evs.push({ row: i, type: 'rename', date, data: { from: formerName(o.name), to: o.name } });
    }
    // Committees are re-elected every 3 or 5 years; the generated chair is the current one.
    const termYears = o.level === 'grassroots' && rand() < 0.4 ? 3 : 5;
    const terms: string[] = [];
    for (let k = 1; dayOf(addYears(o.foundedAt, termYears * k)) <= lastDay; k++) terms.push(addYears(o.foundedAt, termYears * k));
    if (terms.length) {
      const chairs = [...terms.map(() => person()), o.chairName]; // chairs[0] before the first election, … last = now
      terms.forEach((date, k) => {
        evs.push({ row: i, type: 'reelect', date, data: { chairName: chairs[k + 1], termYears, previousChair: chairs[k] } });
      });
    }
    if (o.dissolvedAt) {
      evs.push({ row: i, type: 'dissolve', date: o.dissolvedAt, data: { reason: DISSOLVE_REASONS[int(0, DISSOLVE_REASONS.length - 1)] } });
    }
    evs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    events.push(...evs);
  });
  return events;
}
