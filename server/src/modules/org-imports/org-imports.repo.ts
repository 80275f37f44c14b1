// SQL of 组织名册 imports: the import row beside its job, found within the subtree of the union it was uploaded for.
import { and, eq, inArray } from 'drizzle-orm';
import { jobs, orgImports, orgs, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';
import type { RowError } from './org-imports.plan.ts';

export type ImportRow = typeof orgImports.$inferSelect;

export async function insertImport(db: DbOrTx, row: typeof orgImports.$inferInsert): Promise<void> {
  await db.insert(orgImports).values(row);
}

export async function findImport(db: DbOrTx, jobId: number): Promise<ImportRow | undefined> {
  const [r] = await db.select().from(orgImports).where(eq(orgImports.jobId, jobId));
  return r;
}

/** The import with its job and its union, if that union lies in the subtree at scopePath. */
export async function findInScope(db: DbOrTx, scopePath: string, jobId: number) {
  const [r] = await db
    .select({ imp: orgImports, job: jobs, orgPath: orgs.path, orgName: orgs.name })
    .from(orgImports)
    .innerJoin(jobs, eq(jobs.id, orgImports.jobId))
    .innerJoin(orgs, eq(orgs.id, orgImports.orgId))
    .where(and(eq(orgImports.jobId, jobId), subtreeOf(orgs.path, scopePath)));
  return r;
}

/** Paths that may see an import: its union's (the union's subtree and every org above it). */
export async function scopePaths(db: DbOrTx, jobId: number): Promise<string[] | null> {
  const [r] = await db
    .select({ path: orgs.path })
    .from(orgImports)
    .innerJoin(orgs, eq(orgs.id, orgImports.orgId))
    .where(eq(orgImports.jobId, jobId));
  return r ? [r.path] : null;
}

/** Paths of the unions of imports (not dry runs) still queued or running. */
export async function activeImportPaths(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ path: orgs.path })
    .from(orgImports)
    .innerJoin(jobs, eq(jobs.id, orgImports.jobId))
    .innerJoin(orgs, eq(orgs.id, orgImports.orgId))
    .where(and(eq(orgImports.dryRun, false), inArray(jobs.status, ['queued', 'running'])));
  return rows.map((r) => r.path);
}

export async function recordCheck(
  db: DbOrTx,
  jobId: number,
  c: { header: string[]; total: number; creates: number; updates: number; errors: RowError[] },
): Promise<void> {
  await db
    .update(orgImports)
    .set({
      checked: true,
      header: c.header,
      totalRows: c.total,
      creates: c.creates,
      updates: c.updates,
      errorCount: c.errors.length,
      errors: c.errors,
    })
    .where(eq(orgImports.jobId, jobId));
}

export async function markApplied(db: DbOrTx, jobId: number): Promise<void> {
  await db.update(orgImports).set({ applied: true }).where(eq(orgImports.jobId, jobId));
}
