// SQL of beneficiary list imports: the import row beside its job, its refused rows (cells encrypted) and counters.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { CipherColumn, FieldCrypto } from '../../platform/crypto/index.ts';
import { beneficiaryImportRows, beneficiaryImports, jobs, orgs, type DbOrTx } from '../../platform/db/index.ts';
import type { ListRow } from './beneficiaries.read.ts';

export type ImportRow = typeof beneficiaryImports.$inferSelect;

export const BENEFICIARY_IMPORT_CIPHER_COLUMNS: CipherColumn[] = [
  { table: 'beneficiary_import_rows', column: 'raw_cipher', key: ['job_id', 'row'] },
];
export const rowBinding = (jobId: number, row: number) => ({
  table: 'beneficiary_import_rows',
  column: 'raw_cipher',
  id: `${jobId}:${row}`,
});

export async function insertImport(db: DbOrTx, row: typeof beneficiaryImports.$inferInsert): Promise<void> {
  await db.insert(beneficiaryImports).values(row);
}

export async function findImport(db: DbOrTx, jobId: number): Promise<ImportRow | undefined> {
  const [r] = await db.select().from(beneficiaryImports).where(eq(beneficiaryImports.jobId, jobId));
  return r;
}

/** The import with its job and the submitting union's path, for the scope check and the status answer. */
export async function findWithJob(db: DbOrTx, jobId: number) {
  const [r] = await db
    .select({ imp: beneficiaryImports, job: jobs, orgPath: orgs.path, orgName: orgs.name })
    .from(beneficiaryImports)
    .innerJoin(jobs, eq(jobs.id, beneficiaryImports.jobId))
    .innerJoin(orgs, eq(orgs.id, beneficiaryImports.orgId))
    .where(eq(beneficiaryImports.jobId, jobId));
  return r;
}

/** Paths that may see an import: the submitting union's (its subtree and every org above it reach it). */
export async function scopePaths(db: DbOrTx, jobId: number): Promise<string[] | null> {
  const [r] = await db
    .select({ path: orgs.path })
    .from(beneficiaryImports)
    .innerJoin(orgs, eq(orgs.id, beneficiaryImports.orgId))
    .where(eq(beneficiaryImports.jobId, jobId));
  return r ? [r.path] : null;
}

export async function markChecked(tx: DbOrTx, jobId: number, c: { header: string[]; total: number; valid: number; errors: number }) {
  await tx
    .update(beneficiaryImports)
    .set({ checked: true, header: c.header, totalRows: c.total, validRows: c.valid, errorCount: c.errors })
    .where(eq(beneficiaryImports.jobId, jobId));
}

export async function addImported(tx: DbOrTx, jobId: number, imported: number, refusedLate: number): Promise<void> {
  await tx
    .update(beneficiaryImports)
    .set({
      imported: sql`${beneficiaryImports.imported} + ${imported}`,
      validRows: sql`${beneficiaryImports.validRows} - ${refusedLate}`,
      errorCount: sql`${beneficiaryImports.errorCount} + ${refusedLate}`,
    })
    .where(eq(beneficiaryImports.jobId, jobId));
}

export async function recordRefused(tx: DbOrTx, crypto: FieldCrypto, jobId: number, rows: ListRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r) => ({
      jobId,
      row: r.row,
      issues: r.ok ? [] : r.issues.map((x) => ({ column: x.column, message: x.message })),
      rawCipher: crypto.encrypt(JSON.stringify(r.raw), rowBinding(jobId, r.row)),
    }));
    await tx.insert(beneficiaryImportRows).values(values).onConflictDoNothing();
  }
}

export async function refusedRowNumbers(db: DbOrTx, jobId: number): Promise<number[]> {
  const rows = await db
    .select({ row: beneficiaryImportRows.row })
    .from(beneficiaryImportRows)
    .where(eq(beneficiaryImportRows.jobId, jobId));
  return rows.map((r) => r.row);
}

export async function refusedPage(db: DbOrTx, jobId: number, afterRow: number, limit: number) {
  return db
    .select()
    .from(beneficiaryImportRows)
    .where(and(eq(beneficiaryImportRows.jobId, jobId), gt(beneficiaryImportRows.row, afterRow)))
    .orderBy(asc(beneficiaryImportRows.row))
    .limit(limit);
}
