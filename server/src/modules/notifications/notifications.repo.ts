// SQL of the inbox. Every read and write that serves a user names the recipient; row-level security (migration
// notifications_rls) holds the same line in PostgreSQL.
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { notifications, type DbOrTx } from '../../platform/db/index.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInsert = typeof notifications.$inferInsert;

export async function insertMany(db: DbOrTx, rows: NotificationInsert[]): Promise<void> {
  if (rows.length) await db.insert(notifications).values(rows);
}

export async function listOwn(
  db: DbOrTx,
  recipientId: number,
  q: { unread?: boolean | undefined; page: number; pageSize: number },
): Promise<{ items: NotificationRow[]; total: number; unreadCount: number }> {
  const own = eq(notifications.recipientId, recipientId);
  const w = q.unread ? and(own, isNull(notifications.readAt)) : own;
  const [items, [total], [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(w)
      .orderBy(desc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(notifications).where(w),
    db
      .select({ n: count() })
      .from(notifications)
      .where(and(own, isNull(notifications.readAt))),
  ]);
  return { items, total: total?.n ?? 0, unreadCount: unread?.n ?? 0 };
}

/** Marks one's own notification read (the first time); undefined when it is not the recipient's. */
export async function markRead(db: DbOrTx, recipientId: number, id: number): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.recipientId, recipientId)))
    .returning();
  return row;
}
