// SQL of 医疗互助 claims: insert, the effects' writes, reads within the reader's subtree (joined with the claim's case
// for its number and version, and the member for the name), the member's use of the yearly cap and the export.
import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { cases, members, mutualAidClaims, mutualAidPlans, orgs, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';

export type ClaimRow = typeof mutualAidClaims.$inferSelect;
export type ClaimInsert = typeof mutualAidClaims.$inferInsert;

export interface ClaimView {
  c: ClaimRow;
  number: string;
  version: number;
  orgName: string;
  memberName: string;
  idMasked: string;
  year: number;
}

export async function insert(db: DbOrTx, row: ClaimInsert): Promise<void> {
  await db.insert(mutualAidClaims).values(row);
}

export async function update(
  db: DbOrTx,
  id: number,
  set: Partial<Pick<ClaimRow, 'status' | 'payoutFen' | 'payoutReason' | 'paidAt' | 'ledgerEntryId'>>,
): Promise<void> {
  await db.update(mutualAidClaims).set(set).where(eq(mutualAidClaims.id, id));
}

export async function findById(db: DbOrTx, id: number): Promise<ClaimRow | undefined> {
  const [r] = await db.select().from(mutualAidClaims).where(eq(mutualAidClaims.id, id));
  return r;
}

/** Payouts fixed (reviewed or paid) for the member in the plan's class, other than `exceptId`; with `lock` the
 *  member's claims are locked, so two reviews of the same member run one after the other. */
export async function usedOfYear(
  db: DbOrTx,
  k: { planId: number; memberId: number; classCode: string },
  exceptId: number | null,
  lock = false,
): Promise<number> {
  const where = sql`plan_id = ${k.planId} AND member_id = ${k.memberId} AND class_code = ${k.classCode}`;
  if (lock) await db.execute(sql`SELECT id FROM mutual_aid_claims WHERE ${where} ORDER BY id FOR UPDATE`);
  const res = await db.execute<{ used: string | number }>(sql`
    SELECT coalesce(sum(payout_fen), 0)::bigint AS used FROM mutual_aid_claims
    WHERE ${where} AND status IN ('reviewed', 'paid') AND id <> ${exceptId ?? 0}`);
  return Number(res.rows[0]?.used ?? 0);
}

const view = {
  c: mutualAidClaims,
  number: cases.number,
  version: cases.version,
  orgName: orgs.name,
  memberName: members.name,
  idMasked: members.idMasked,
  year: mutualAidPlans.year,
};

function base(db: DbOrTx) {
  return db
    .select(view)
    .from(mutualAidClaims)
    .innerJoin(cases, eq(cases.id, mutualAidClaims.id))
    .innerJoin(orgs, eq(orgs.id, mutualAidClaims.orgId))
    .innerJoin(members, eq(members.id, mutualAidClaims.memberId))
    .innerJoin(mutualAidPlans, eq(mutualAidPlans.id, mutualAidClaims.planId));
}

/** The claim as the system reads it (the caller has been shown the case by the kernel: either side). */
export async function findView(db: DbOrTx, id: number): Promise<ClaimView | undefined> {
  const [r] = await base(db).where(eq(mutualAidClaims.id, id));
  return r;
}

export interface ClaimFilter {
  path: string;
  planId?: number | undefined;
  classCode?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  paidFrom?: string | undefined;
  paidTo?: string | undefined;
}

function where(f: ClaimFilter): SQL | undefined {
  return and(
    subtreeOf(orgs.path, f.path),
    f.planId ? eq(mutualAidClaims.planId, f.planId) : undefined,
    f.classCode ? eq(mutualAidClaims.classCode, f.classCode) : undefined,
    f.kind ? eq(mutualAidClaims.kind, f.kind) : undefined,
    f.status ? eq(mutualAidClaims.status, f.status) : undefined,
    f.paidFrom ? gte(mutualAidClaims.paidAt, f.paidFrom) : undefined,
    f.paidTo ? lte(mutualAidClaims.paidAt, f.paidTo) : undefined,
  );
}

export async function list(db: DbOrTx, f: ClaimFilter, page: number, pageSize: number): Promise<{ items: ClaimView[]; total: number }> {
  const w = where(f);
  const [items, [total]] = await Promise.all([
    base(db)
      .where(w)
      .orderBy(desc(mutualAidClaims.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(mutualAidClaims).innerJoin(orgs, eq(orgs.id, mutualAidClaims.orgId)).where(w),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** One batch of the export (newest first), after the id of the previous batch's last row. */
export async function listForExport(db: DbOrTx, f: ClaimFilter, limit: number, afterId?: number): Promise<ClaimView[]> {
  return base(db)
    .where(and(where(f), afterId ? sql`${mutualAidClaims.id} < ${afterId}` : undefined))
    .orderBy(desc(mutualAidClaims.id))
    .limit(limit);
}

export async function countCapped(db: DbOrTx, f: ClaimFilter, cap: number): Promise<number> {
  const rows = await db
    .select({ id: mutualAidClaims.id })
    .from(mutualAidClaims)
    .innerJoin(orgs, eq(orgs.id, mutualAidClaims.orgId))
    .where(where(f))
    .limit(cap + 1);
  return rows.length;
}
