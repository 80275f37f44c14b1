import { inArray, sql } from 'drizzle-orm';
import { BUILTIN_ROLES } from '@gonghui/common';
import { asSystem, roles, type DbOrTx } from '../../platform/db/index.ts';

export type RoleRow = typeof roles.$inferSelect;
export type VisibleRole = RoleRow & { ownerPath: string | null };

/**
 * Built-in roles plus the custom roles defined at the actor's org, its ancestors, or inside its subtree. Runs as the
 * system: the ancestors' paths lie above the actor's scope, and this WHERE is the scope rule for roles.
 */
export async function listVisible(db: DbOrTx, scopePath: string): Promise<VisibleRole[]> {
  const res = await asSystem(() =>
    db.execute<Record<string, unknown>>(sql`
    SELECT r.key, r.name, r.permissions, r.builtin, r.org_id AS "orgId", r.created_at AS "createdAt", o.path AS "ownerPath"
    FROM roles r LEFT JOIN orgs o ON o.id = r.org_id
    WHERE r.builtin OR ${scopePath} LIKE o.path || '%' OR o.path LIKE ${scopePath + '%'}
    ORDER BY r.builtin DESC, r.key`),
  );
  return res.rows as unknown as VisibleRole[];
}

export async function findByKeys(db: DbOrTx, keys: string[]): Promise<RoleRow[]> {
  if (keys.length === 0) return [];
  return db.select().from(roles).where(inArray(roles.key, keys));
}

export async function insert(db: DbOrTx, row: typeof roles.$inferInsert): Promise<RoleRow> {
  const [created] = await db.insert(roles).values(row).returning();
  if (!created) throw new Error('role insert returned nothing');
  return created;
}

/** Keeps the built-in roles' permission sets as the code defines them. */
export async function syncBuiltinRoles(db: DbOrTx): Promise<void> {
  for (const [key, r] of Object.entries(BUILTIN_ROLES)) {
    await db
      .insert(roles)
      .values({ key, name: r.name, permissions: [...r.permissions], builtin: true })
      .onConflictDoUpdate({ target: roles.key, set: { name: r.name, permissions: [...r.permissions], builtin: true } });
  }
}
