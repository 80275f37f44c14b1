// SQL for the statistics module: the direct children of an org, with the names reports print.
import { asc, eq, sql } from 'drizzle-orm';
import { orgs, targets, type DbOrTx } from '../../platform/db/index.ts';

export async function childrenOf(db: DbOrTx, orgId: number): Promise<{ id: number; name: string; status: string }[]> {
  return db
    .select({ id: orgs.id, name: orgs.name, status: orgs.status })
    .from(orgs)
    .where(eq(orgs.parentId, orgId))
    .orderBy(asc(orgs.pinyin), asc(orgs.id));
}

export interface TargetRow {
  orgId: number;
  key: string;
  value: number;
}

/** Targets of one year for the given orgs (an org and its children in one query). */
export async function targetsOf(db: DbOrTx, orgIds: number[], year: number): Promise<TargetRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select({ orgId: targets.orgId, key: targets.key, value: targets.value })
    .from(targets)
    .where(sql`${targets.orgId} = ANY(${sql.param(orgIds)}::int[]) AND ${targets.year} = ${year}`);
}

export async function upsertTargets(db: DbOrTx, orgId: number, year: number, values: Record<string, number>, setBy: number): Promise<void> {
  const rows = Object.entries(values).map(([key, value]) => ({ orgId, year, key, value, setBy }));
  if (rows.length === 0) return;
  await db
    .insert(targets)
    .values(rows)
    .onConflictDoUpdate({
      target: [targets.orgId, targets.year, targets.key],
      set: { value: sql`excluded.value`, setBy, updatedAt: sql`now()` },
    });
}

export async function orgRefById(db: DbOrTx, id: number) {
  const [r] = await db
    .select({ id: orgs.id, path: orgs.path, depth: orgs.depth, name: orgs.name, level: orgs.level, parentId: orgs.parentId })
    .from(orgs)
    .where(eq(orgs.id, id));
  return r;
}
