import { and, asc, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import { asSystem, auditEvents, type DbOrTx } from '../db/index.ts';
import { subtreeOf } from '../authz/scope.ts';

export type AuditRow = typeof auditEvents.$inferSelect;
export type AuditInsert = typeof auditEvents.$inferInsert;

// Serialises writers so the chain has one order; released when the transaction ends.
const AUDIT_LOCK_KEY = 73_010_001;

export async function lockChainAndGetLastHash(tx: DbOrTx): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  // The chain spans the federation: its head is read as the system, whatever the writer's scope.
  const [last] = await asSystem(() => tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1));
  return last?.hash ?? '';
}

export async function insertAudit(tx: DbOrTx, row: AuditInsert): Promise<void> {
  await tx.insert(auditEvents).values(row);
}

/** Rows in chain order: one statement, identity values assigned in the order of the rows. */
export async function insertAuditMany(tx: DbOrTx, rows: AuditInsert[]): Promise<void> {
  await tx.insert(auditEvents).values(rows);
}

export async function chainRowAt(db: DbOrTx, id: number): Promise<Pick<AuditRow, 'hash' | 'chainVersion'> | undefined> {
  // Seals cover the whole federation's chain: read as the system, whatever the caller's scope.
  const [row] = await asSystem(() =>
    db.select({ hash: auditEvents.hash, chainVersion: auditEvents.chainVersion }).from(auditEvents).where(eq(auditEvents.id, id)),
  );
  return row;
}

export async function chainBatch(db: DbOrTx, afterId: number, limit: number): Promise<AuditRow[]> {
  return asSystem(() => db.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id)).limit(limit));
}

export interface AuditFilter {
  scopePath: string;
  isRootScope: boolean;
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

/** Calendar days are Beijing days across the platform (see todayCst): midnight +08:00, plus `days`. */
function cstDayStart(day: string, days: number): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + days * 86_400_000);
}

function where(f: AuditFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    // Events with no org (e.g. failed logins of unknown names) belong to the root scope only.
    f.isRootScope
      ? sql`(${auditEvents.orgPath} IS NULL OR ${subtreeOf(auditEvents.orgPath, f.scopePath)})`
      : subtreeOf(auditEvents.orgPath, f.scopePath),
    f.actor ? eq(auditEvents.actorName, f.actor) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.entityType ? eq(auditEvents.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
    f.from ? gte(auditEvents.at, cstDayStart(f.from, 0)) : undefined,
    f.to ? lt(auditEvents.at, cstDayStart(f.to, 1)) : undefined,
  ];
  return and(...conds);
}

export async function listAudit(db: DbOrTx, f: AuditFilter, page: number, pageSize: number) {
  const w = where(f);
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(w)
      .orderBy(desc(auditEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(w),
  ]);
  return { items, total: count?.n ?? 0 };
}
