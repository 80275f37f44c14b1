// SQL of assistance entries: insert, the effects' status writes, reads within the reader's subtree (joined with the
// entry's case for its number and version), the once-per-campaign lookup and the route scope.
import { and, count, desc, eq, gte, inArray, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import { assistanceEntries, campaigns, cases, orgs, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf, subtreePathRewriter } from '../../platform/authz/index.ts';

export type EntryRow = typeof assistanceEntries.$inferSelect;
export type EntryInsert = typeof assistanceEntries.$inferInsert;

export interface EntryView {
  e: EntryRow;
  number: string;
  version: number;
  orgName: string;
  campaign: { id: number; name: string; kind: string } | null;
}

export async function insert(db: DbOrTx, row: EntryInsert): Promise<void> {
  await db.insert(assistanceEntries).values(row);
}

export async function update(
  db: DbOrTx,
  id: number,
  set: Partial<Pick<EntryRow, 'status' | 'paidAt' | 'ledgerEntryId' | 'reversedAt'>>,
): Promise<EntryRow | undefined> {
  const [r] = await db.update(assistanceEntries).set(set).where(eq(assistanceEntries.id, id)).returning();
  return r;
}

export async function findById(db: DbOrTx, id: number): Promise<EntryRow | undefined> {
  const [r] = await db.select().from(assistanceEntries).where(eq(assistanceEntries.id, id));
  return r;
}

/** The person's standing entry in a campaign (neither cancelled nor reversed), read as the system by the caller:
 *  the 409 names its number whichever union submitted it. */
export async function standingInCampaign(
  db: DbOrTx,
  campaignId: number,
  idHash: string,
): Promise<{ id: number; number: string } | undefined> {
  const [r] = await db
    .select({ id: assistanceEntries.id, number: cases.number })
    .from(assistanceEntries)
    .innerJoin(cases, eq(cases.id, assistanceEntries.id))
    .where(
      and(
        eq(assistanceEntries.campaignId, campaignId),
        eq(assistanceEntries.idHash, idHash),
        notInArray(assistanceEntries.status, ['cancelled', 'reversed']),
      ),
    );
  return r;
}

const view = {
  e: assistanceEntries,
  number: cases.number,
  version: cases.version,
  orgName: orgs.name,
  campaignId: campaigns.id,
  campaignName: campaigns.name,
  campaignKind: campaigns.kind,
};
type ViewRow = {
  e: EntryRow;
  number: string;
  version: number;
  orgName: string;
  campaignId: number | null;
  campaignName: string | null;
  campaignKind: string | null;
};
const toView = (r: ViewRow): EntryView => ({
  e: r.e,
  number: r.number,
  version: r.version,
  orgName: r.orgName,
  campaign: r.campaignId === null ? null : { id: r.campaignId, name: r.campaignName ?? '', kind: r.campaignKind ?? '' },
});

function base(db: DbOrTx) {
  return db
    .select(view)
    .from(assistanceEntries)
    .innerJoin(cases, eq(cases.id, assistanceEntries.id))
    .innerJoin(orgs, eq(orgs.id, assistanceEntries.orgId))
    .leftJoin(campaigns, eq(campaigns.id, assistanceEntries.campaignId));
}

export async function findInScope(db: DbOrTx, scopePath: string, id: number): Promise<EntryView | undefined> {
  const [r] = await base(db).where(and(eq(assistanceEntries.id, id), subtreeOf(assistanceEntries.orgPath, scopePath)));
  return r ? toView(r) : undefined;
}

export interface EntryFilter {
  path: string;
  kind?: string | undefined;
  fundSource?: string | undefined;
  campaignId?: number | undefined;
  hardshipFileId?: number | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  paidFrom?: string | undefined;
  paidTo?: string | undefined;
}

function where(f: EntryFilter): SQL | undefined {
  return and(
    subtreeOf(assistanceEntries.orgPath, f.path),
    f.kind ? eq(assistanceEntries.kind, f.kind) : undefined,
    f.fundSource ? eq(assistanceEntries.fundSource, f.fundSource) : undefined,
    f.campaignId ? eq(assistanceEntries.campaignId, f.campaignId) : undefined,
    f.hardshipFileId ? eq(assistanceEntries.hardshipFileId, f.hardshipFileId) : undefined,
    f.status ? eq(assistanceEntries.status, f.status) : undefined,
    f.from ? gte(assistanceEntries.date, f.from) : undefined,
    f.to ? lte(assistanceEntries.date, f.to) : undefined,
    f.paidFrom ? gte(assistanceEntries.paidAt, f.paidFrom) : undefined,
    f.paidTo ? lte(assistanceEntries.paidAt, f.paidTo) : undefined,
  );
}

/** The rows of these entries with their case, org and campaign, newest day first. */
async function viewsOf(db: DbOrTx, ids: { id: number }[]): Promise<EntryView[]> {
  if (ids.length === 0) return [];
  const rows = await base(db)
    .where(
      inArray(
        assistanceEntries.id,
        ids.map((r) => r.id),
      ),
    )
    .orderBy(desc(assistanceEntries.date), desc(assistanceEntries.id));
  return rows.map(toView);
}

export async function list(db: DbOrTx, f: EntryFilter, page: number, pageSize: number): Promise<{ items: EntryView[]; total: number }> {
  const w = where(f);
  // The page's ids first, from the entries alone (every filter is on their own columns: the subtree is a range of
  // assistance_entries_org_path_idx), then the case, org and campaign of those rows only: joined before the sort,
  // the planner joined every entry of a district to its case (158,430 rows, 1.3 s).
  const [ids, [total]] = await Promise.all([
    db
      .select({ id: assistanceEntries.id })
      .from(assistanceEntries)
      .where(w)
      .orderBy(desc(assistanceEntries.date), desc(assistanceEntries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(assistanceEntries).where(w),
  ]);
  return { items: await viewsOf(db, ids), total: total?.n ?? 0 };
}

/** Entries matching the filter, counted up to `cap + 1` (enough to refuse an export over the cap). */
export async function countCapped(db: DbOrTx, f: EntryFilter, cap: number): Promise<number> {
  const rows = await db
    .select({ id: assistanceEntries.id })
    .from(assistanceEntries)
    .where(where(f))
    .limit(cap + 1);
  return rows.length;
}

/** One batch of the export in the list's order (newest day first), after the (date, id) of the previous batch's last row. */
export async function listForExport(db: DbOrTx, f: EntryFilter, limit: number, after?: { date: string; id: number }): Promise<EntryView[]> {
  // Ids first, then their rows (as in list).
  const ids = await db
    .select({ id: assistanceEntries.id })
    .from(assistanceEntries)
    .where(
      and(where(f), after ? sql`(${assistanceEntries.date}, ${assistanceEntries.id}) < (${after.date}::date, ${after.id})` : undefined),
    )
    .orderBy(desc(assistanceEntries.date), desc(assistanceEntries.id))
    .limit(limit);
  return viewsOf(db, ids);
}

/** Standing entries of a campaign among these ID hashes (read as the system: the earlier entry's number is named
 *  whichever union submitted it), by hash. */
export async function standingByHashes(db: DbOrTx, campaignId: number, idHashes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < idHashes.length; i += 5000) {
    const rows = await db
      .select({ idHash: assistanceEntries.idHash, number: cases.number })
      .from(assistanceEntries)
      .innerJoin(cases, eq(cases.id, assistanceEntries.id))
      .where(
        and(
          eq(assistanceEntries.campaignId, campaignId),
          inArray(assistanceEntries.idHash, idHashes.slice(i, i + 5000)),
          notInArray(assistanceEntries.status, ['cancelled', 'reversed']),
        ),
      );
    for (const r of rows) out.set(r.idHash, r.number);
  }
  return out;
}

/** Keeps entries' paths in step when an org subtree moves (an onSubtreeMoved listener, same transaction). */
export const rewriteEntryPaths = subtreePathRewriter(assistanceEntries.orgPath);
