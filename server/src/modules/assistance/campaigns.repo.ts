// SQL of campaigns: insert, reads within the reader's reach (its subtree and the campaigns of its ancestors), live
// totals from the campaign's entries, and org moves.
import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { campaigns, currentScope, orgs, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf, subtreePathRewriter } from '../../platform/authz/index.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignInsert = typeof campaigns.$inferInsert;

/** Seen from the campaign org's subtree, and from below it: the reader's path starts with the campaign org's. */
const reachableFrom = (scopePath: string): SQL =>
  or(subtreeOf(campaigns.orgPath, scopePath), sql`starts_with(${scopePath}, ${campaigns.orgPath})`) as SQL;

export async function insert(db: DbOrTx, row: CampaignInsert): Promise<CampaignRow> {
  const [c] = await db.insert(campaigns).values(row).returning();
  if (!c) throw new Error('campaign insert returned nothing');
  return c;
}

export async function findReachable(db: DbOrTx, scopePath: string, id: number): Promise<CampaignRow | undefined> {
  const [c] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), reachableFrom(scopePath)));
  return c;
}

/** A campaign by id, for a job that acts for a cadre whose reach was checked when the job was queued. */
export async function findById(db: DbOrTx, id: number): Promise<CampaignRow | undefined> {
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  return c;
}

/** Campaigns the reader reaches; the opening orgs' names are read apart (an ancestor org is not the reader's to read). */
export async function list(db: DbOrTx, scopePath: string, f: { kind?: string | undefined }, page: number, pageSize: number) {
  const where = and(reachableFrom(scopePath), f.kind ? eq(campaigns.kind, f.kind) : undefined);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(campaigns)
      .where(where)
      .orderBy(desc(campaigns.startsOn), desc(campaigns.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(campaigns).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** The route scope of a campaign (`campaign`): its opening org's path; a campaign opened above the caller's org
 *  reaches into the caller's subtree (they submit to it), so it answers with the caller's own path. */
export async function scopePaths(db: DbOrTx, id: number): Promise<string[] | null> {
  const [row] = await db.select({ path: campaigns.orgPath }).from(campaigns).where(eq(campaigns.id, id));
  if (!row) return null;
  const scope = currentScope();
  return scope && scope !== '*' && scope.startsWith(row.path) ? [scope] : [row.path];
}

export type FundTotal = {
  fundSource: string;
  paid: number;
};

/** Paid cash per fund source over the whole campaign (read as the system: budget used is the campaign's). */
export async function paidByFund(db: DbOrTx, campaignId: number): Promise<FundTotal[]> {
  const res = await db.execute<FundTotal>(sql`SELECT fund_source AS "fundSource", coalesce(sum(amount_fen), 0)::bigint AS paid
    FROM assistance_entries WHERE campaign_id = ${campaignId} AND status = 'paid' GROUP BY 1`);
  return res.rows.map((r) => ({ fundSource: r.fundSource, paid: Number(r.paid) }));
}

export type StatusCounts = {
  grp: string;
  status: string;
  n: number;
  amount: number;
  goods: number;
};

/** Entries of the campaign by group (the direct child of the campaign's org they lie under, '' for the org itself)
 *  and status, under `scopePath` only (the path filter: the service reads it as the system, decision 0009). */
export async function countsByChild(db: DbOrTx, campaign: { id: number; orgPath: string }, scopePath: string): Promise<StatusCounts[]> {
  const depth = campaign.orgPath.split('.').filter(Boolean).length - 1;
  // One range of assistance_entries_campaign_path_idx, read from the index alone: no orgs joined.
  const res = await db.execute<StatusCounts>(sql`
    SELECT split_part(e.org_path, '.', ${depth + 2}) AS grp, e.status, count(*)::int AS n,
      coalesce(sum(e.amount_fen), 0)::bigint AS amount, coalesce(sum(e.goods_fen), 0)::bigint AS goods
    FROM assistance_entries e
    WHERE e.campaign_id = ${campaign.id} AND ${subtreeOf(sql.raw('e.org_path'), scopePath)}
    GROUP BY 1, 2`);
  return res.rows.map((r) => ({ ...r, amount: Number(r.amount), goods: Number(r.goods) }));
}

/** The direct children of an org that the reader's subtree overlaps: all of them for a reader at or above the
 *  org, else the one the reader lies under (its figures then count the reader's subtree only). */
export async function childrenOf(db: DbOrTx, orgId: number, scopePath: string): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.parentId, orgId), or(subtreeOf(orgs.path, scopePath), sql`starts_with(${scopePath}, ${orgs.path})`)))
    .orderBy(orgs.id);
}

/** Keeps campaign paths in step when an org subtree moves (an onSubtreeMoved listener, same transaction). */
export const rewriteCampaignPaths = subtreePathRewriter(campaigns.orgPath);
