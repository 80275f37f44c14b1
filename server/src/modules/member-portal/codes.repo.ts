// SQL of SMS code requests (member_codes): only keyed hashes of codes are stored.
import { and, desc, eq, gt, isNotNull, lt, sql } from 'drizzle-orm';
import { memberCodes, type DbOrTx } from '../../platform/db/index.ts';

export type CodeRow = typeof memberCodes.$inferSelect;

export async function lastRequestAt(db: DbOrTx, phoneHash: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: memberCodes.createdAt })
    .from(memberCodes)
    .where(eq(memberCodes.phoneHash, phoneHash))
    .orderBy(desc(memberCodes.createdAt))
    .limit(1);
  return row?.at;
}

export async function countSince(db: DbOrTx, by: { phoneHash: string } | { ip: string }, since: Date): Promise<number> {
  const key = 'phoneHash' in by ? eq(memberCodes.phoneHash, by.phoneHash) : eq(memberCodes.ip, by.ip);
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberCodes)
    .where(and(key, gt(memberCodes.createdAt, since)));
  return row?.n ?? 0;
}

export async function insertCode(db: DbOrTx, row: typeof memberCodes.$inferInsert): Promise<void> {
  await db.insert(memberCodes).values(row);
}

/** The latest code sent to this phone that is still alive (unused, unexpired); locked for the check. */
export async function liveCode(db: DbOrTx, phoneHash: string, now: Date): Promise<CodeRow | undefined> {
  const [row] = await db
    .select()
    .from(memberCodes)
    .where(
      and(
        eq(memberCodes.phoneHash, phoneHash),
        isNotNull(memberCodes.codeHash),
        gt(memberCodes.expiresAt, now),
        sql`${memberCodes.usedAt} IS NULL`,
      ),
    )
    .orderBy(desc(memberCodes.createdAt))
    .limit(1)
    .for('update');
  return row;
}

export async function markUsed(db: DbOrTx, id: number): Promise<void> {
  await db.update(memberCodes).set({ usedAt: new Date() }).where(eq(memberCodes.id, id));
}

export async function countWrongTry(db: DbOrTx, id: number): Promise<void> {
  await db
    .update(memberCodes)
    .set({ attempts: sql`${memberCodes.attempts} + 1` })
    .where(eq(memberCodes.id, id));
}

/** Housekeeping: requests older than the hourly window are no longer needed for the limits. */
export async function prune(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(memberCodes).where(lt(memberCodes.createdAt, before));
}
