import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { ACCOUNT_THROTTLE_PREFIX, loginThrottle, orgs, users, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';

export type UserRow = typeof users.$inferSelect;
export type UserInsert = typeof users.$inferInsert;
/** `lockedAt`: the login throttle's hard lock on this account name, if any. */
export type UserWithOrg = UserRow & { orgName: string; orgPath: string; lockedAt: Date | null };

const withOrg = { orgName: orgs.name, orgPath: orgs.path, lockedAt: loginThrottle.lockedAt };
const throttleOfUser = eq(loginThrottle.key, sql`${ACCOUNT_THROTTLE_PREFIX} || lower(${users.username})`);

export async function findByUsername(db: DbOrTx, username: string): Promise<UserWithOrg | undefined> {
  const [row] = await db
    .select({ user: users, ...withOrg })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .leftJoin(loginThrottle, throttleOfUser)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return row && { ...row.user, orgName: row.orgName, orgPath: row.orgPath, lockedAt: row.lockedAt };
}

export async function findInScope(db: DbOrTx, scopePath: string, id: number): Promise<UserWithOrg | undefined> {
  const [row] = await db
    .select({ user: users, ...withOrg })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .leftJoin(loginThrottle, throttleOfUser)
    .where(and(eq(users.id, id), subtreeOf(orgs.path, scopePath)));
  return row && { ...row.user, orgName: row.orgName, orgPath: row.orgPath, lockedAt: row.lockedAt };
}

export async function list(db: DbOrTx, scopePath: string, q: string | undefined, page: number, pageSize: number) {
  const conds: (SQL | undefined)[] = [subtreeOf(orgs.path, scopePath)];
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
  }
  const w = and(...conds);
  const [rows, [count]] = await Promise.all([
    db
      .select({ user: users, ...withOrg })
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .leftJoin(loginThrottle, throttleOfUser)
      .where(w)
      .orderBy(asc(orgs.depth), asc(users.username))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .innerJoin(orgs, eq(orgs.id, users.orgId))
      .where(w),
  ]);
  return { items: rows.map((r) => ({ ...r.user, orgName: r.orgName, orgPath: r.orgPath, lockedAt: r.lockedAt })), total: count?.n ?? 0 };
}

export async function insert(db: DbOrTx, row: UserInsert): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  if (!created) throw new Error('user insert returned nothing');
  return created;
}

export async function update(db: DbOrTx, id: number, patch: Partial<UserInsert>): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw new Error(`user ${id} vanished`);
  return row;
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return r?.n ?? 0;
}

type DormantRow = { id: number; username: string; orgId: number; orgPath: string };

/** Disables every enabled account unused since `days` ago (never logged in: since creation). */
export async function disableDormant(db: DbOrTx, days: number): Promise<DormantRow[]> {
  const res = await db.execute<DormantRow>(sql`
    UPDATE users u SET disabled = true, updated_at = now()
    FROM orgs o
    WHERE o.id = u.org_id AND NOT u.disabled
      AND coalesce(u.last_login_at, u.created_at) < now() - make_interval(days => ${days})
    RETURNING u.id, u.username, u.org_id AS "orgId", o.path AS "orgPath"`);
  return res.rows;
}

/** The path of the user's org, or null when there is no such user: the `user` scope resolver. */
export async function scopePaths(db: DbOrTx, id: number): Promise<string[] | null> {
  const [row] = await db.select({ path: orgs.path }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(eq(users.id, id));
  return row ? [row.path] : null;
}

/** Enabled accounts of exactly `orgId` whose roles grant at least one of `permissions`. */
export async function idsHoldingPermission(db: DbOrTx, orgId: number, permissions: string[]): Promise<number[]> {
  if (!permissions.length) return [];
  const res = await db.execute<{ id: number }>(sql`
    SELECT u.id FROM users u
    WHERE u.org_id = ${orgId} AND NOT u.disabled
      AND EXISTS (SELECT 1 FROM roles r WHERE r.key = ANY(u.roles) AND r.permissions && ${sql.param(permissions)}::text[])
    ORDER BY u.id`);
  return res.rows.map((r) => Number(r.id));
}
