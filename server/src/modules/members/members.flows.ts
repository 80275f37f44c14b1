// Membership flows (join, transfer in/out, quit, reclassification) counted for a subtree over a date window,
// split by direct child. Whole months come from member_flow_months (one row per ancestor, month, type, gender and
// category set); days of partial months and the org's own records come from member_events (decision 0003).
import { monthEndOf } from '@gonghui/common';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';
import { groupOf, SELF } from '../../platform/indicators/index.ts';

export const FLOWS = sql.raw(`('join', 'transfer_in', 'quit', 'transfer_out', 'reclass_in', 'reclass_out')`);
export const SIGN: Record<string, number> = { join: 1, transfer_in: 1, quit: -1, transfer_out: -1, reclass_in: 1, reclass_out: -1 };
/** Before any membership could have been recorded: the start of a snapshot's window. */
export const BEGINNING = '1900-01-01';

export interface FlowRow extends Record<string, unknown> {
  grp: string;
  type: string;
  gender: string;
  categories: string[];
  n: number;
}

export interface FlowScope {
  path: string;
  depth: number;
}

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
const shiftMonth = (first: string, by: number) => {
  const [y, m] = first.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 10);
};

/** The whole months inside [from, to] (first days of the first and last) and the leftover day ranges. */
export function splitWindow(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  if (from > to) return { months: null, days: [] };
  const first = from === monthStart(from) ? from : shiftMonth(monthStart(from), 1);
  const last = to === monthEndOf(to) ? monthStart(to) : shiftMonth(monthStart(to), -1);
  if (first > last) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < first) days.push([from, monthEndOf(from)]);
  if (to > monthEndOf(last)) days.push([monthStart(to), to]);
  return { months: [first, last], days };
}

/** Flows of the window per group (child id or SELF), type, gender and category set. */
export async function flowsIn(db: DbOrTx, s: FlowScope, from: string, to: string): Promise<FlowRow[]> {
  const orgId = Number(s.path.split('.').filter(Boolean).at(-1));
  const { months, days } = splitWindow(from, to);
  const grp = sql.raw(`CASE WHEN o.id = ${orgId} THEN '${SELF}' ELSE ${groupOf(s.depth)} END`);
  const parts = [];
  if (months) {
    const [m1, m2] = months;
    // The children's whole subtrees by month; the org's own records are not below any child, so read them raw.
    parts.push(sql`SELECT r.ancestor_id::text AS grp, r.type, r.gender, r.categories, sum(r.n)::int AS n
      FROM member_flow_months r JOIN orgs c ON c.id = r.ancestor_id
      WHERE c.parent_id = ${orgId} AND r.month BETWEEN ${m1} AND ${m2} GROUP BY 1, 2, 3, 4 HAVING sum(r.n) <> 0`);
    parts.push(sql`SELECT ${sql.raw(`'${SELF}'`)} AS grp, e.type, e.gender, e.categories, count(*)::int AS n
      FROM member_events e WHERE e.org_id = ${orgId} AND e.date BETWEEN ${m1} AND ${monthEndOf(m2)} AND e.type IN ${FLOWS}
      GROUP BY 1, 2, 3, 4`);
  }
  for (const [a, b] of days) {
    parts.push(sql`SELECT ${grp} AS grp, e.type, e.gender, e.categories, count(*)::int AS n
      FROM member_events e JOIN orgs o ON o.id = e.org_id
      WHERE ${subtreeOf(sql.raw('o.path'), s.path)} AND e.date BETWEEN ${a} AND ${b} AND e.type IN ${FLOWS}
      GROUP BY 1, 2, 3, 4`);
  }
  const results = await Promise.all(parts.map((q) => db.execute<FlowRow>(q)));
  return results.flatMap((r) => r.rows);
}

/** The same flows read from member_events alone: the reference the monthly table is tested against. */
export async function flowsInRaw(db: DbOrTx, s: FlowScope, from: string, to: string): Promise<FlowRow[]> {
  const orgId = Number(s.path.split('.').filter(Boolean).at(-1));
  const grp = sql.raw(`CASE WHEN o.id = ${orgId} THEN '${SELF}' ELSE ${groupOf(s.depth)} END`);
  const res = await db.execute<FlowRow>(sql`SELECT ${grp} AS grp, e.type, e.gender, e.categories, count(*)::int AS n
    FROM member_events e JOIN orgs o ON o.id = e.org_id
    WHERE ${subtreeOf(sql.raw('o.path'), s.path)} AND e.date BETWEEN ${from} AND ${to} AND e.type IN ${FLOWS}
    GROUP BY 1, 2, 3, 4`);
  return res.rows;
}

/** Members as of `to` of each union founded in [from, to], by the union's kind (read per union by index). */
export async function membersOfNewOrgs(db: DbOrTx, s: FlowScope, from: string, to: string) {
  const res = await db.execute<{ grp: string; kind: string; n: number }>(sql`
    SELECT ${sql.raw(groupOf(s.depth))} AS grp, o.kind, sum(x.n)::int AS n
    FROM orgs o CROSS JOIN LATERAL (
      SELECT coalesce(sum(member_event_sign(e.type)), 0) AS n FROM member_events e
      WHERE e.org_id = o.id AND e.type IN ${FLOWS} AND e.date <= ${to}) x
    WHERE ${subtreeOf(sql.raw('o.path'), s.path)} AND o.founded_at BETWEEN ${from} AND ${to}
    GROUP BY 1, 2`);
  return res.rows;
}

/** Twelve months of one org's subtree, and the balance before the year. */
export async function monthsOfYear(db: DbOrTx, path: string, year: number) {
  const orgId = Number(path.split('.').filter(Boolean).at(-1));
  const [rows, opening] = await Promise.all([
    db.execute<{ m: number; type: string; n: number }>(sql`
      SELECT extract(month FROM month)::int AS m, type, sum(n)::int AS n FROM member_flow_months
      WHERE ancestor_id = ${orgId} AND month BETWEEN ${`${year}-01-01`} AND ${`${year}-12-01`} GROUP BY 1, 2`),
    db.execute<{ n: number }>(sql`
      SELECT coalesce(sum(member_event_sign(type) * n), 0)::int AS n FROM member_flow_months
      WHERE ancestor_id = ${orgId} AND month < ${`${year}-01-01`}`),
  ]);
  return { rows: rows.rows, opening: opening.rows[0]?.n ?? 0 };
}

/**
 * A subtree moved from oldPath to newPath: its flows leave the ancestors it no longer has and join the new ones.
 * The moved org's own rows are exactly its subtree's flows, so no event needs reading.
 */
export async function shiftFlowMonths(db: DbOrTx, oldPath: string, newPath: string): Promise<void> {
  const oldIds = oldPath.split('.').filter(Boolean).map(Number);
  const newIds = newPath.split('.').filter(Boolean).map(Number);
  const moved = newIds.at(-1);
  const removed = oldIds.slice(0, -1).filter((id) => !newIds.includes(id));
  const added = newIds.slice(0, -1).filter((id) => !oldIds.includes(id));
  if (moved === undefined || (removed.length === 0 && added.length === 0)) return;
  await db.execute(sql`
    INSERT INTO member_flow_months (ancestor_id, month, type, gender, categories, n)
    SELECT a.id, s.month, s.type, s.gender, s.categories, s.n * a.sign
    FROM member_flow_months s
    CROSS JOIN (SELECT unnest(${sql.param(removed)}::int[]) AS id, -1 AS sign UNION ALL SELECT unnest(${sql.param(added)}::int[]), 1) a
    WHERE s.ancestor_id = ${moved}
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (ancestor_id, month, type, gender, categories) DO UPDATE SET n = member_flow_months.n + excluded.n`);
  await db.execute(sql`DELETE FROM member_flow_months WHERE ancestor_id = ANY(${sql.param(removed)}::int[]) AND n = 0`);
}
