// SQL for the second factor: enrolments, one-time recovery codes, pending logins. Each single-use step is one
// conditional statement, so two parallel requests can never both spend the same code or pending login.
import { asSystem } from '../../platform/db/index.ts';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { mfaPendingLogins, mfaRecoveryCodes, userMfa, type DbOrTx } from '../../platform/db/index.ts';
import { effectiveMfaPolicySql, mfaEnrolledSql } from '../../platform/authz/index.ts';

export type UserMfaRow = typeof userMfa.$inferSelect;

export async function findEnrolment(db: DbOrTx, userId: number): Promise<UserMfaRow | undefined> {
  const [row] = await db.select().from(userMfa).where(eq(userMfa.userId, userId));
  return row;
}

/** Starts (or restarts) a pending enrolment; a confirmed one is never overwritten. */
export async function upsertPending(db: DbOrTx, userId: number, secretCipher: string): Promise<boolean> {
  const rows = await db
    .insert(userMfa)
    .values({ userId, secretCipher })
    .onConflictDoUpdate({
      target: userMfa.userId,
      set: { secretCipher, lastStep: null, failedAttempts: 0, lockedUntil: null, createdAt: new Date(), updatedAt: new Date() },
      setWhere: isNull(userMfa.confirmedAt),
    })
    .returning({ userId: userMfa.userId });
  return rows.length > 0;
}

/** Records an accepted time step only if it is later than the last one (replay guard), resetting the failures. */
export async function acceptStep(db: DbOrTx, userId: number, step: number, confirm: boolean): Promise<boolean> {
  const rows = await db
    .update(userMfa)
    .set({ lastStep: step, failedAttempts: 0, lockedUntil: null, updatedAt: new Date(), ...(confirm ? { confirmedAt: new Date() } : {}) })
    .where(and(eq(userMfa.userId, userId), or(isNull(userMfa.lastStep), lt(userMfa.lastStep, step))))
    .returning({ userId: userMfa.userId });
  return rows.length > 0;
}

/** Counts a wrong code; returns the consecutive failures so far. */
export async function countFailure(db: DbOrTx, userId: number): Promise<number> {
  const [row] = await db
    .update(userMfa)
    .set({ failedAttempts: sql`${userMfa.failedAttempts} + 1` })
    .where(eq(userMfa.userId, userId))
    .returning({ n: userMfa.failedAttempts });
  return row?.n ?? 0;
}

export async function lockUntil(db: DbOrTx, userId: number, until: Date): Promise<void> {
  await db.update(userMfa).set({ lockedUntil: until, failedAttempts: 0 }).where(eq(userMfa.userId, userId));
}

export async function replaceRecoveryCodes(db: DbOrTx, userId: number, hashes: string[]): Promise<void> {
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await db.insert(mfaRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}

export async function useRecoveryCode(db: DbOrTx, userId: number, codeHash: string): Promise<boolean> {
  const rows = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, codeHash), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: DbOrTx, userId: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return r?.n ?? 0;
}

/** Removes every trace of a user's second factor (disable or reset) and their pending logins. */
export async function removeAll(db: DbOrTx, userId: number): Promise<boolean> {
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await db.delete(mfaPendingLogins).where(eq(mfaPendingLogins.userId, userId));
  const rows = await db.delete(userMfa).where(eq(userMfa.userId, userId)).returning({ userId: userMfa.userId });
  return rows.length > 0;
}

export async function insertPendingLogin(
  db: DbOrTx,
  row: { id: string; userId: number; expiresAt: Date; ip: string | null },
): Promise<void> {
  await db.delete(mfaPendingLogins).where(lt(mfaPendingLogins.expiresAt, new Date()));
  await db.insert(mfaPendingLogins).values(row);
}

/**
 * Spends one attempt of a live pending login before its code is checked, so a burst of parallel guesses gets no
 * more than `max` tries in all. Returns the user and the attempt number, or nothing when void or expired.
 */
export async function spendAttempt(db: DbOrTx, id: string, max: number): Promise<{ userId: number; attempts: number } | undefined> {
  const [row] = await db
    .update(mfaPendingLogins)
    .set({ attempts: sql`${mfaPendingLogins.attempts} + 1` })
    .where(and(eq(mfaPendingLogins.id, id), lt(mfaPendingLogins.attempts, max), gt(mfaPendingLogins.expiresAt, new Date())))
    .returning({ userId: mfaPendingLogins.userId, attempts: mfaPendingLogins.attempts });
  return row;
}

/** Ends a pending login; true only for the one caller that actually removed it. */
export async function deletePendingLogin(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.delete(mfaPendingLogins).where(eq(mfaPendingLogins.id, id)).returning({ id: mfaPendingLogins.id });
  return rows.length > 0;
}

/** The policy in force at the user's org, whether they enrolled, and their permissions. */
export async function requirementOf(
  db: DbOrTx,
  userId: number,
): Promise<{ policy: string; enrolled: boolean; permissions: string[] } | undefined> {
  // The policy is inherited from ancestors above the caller's scope: read as the system (callers check scope).
  const res = await asSystem(() =>
    db.execute<{ policy: string; enrolled: boolean; permissions: string[] }>(sql`
    SELECT ${effectiveMfaPolicySql(sql`o.path`)} AS policy, ${mfaEnrolledSql(sql`u.id`)} AS enrolled,
           COALESCE((SELECT array_agg(DISTINCT p) FROM roles r, unnest(r.permissions) p WHERE r.key = ANY(u.roles)),
                    '{}') AS permissions
    FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id = ${userId}`),
  );
  return res.rows[0];
}

export async function effectivePolicyAt(db: DbOrTx, orgPath: string): Promise<string> {
  const res = await asSystem(() => db.execute<{ policy: string }>(sql`SELECT ${effectiveMfaPolicySql(sql`${orgPath}`)} AS policy`));
  return res.rows[0]?.policy ?? 'sensitive';
}

export async function usernameOf(db: DbOrTx, userId: number): Promise<string | undefined> {
  const res = await asSystem(() => db.execute<{ username: string }>(sql`SELECT username FROM users WHERE id = ${userId}`));
  return res.rows[0]?.username;
}

export async function resetFailures(db: DbOrTx, userId: number): Promise<void> {
  await db.update(userMfa).set({ failedAttempts: 0, lockedUntil: null, updatedAt: new Date() }).where(eq(userMfa.userId, userId));
}
