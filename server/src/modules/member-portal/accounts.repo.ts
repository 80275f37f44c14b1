// SQL of member accounts and sessions. Member-side reads run as the system, bounded by the member's own id; the
// console's reads run in the cadre's scope (row-level security follows the member, migration 0048).
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { memberAccounts, members, memberSessions, orgs, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';

export type AccountRow = typeof memberAccounts.$inferSelect;

/** The member record as the portal shows it (never a clear ID number or phone). */
export interface MemberFacts {
  id: number;
  orgId: number;
  orgPath: string;
  orgName: string;
  name: string;
  idMasked: string;
  phoneMasked: string | null;
  phoneHash: string | null;
  gender: string;
  birthYear: number;
  joinedAt: string;
  status: string;
  statusSince: string | null;
  categories: string[];
  cardNo: string;
}

const facts = {
  id: members.id,
  orgId: members.orgId,
  orgPath: members.orgPath,
  orgName: orgs.name,
  name: members.name,
  idMasked: members.idMasked,
  phoneMasked: members.phoneMasked,
  phoneHash: members.phoneHash,
  gender: members.gender,
  birthYear: members.birthYear,
  joinedAt: members.joinedAt,
  status: members.status,
  statusSince: members.statusSince,
  categories: members.categories,
  cardNo: members.cardNo,
};

export async function memberFacts(db: DbOrTx, memberId: number): Promise<MemberFacts | undefined> {
  const [row] = await db.select(facts).from(members).innerJoin(orgs, eq(orgs.id, members.orgId)).where(eq(members.id, memberId));
  return row;
}

/** The member on the books (not 退会) whose ID number and phone are these blind indexes. */
export async function memberByIdAndPhone(db: DbOrTx, idHash: string, phoneHash: string): Promise<MemberFacts | undefined> {
  const [row] = await db
    .select(facts)
    .from(members)
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(members.idHash, idHash), eq(members.phoneHash, phoneHash), ne(members.status, 'left')));
  return row;
}

export async function accountOfMember(db: DbOrTx, memberId: number): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(memberAccounts).where(eq(memberAccounts.memberId, memberId));
  return row;
}

export async function activeAccountByPhone(db: DbOrTx, phoneHash: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(memberAccounts)
    .where(and(eq(memberAccounts.phoneHash, phoneHash), sql`${memberAccounts.activatedAt} IS NOT NULL`));
  return row;
}

export async function saveActivation(db: DbOrTx, memberId: number, set: Partial<typeof memberAccounts.$inferInsert>): Promise<AccountRow> {
  const values = { memberId, phoneHash: set.phoneHash ?? '', ...set };
  const [row] = await db
    .insert(memberAccounts)
    .values(values)
    .onConflictDoUpdate({ target: memberAccounts.memberId, set: { ...set, updatedAt: new Date() } })
    .returning();
  if (!row) throw new Error('member account upsert returned nothing');
  return row;
}

export async function updateAccount(db: DbOrTx, id: number, set: Partial<typeof memberAccounts.$inferInsert>): Promise<void> {
  await db
    .update(memberAccounts)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(memberAccounts.id, id));
}

/** Counts one wrong credential; at `lockAt` the account is locked until `lockUntil` and the count starts over. */
export async function countFailure(db: DbOrTx, id: number, lockAt: number, lockUntil: Date): Promise<{ locked: boolean }> {
  const [row] = await db
    .update(memberAccounts)
    .set({
      failedCount: sql`CASE WHEN ${memberAccounts.failedCount} + 1 >= ${lockAt} THEN 0 ELSE ${memberAccounts.failedCount} + 1 END`,
      lockedUntil: sql`CASE WHEN ${memberAccounts.failedCount} + 1 >= ${lockAt} THEN ${lockUntil.toISOString()}::timestamptz ELSE ${memberAccounts.lockedUntil} END`,
    })
    .where(eq(memberAccounts.id, id))
    .returning({ lockedUntil: memberAccounts.lockedUntil });
  return { locked: Boolean(row?.lockedUntil && row.lockedUntil.getTime() === lockUntil.getTime()) };
}

// ---- sessions

export interface MemberSessionRow {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  accountId: number;
  memberId: number;
  orgId: number;
  orgPath: string;
  disabled: boolean;
  activated: boolean;
}

export async function findSession(db: DbOrTx, id: string): Promise<MemberSessionRow | undefined> {
  const [row] = await db
    .select({
      sessionId: memberSessions.id,
      csrfToken: memberSessions.csrfToken,
      lastSeenAt: memberSessions.lastSeenAt,
      expiresAt: memberSessions.expiresAt,
      accountId: memberAccounts.id,
      memberId: members.id,
      orgId: members.orgId,
      orgPath: members.orgPath,
      disabled: memberAccounts.disabled,
      activated: sql<boolean>`${memberAccounts.activatedAt} IS NOT NULL`,
    })
    .from(memberSessions)
    .innerJoin(memberAccounts, eq(memberAccounts.id, memberSessions.accountId))
    .innerJoin(members, eq(members.id, memberAccounts.memberId))
    .where(eq(memberSessions.id, id));
  return row;
}

export async function insertSession(db: DbOrTx, row: typeof memberSessions.$inferInsert): Promise<void> {
  await db.insert(memberSessions).values(row);
}

export async function touchSession(db: DbOrTx, id: string): Promise<void> {
  await db.update(memberSessions).set({ lastSeenAt: new Date() }).where(eq(memberSessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(memberSessions).where(eq(memberSessions.id, id));
}

export async function deleteAccountSessions(db: DbOrTx, accountId: number, exceptId?: string): Promise<void> {
  await db
    .delete(memberSessions)
    .where(
      exceptId ? and(eq(memberSessions.accountId, accountId), ne(memberSessions.id, exceptId)) : eq(memberSessions.accountId, accountId),
    );
}

export async function sessionsOf(db: DbOrTx, accountId: number) {
  return db
    .select({
      id: memberSessions.id,
      createdAt: memberSessions.createdAt,
      lastSeenAt: memberSessions.lastSeenAt,
      expiresAt: memberSessions.expiresAt,
      ip: memberSessions.ip,
    })
    .from(memberSessions)
    .where(eq(memberSessions.accountId, accountId))
    .orderBy(desc(memberSessions.lastSeenAt));
}

export async function deleteExpiredSessions(db: DbOrTx, idleBefore: Date): Promise<void> {
  await db
    .delete(memberSessions)
    .where(sql`${memberSessions.lastSeenAt} < ${idleBefore.toISOString()}::timestamptz OR ${memberSessions.expiresAt} < now()`);
}

// ---- console

export async function listInScope(db: DbOrTx, scopePath: string, opts: { page: number; pageSize: number; orgId?: number }) {
  const where = and(subtreeOf(members.orgPath, scopePath), opts.orgId ? eq(members.orgId, opts.orgId) : undefined);
  const rows = await db
    .select({
      memberId: members.id,
      name: members.name,
      orgId: members.orgId,
      orgName: orgs.name,
      activatedAt: memberAccounts.activatedAt,
      lastLoginAt: memberAccounts.lastLoginAt,
      lockedUntil: memberAccounts.lockedUntil,
    })
    .from(memberAccounts)
    .innerJoin(members, eq(members.id, memberAccounts.memberId))
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(where)
    .orderBy(desc(memberAccounts.id))
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberAccounts)
    .innerJoin(members, eq(members.id, memberAccounts.memberId))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}
