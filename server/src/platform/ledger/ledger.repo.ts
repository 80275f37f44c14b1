// SQL of the ledger (资金台账). Insert and read only: the table is append-only (migration ledger_append_only_rls).
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { subtreeOf } from '../authz/index.ts';
import { ledgerEntries, members, orgs, type DbOrTx } from '../db/index.ts';

export type LedgerRow = typeof ledgerEntries.$inferSelect;
export type LedgerInsert = typeof ledgerEntries.$inferInsert;

export async function orgInScope(db: DbOrTx, orgId: number, scopePath: string) {
  const [o] = await db
    .select({ id: orgs.id, path: orgs.path, name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), subtreeOf(orgs.path, scopePath)));
  return o;
}

export async function memberInScope(db: DbOrTx, memberId: number, scopePath: string): Promise<boolean> {
  const [m] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, memberId), subtreeOf(members.orgPath, scopePath)));
  return m !== undefined;
}

/** Inserts unless the idempotency key (or, for a reversal, the reversed entry) is taken; undefined then. */
export async function insertIfNew(db: DbOrTx, row: LedgerInsert): Promise<LedgerRow | undefined> {
  const [created] = await db.insert(ledgerEntries).values(row).onConflictDoNothing().returning();
  return created;
}

export async function byKey(db: DbOrTx, key: string): Promise<LedgerRow | undefined> {
  const [r] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.idempotencyKey, key));
  return r;
}

/** An entry whose org is in the scope (the org's current path), with the reversal that cancelled it, if any. */
export async function byIdInScope(db: DbOrTx, id: number, scopePath: string) {
  const [r] = await db
    .select({ entry: ledgerEntries, orgPath: orgs.path })
    .from(ledgerEntries)
    .innerJoin(orgs, eq(orgs.id, ledgerEntries.orgId))
    .where(and(eq(ledgerEntries.id, id), subtreeOf(orgs.path, scopePath)));
  return r;
}

export async function reversalOf(db: DbOrTx, id: number): Promise<LedgerRow | undefined> {
  const [r] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.reversesEntryId, id));
  return r;
}

export interface LedgerFilter {
  /** The subtree: the path of the org asked for (already checked to be in the reader's scope). */
  path: string;
  fundSource?: string;
  /** Instants: [fromAt, toBefore). */
  fromAt?: Date;
  toBefore?: Date;
}

function where(f: LedgerFilter): SQL | undefined {
  return and(
    subtreeOf(orgs.path, f.path),
    f.fundSource ? eq(ledgerEntries.fundSource, f.fundSource) : undefined,
    f.fromAt ? sql`${ledgerEntries.createdAt} >= ${f.fromAt.toISOString()}` : undefined,
    f.toBefore ? sql`${ledgerEntries.createdAt} < ${f.toBefore.toISOString()}` : undefined,
  );
}

const reversal = alias(ledgerEntries, 'reversal');

export async function list(db: DbOrTx, f: LedgerFilter, page: number, pageSize: number) {
  const [items, [total]] = await Promise.all([
    db
      .select({ entry: ledgerEntries, orgName: orgs.name, reversedBy: reversal.id })
      .from(ledgerEntries)
      .innerJoin(orgs, eq(orgs.id, ledgerEntries.orgId))
      .leftJoin(reversal, eq(reversal.reversesEntryId, ledgerEntries.id))
      .where(where(f))
      .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(ledgerEntries).innerJoin(orgs, eq(orgs.id, ledgerEntries.orgId)).where(where(f)),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Net 分 (reversals included) and the number of disbursements (reversals not counted), by fund source. */
export async function totalsByFundSource(db: DbOrTx, f: LedgerFilter) {
  const rows = await db
    .select({
      fundSource: ledgerEntries.fundSource,
      amountFen: sql<string>`coalesce(sum(${ledgerEntries.amountFen}), 0)::bigint`,
      entries: sql<string>`count(*) FILTER (WHERE ${ledgerEntries.reversesEntryId} IS NULL)`,
    })
    .from(ledgerEntries)
    .innerJoin(orgs, eq(orgs.id, ledgerEntries.orgId))
    .where(where(f))
    .groupBy(ledgerEntries.fundSource);
  return rows.map((r) => ({ fundSource: r.fundSource, amountFen: Number(r.amountFen), entries: Number(r.entries) }));
}
