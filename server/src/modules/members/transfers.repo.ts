import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { members, memberTransfers, orgs, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';

export type TransferRow = typeof memberTransfers.$inferSelect;
const fromOrg = alias(orgs, 'from_org');
const toOrg = alias(orgs, 'to_org');

export async function insert(db: DbOrTx, row: typeof memberTransfers.$inferInsert): Promise<TransferRow> {
  const [t] = await db.insert(memberTransfers).values(row).returning();
  if (!t) throw new Error('transfer insert returned nothing');
  return t;
}

/** Pending → decided only once: a second acceptance finds no pending row. */
export async function decide(db: DbOrTx, id: number, status: 'accepted' | 'rejected', userId: number): Promise<TransferRow | undefined> {
  const [t] = await db
    .update(memberTransfers)
    .set({ status, decidedBy: userId, decidedAt: new Date() })
    .where(and(eq(memberTransfers.id, id), eq(memberTransfers.status, 'pending')))
    .returning();
  return t;
}

const detail = {
  t: memberTransfers,
  memberName: members.name,
  fromOrgName: fromOrg.name,
  fromOrgPath: fromOrg.path,
  toOrgName: toOrg.name,
  toOrgPath: toOrg.path,
};

export async function findById(db: DbOrTx, id: number) {
  const [row] = await db
    .select(detail)
    .from(memberTransfers)
    .innerJoin(members, eq(members.id, memberTransfers.memberId))
    .innerJoin(fromOrg, eq(fromOrg.id, memberTransfers.fromOrgId))
    .innerJoin(toOrg, eq(toOrg.id, memberTransfers.toOrgId))
    .where(eq(memberTransfers.id, id));
  return row;
}

/** Transfers into (or out of) the actor's subtree. */
export async function list(db: DbOrTx, scopePath: string, direction: 'in' | 'out', status: string | undefined, page: number, pageSize: number) {
  const w = and(subtreeOf(direction === 'in' ? toOrg.path : fromOrg.path, scopePath), status ? eq(memberTransfers.status, status) : undefined);
  const base = () =>
    db
      .select(detail)
      .from(memberTransfers)
      .innerJoin(members, eq(members.id, memberTransfers.memberId))
      .innerJoin(fromOrg, eq(fromOrg.id, memberTransfers.fromOrgId))
      .innerJoin(toOrg, eq(toOrg.id, memberTransfers.toOrgId));
  const [items, [count]] = await Promise.all([
    base().where(w).orderBy(desc(memberTransfers.id)).limit(pageSize).offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(memberTransfers)
      .innerJoin(fromOrg, eq(fromOrg.id, memberTransfers.fromOrgId))
      .innerJoin(toOrg, eq(toOrg.id, memberTransfers.toOrgId))
      .where(w),
  ]);
  return { items, total: count?.n ?? 0 };
}
