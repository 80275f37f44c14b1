// Dated member history for the bench city, 2021-01-01 … 2026-06-30, as the rows the member services write:
//   join         members.create:       member (status active, status_since = joined_at) + 'join' event at the org
//   quit         members.leave:        status 'left', status_since = date, 'quit' event {reason}
//   retire_keep  members.leave:        status 'retained', status_since = date, 'retire_keep' event {reason}
//   transfer     transfers accept:     an accepted member_transfer case, 'transfer_out' at the old org and
//                                      'transfer_in' at the new one on the same date, data {transferId, fromOrgId,
//                                      toOrgId}; the member's org_id / org_path become the new org's, status stays
// Each person's fate is a pure function of (seed, i), so a resumed load continues with the same history.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/src/platform/db/index.ts';
import { HISTORY_FROM, HISTORY_TO } from './city-history.ts';

export interface Union {
  id: number;
  path: string;
  foundedAt: string;
}

export type Fate = 'active' | 'quit' | 'retire_keep' | 'transfer';

export interface MemberHistory {
  joinOrg: Union;
  org: Union; // where the member is now (= joinOrg unless transferred)
  joinedAt: string;
  fate: Fate;
  date: string | null; // of the quit / retirement / transfer
}

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const FROM = dayOf(HISTORY_FROM);
const TO = dayOf(HISTORY_TO);

/** mulberry32, seeded per row, independent of the person's own stream. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Union at skewed position u (∝ u²: a few unions hold thousands). */
export const unionAt = (us: Union[], u: number): Union => {
  const x = us[Math.min(us.length - 1, Math.floor(u * u * us.length))];
  if (!x) throw new Error('no unions: run gen:orgs first');
  return x;
};

/**
 * ~6 % quit, ~3 % retire_keep (among those born up to 1976), ~2 % transferred, the rest active. The join date
 * falls between the union's founding (or the 18th birthday, or 2021-01-01) and 2026-06-30, skewed toward the
 * founding: most workers join when their union is set up.
 */
export function historyOf(seed: number, i: number, us: Union[], unionU: number, birthDate: string): MemberHistory {
  const r = rng(seed * 104_729 + i * 7 + 3);
  const joinOrg = unionAt(us, unionU);
  const adult = dayOf(`${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4).replace('-02-29', '-02-28')}`);
  const lo = Math.min(TO, Math.max(FROM, dayOf(joinOrg.foundedAt), adult));
  const joined = lo + Math.floor((TO - lo) * r() ** 2);
  const joinedAt = isoOf(joined);
  const later = (from: number) => isoOf(from + Math.floor((TO - from + 1) * r()));
  const born = Number(birthDate.slice(0, 4));
  const f = r();
  const g = r();
  if (born <= 1976 && g < 0.109) return { joinOrg, org: joinOrg, joinedAt, fate: 'retire_keep', date: later(joined) };
  if (f < 0.062) return { joinOrg, org: joinOrg, joinedAt, fate: 'quit', date: later(joined) };
  if (f < 0.083) {
    let to = unionAt(us, r());
    for (let k = 0; to.id === joinOrg.id && k < 5; k++) to = unionAt(us, r());
    if (to.id !== joinOrg.id) {
      const date = later(Math.max(joined, dayOf(to.foundedAt)));
      return { joinOrg, org: to, joinedAt, fate: 'transfer', date };
    }
  }
  return { joinOrg, org: joinOrg, joinedAt, fate: 'active', date: null };
}

/**
 * Identity tuple of members (as the import's NewMemberTuple, indexes 0–17: id, org_id, org_path, name, pinyin,
 * initials, grams, id cipher/hash/masked, phone cipher/hash/masked, gender, birth year, joined_at, categories,
 * card_no) followed by 18 join org id, 19 status, 20 status_since, 21 event type of the fate (or null), 22 its date.
 */
export type HistoryTuple = [
  number,
  number,
  string,
  string,
  string,
  string,
  string[],
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string,
  number,
  string,
  string[],
  string,
  number,
  string,
  string,
  string | null,
  string | null,
];

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;
const textArray = (expr: string) => sql.raw(`ARRAY(SELECT jsonb_array_elements_text(${expr}))`);

/** Whether member_events carries the member's gender and categories (statistics schema, decision 0003). */
export async function eventsHaveDimensions(db: DbOrTx): Promise<boolean> {
  const r = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'member_events' AND column_name IN ('gender', 'categories')`);
  return Number(r.rows[0]?.n ?? 0) === 2;
}

/**
 * One statement per batch: members, their join and leave events, accepted transfers and both transfer events.
 * With `dims`, every event carries the member's gender and categories, as the server's events do since the
 * statistics schema (its member_counts triggers then count them per statement).
 */
export async function insertMembersWithHistory(db: DbOrTx, rows: HistoryTuple[], dims = false): Promise<void> {
  if (rows.length === 0) return;
  const dimCols = sql.raw(dims ? ', gender, categories' : '');
  const dimSrc = dims ? sql`, e->>13, ${textArray('e->16')}` : sql``;
  const dimMoved = dims ? sql`, t.gender, t.categories` : sql``;
  await db.execute(sql`
    WITH src AS (SELECT e FROM jsonb_array_elements(${json(rows)}) e),
    added AS (
      INSERT INTO members (id, org_id, org_path, name, name_pinyin, name_initials, name_grams, id_cipher, id_hash, id_masked,
                           phone_cipher, phone_hash, phone_masked, gender, birth_year, joined_at, status, status_since, categories, card_no)
      SELECT (e->>0)::int, (e->>1)::int, e->>2, e->>3, e->>4, e->>5, ${textArray('e->6')}, e->>7, e->>8, e->>9,
             e->>10, e->>11, e->>12, e->>13, (e->>14)::smallint, (e->>15)::date, e->>19, (e->>20)::date, ${textArray('e->16')}, e->>17
      FROM src
      RETURNING id),
    joins AS (
      INSERT INTO member_events (member_id, org_id, type, date${dimCols})
      SELECT (e->>0)::int, (e->>18)::int, 'join', (e->>15)::date${dimSrc} FROM src WHERE EXISTS (SELECT 1 FROM added)),
    leaves AS (
      INSERT INTO member_events (member_id, org_id, type, date, data${dimCols})
      SELECT (e->>0)::int, (e->>1)::int, e->>21, (e->>22)::date, '{"reason":null}'::jsonb${dimSrc}
      FROM src WHERE e->>21 IN ('quit', 'retire_keep') AND EXISTS (SELECT 1 FROM added)),
    moved_src AS (
      SELECT nextval(pg_get_serial_sequence('cases', 'id'))::int AS id, (e->>0)::int AS member_id, (e->>18)::int AS from_org_id,
             (e->>1)::int AS to_org_id, (e->>22)::date AS date
      FROM src WHERE e->>21 = 'transfer' AND EXISTS (SELECT 1 FROM added)),
    moved AS (
      -- Accepted 会员接转 cases (platform/cases); numbered by id in a bench-only series so batches never collide.
      INSERT INTO cases (id, type, number, year, org_id, org_path, target_org_id, target_org_path, status, open, version, subject,
                         title, payload, created_at, updated_at)
      SELECT s.id, 'member_transfer', 'JZB-' || extract(year FROM s.date)::int || '-' || lpad(s.id::text, 8, '0'),
             extract(year FROM s.date)::int, s.from_org_id, fo.path, s.to_org_id, tor.path, 'accepted', false, 2,
             'member:' || s.member_id, '会员接转', jsonb_build_object('memberId', s.member_id, 'date', s.date::text, 'reason', NULL),
             s.date::timestamptz, s.date::timestamptz
      FROM moved_src s JOIN orgs fo ON fo.id = s.from_org_id JOIN orgs tor ON tor.id = s.to_org_id
      RETURNING id, (payload->>'memberId')::int AS member_id, org_id AS from_org_id, target_org_id AS to_org_id, (payload->>'date')::date AS date),
    moved_dims AS (
      SELECT m.*, e->>13 AS gender, ${textArray('e->16')} AS categories
      FROM moved m JOIN src ON (e->>0)::int = m.member_id)
    INSERT INTO member_events (member_id, org_id, type, date, data${dimCols})
    SELECT t.member_id, CASE k.type WHEN 'transfer_out' THEN t.from_org_id ELSE t.to_org_id END, k.type, t.date,
           jsonb_build_object('transferId', t.id, 'fromOrgId', t.from_org_id, 'toOrgId', t.to_org_id)${dimMoved}
    FROM moved_dims t CROSS JOIN (VALUES (1, 'transfer_out'), (2, 'transfer_in')) k(ord, type)
    ORDER BY t.member_id, k.ord`);
}
