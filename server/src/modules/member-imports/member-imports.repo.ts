// SQL for member imports. Bulk writes are one multi-row statement per batch (INSERT … SELECT FROM
// jsonb_array_elements), reads of the registry one `= ANY` query per batch.
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { jobs, memberImportRows, memberImportStaged, memberImports, orgs, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';
import type { CipherColumn } from '../../platform/crypto/index.ts';
import {
  publishStagedInserts,
  publishStagedMembers,
  publishStagedPatches,
  withdrawPublishedMembers,
  type StagedMember,
  type StagedMemberPatch,
} from '../members/index.ts';

export type ImportRow = typeof memberImports.$inferSelect;
export type ImportRowInsert = typeof memberImports.$inferInsert;
export type ImportLine = typeof memberImportRows.$inferSelect;

export async function insertImport(db: DbOrTx, row: ImportRowInsert): Promise<void> {
  await db.insert(memberImports).values(row);
}

export async function findImport(db: DbOrTx, jobId: number): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(memberImports).where(eq(memberImports.jobId, jobId));
  return row;
}

/** The import with its job, when its org lies in the scope. */
export async function findInScope(db: DbOrTx, scopePath: string, jobId: number) {
  const [row] = await db
    .select({ imp: memberImports, job: jobs, orgName: orgs.name, orgPath: orgs.path })
    .from(memberImports)
    .innerJoin(jobs, eq(jobs.id, memberImports.jobId))
    .innerJoin(orgs, eq(orgs.id, memberImports.orgId))
    .where(and(eq(memberImports.jobId, jobId), subtreeOf(orgs.path, scopePath)));
  return row;
}

export async function setHeader(db: DbOrTx, jobId: number, h: { sheetName: string; headerRow: number; header: string[] }): Promise<void> {
  await db.update(memberImports).set(h).where(eq(memberImports.jobId, jobId));
}

export interface Counts {
  totalRows: number;
  validRows: number;
  imported: number;
  updated: number;
  skipped: number;
  errorCount: number;
  noticeCount: number;
}

export async function addCounts(db: DbOrTx, jobId: number, c: Counts): Promise<void> {
  await db
    .update(memberImports)
    .set({
      totalRows: sql`${memberImports.totalRows} + ${c.totalRows}`,
      validRows: sql`${memberImports.validRows} + ${c.validRows}`,
      imported: sql`${memberImports.imported} + ${c.imported}`,
      updated: sql`${memberImports.updated} + ${c.updated}`,
      skipped: sql`${memberImports.skipped} + ${c.skipped}`,
      errorCount: sql`${memberImports.errorCount} + ${c.errorCount}`,
      noticeCount: sql`${memberImports.noticeCount} + ${c.noticeCount}`,
    })
    .where(eq(memberImports.jobId, jobId));
}

export interface OrgEntry {
  id: number;
  path: string;
  name: string;
  uscc: string | null;
  status: string;
}

export async function subtreeOrgs(db: DbOrTx, rootPath: string): Promise<OrgEntry[]> {
  return db
    .select({ id: orgs.id, path: orgs.path, name: orgs.name, uscc: orgs.uscc, status: orgs.status })
    .from(orgs)
    .where(subtreeOf(orgs.path, rootPath));
}

/** The raw cells of a refused row are encrypted bound to their job and row (platform/crypto: table, column, key). */
export const IMPORT_CIPHER_COLUMNS: CipherColumn[] = [{ table: 'member_import_rows', column: 'raw_cipher', key: ['job_id', 'row'] }];
export const importRowBinding = (jobId: number, row: number) => ({
  table: 'member_import_rows',
  column: 'raw_cipher',
  id: `${jobId}:${row}`,
});

// Batches travel as one jsonb array of arrays: JSON.stringify is native, where pg's array serialisation
// escapes every element in JavaScript; this halves the client CPU per row.
const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/** New members per staged part: a part is what the embedded database publishes in one short transaction. */
export const STAGED_PART_ROWS = 250;

/** One validated batch, kept until the import publishes it (or is abandoned): its new members in parts, its patches with part 0. */
export async function stageBatch(
  db: DbOrTx,
  jobId: number,
  lastRow: number,
  inserts: StagedMember[],
  patches: StagedMemberPatch[],
  pause: () => Promise<void> | undefined = () => undefined,
) {
  const parts = [];
  for (let part = 0, at = 0; part === 0 || at < inserts.length; part++, at += STAGED_PART_ROWS) {
    await pause();
    parts.push({
      jobId,
      lastRow,
      part,
      inserts: JSON.stringify(inserts.slice(at, at + STAGED_PART_ROWS)),
      patches: part === 0 ? JSON.stringify(patches) : '[]',
    });
  }
  await db.insert(memberImportStaged).values(parts);
}

const CONFLICT_MESSAGE = '身份证号：该会员在导入期间已由他人登记，未导入';
const STALE_MESSAGE = '身份证号：该会员在导入期间已转到其他工会或已退会，未按本表更新';

/** Moved from new members or updates to errors at the publish: refused inserts, and updates that no longer applied. */
export interface Refused {
  inserts: number;
  patches: number;
}

const stagedInserts = (jobId: number, where: SQL = sql`TRUE`) =>
  sql`SELECT e FROM member_import_staged s, jsonb_array_elements(s.inserts::jsonb) e WHERE s.job_id = ${jobId} AND ${where}`;
const stagedPatches = (jobId: number) =>
  sql`SELECT e FROM member_import_staged s, jsonb_array_elements(s.patches::jsonb) e WHERE s.job_id = ${jobId}`;

/**
 * Staged new members refused at publish (an ID number registered meanwhile by someone else) become error lines. A row
 * that had a notice (a converted 15-digit number, a retiree) has its line turned into the error: one line per row.
 */
async function refuse(db: DbOrTx, jobId: number, rows: number[], message = CONFLICT_MESSAGE): Promise<void> {
  if (rows.length === 0) return;
  const converted = await db
    .update(memberImportRows)
    .set({ kind: 'error', column: '身份证号', message })
    .where(and(eq(memberImportRows.jobId, jobId), eq(memberImportRows.kind, 'notice'), inArray(memberImportRows.row, rows)))
    .returning({ row: memberImportRows.row });
  const done = new Set(converted.map((c) => c.row));
  await insertLines(
    db,
    jobId,
    rows.filter((row) => !done.has(row)).map((row): LineTuple => [row, 'error', '身份证号', message, null]),
  );
  if (converted.length > 0)
    await db
      .update(memberImports)
      .set({ noticeCount: sql`${memberImports.noticeCount} - ${converted.length}` })
      .where(eq(memberImports.jobId, jobId));
}

/**
 * Publishes every staged batch of the job in the caller's transaction through the members module (new members with
 * their 'join' events, then the updates). An ID number registered meanwhile by someone else, and an update whose
 * member has since moved to another union or left, become error lines. Returns how many of each.
 */
export async function publishStaged(db: DbOrTx, jobId: number, createdBy: number | null): Promise<Refused> {
  const refused = await publishStagedMembers(db, {
    inserts: stagedInserts(jobId),
    patches: stagedPatches(jobId),
    createdBy,
    eventData: { importJobId: jobId },
  });
  await refuse(db, jobId, refused.inserts);
  await refuse(db, jobId, refused.patches, STALE_MESSAGE);
  await discardStaged(db, jobId);
  return { inserts: refused.inserts.length, patches: refused.patches.length };
}

/** Marks the job as publishing part by part: from now on a restart resumes the publish instead of reading the file. */
export async function markPublishing(db: DbOrTx, jobId: number): Promise<void> {
  await db
    .update(memberImports)
    .set({ publishingSince: sql`now()` })
    .where(eq(memberImports.jobId, jobId));
}

/**
 * Publishes the job's next `parts` unpublished parts (their new members only; patches wait for publishRemaining) in
 * one statement and marks them published, in the caller's transaction. Returns how many of their members were
 * refused, or null when no part was left.
 */
export async function publishNextParts(db: DbOrTx, jobId: number, createdBy: number | null, parts: number): Promise<number | null> {
  const next = await db
    .select({ lastRow: memberImportStaged.lastRow, part: memberImportStaged.part })
    .from(memberImportStaged)
    .where(and(eq(memberImportStaged.jobId, jobId), eq(memberImportStaged.published, false)))
    .orderBy(asc(memberImportStaged.lastRow), asc(memberImportStaged.part))
    .limit(parts);
  if (next.length === 0) return null;
  const chosen = sql`(s.last_row, s.part) IN (${sql.join(
    next.map((p) => sql`(${p.lastRow}::int, ${p.part}::smallint)`),
    sql`, `,
  )})`;
  const refusedRows = await publishStagedInserts(db, {
    inserts: stagedInserts(jobId, chosen),
    createdBy,
    eventData: { importJobId: jobId },
  });
  await refuse(db, jobId, refusedRows);
  await db.execute(sql`UPDATE member_import_staged s SET published = true WHERE s.job_id = ${jobId} AND ${chosen}`);
  return refusedRows.length;
}

/** How many parts the job has staged, and how many of them are published. */
export async function partCounts(db: DbOrTx, jobId: number): Promise<{ total: number; published: number }> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int`, published: sql<number>`count(*) FILTER (WHERE ${memberImportStaged.published})::int` })
    .from(memberImportStaged)
    .where(eq(memberImportStaged.jobId, jobId));
  return row ?? { total: 0, published: 0 };
}

/**
 * The end of a part-by-part publish: every staged patch, in the caller's transaction; then the staged rows go.
 * Returns how many updates no longer applied (their member moved to another union or left meanwhile).
 */
export async function publishRemaining(db: DbOrTx, jobId: number): Promise<number> {
  const stale = await publishStagedPatches(db, stagedPatches(jobId));
  await refuse(db, jobId, stale, STALE_MESSAGE);
  await discardStaged(db, jobId);
  return stale.length;
}

/**
 * A part-by-part publish that failed for good takes back the members its published parts inserted (see
 * withdrawPublishedMembers); returns how many stay because something else was recorded about them meanwhile.
 */
export async function withdrawPublished(db: DbOrTx, jobId: number): Promise<number> {
  return withdrawPublishedMembers(
    db,
    sql`SELECT (e->>0)::int AS id FROM member_import_staged s, jsonb_array_elements(s.inserts::jsonb) e
        WHERE s.job_id = ${jobId} AND s.published`,
  );
}

export async function discardStaged(db: DbOrTx, jobId: number): Promise<void> {
  await db.delete(memberImportStaged).where(eq(memberImportStaged.jobId, jobId));
}

/** Staged batches of jobs that are no longer queued or running (a crash between the end and the cleanup). */
export async function discardAbandonedStaged(db: DbOrTx): Promise<void> {
  await db.execute(sql`
    DELETE FROM member_import_staged s USING jobs j
    WHERE j.id = s.job_id AND j.status NOT IN ('queued', 'running')`);
}

/**
 * Moves counts from imported/updated to refused after publishing (conflicts), or after a failure: nothing published,
 * or `kept` new members that a failed part-by-part publish could not take back.
 */
export async function settleCounts(
  db: DbOrTx,
  jobId: number,
  c: { refused?: number; stale?: number; failed?: boolean; kept?: number },
): Promise<void> {
  const refused = c.refused ?? 0;
  const stale = c.stale ?? 0;
  await db
    .update(memberImports)
    .set(
      c.failed
        ? { imported: c.kept ?? 0, updated: 0 }
        : {
            imported: sql`${memberImports.imported} - ${refused}`,
            updated: sql`${memberImports.updated} - ${stale}`,
            validRows: sql`${memberImports.validRows} - ${refused + stale}`,
            errorCount: sql`${memberImports.errorCount} + ${refused + stale}`,
          },
    )
    .where(eq(memberImports.jobId, jobId));
}

/** row, kind ('error' | 'notice'), column, message, encrypted original cells. */
export type LineTuple = [number, 'error' | 'notice', string | null, string, string | null];

export async function insertLines(db: DbOrTx, jobId: number, rows: LineTuple[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    INSERT INTO member_import_rows (job_id, row, kind, "column", message, raw_cipher)
    SELECT ${jobId}::int, (e->>0)::int, e->>1, e->>2, e->>3, e->>4 FROM jsonb_array_elements(${json(rows)}) e`);
}

/** Lines of one kind in row order, after `afterRow` (keyset paging). */
export async function lines(db: DbOrTx, jobId: number, kind: 'error' | 'notice', afterRow: number, limit: number): Promise<ImportLine[]> {
  return db
    .select()
    .from(memberImportRows)
    .where(and(eq(memberImportRows.jobId, jobId), eq(memberImportRows.kind, kind), gt(memberImportRows.row, afterRow)))
    .orderBy(asc(memberImportRows.row))
    .limit(limit);
}

/** The path of the import's org (by job id), or null when there is no such import: the `member_import` scope resolver. */
export async function scopePaths(db: DbOrTx, jobId: number): Promise<string[] | null> {
  const [row] = await db
    .select({ path: orgs.path })
    .from(memberImports)
    .innerJoin(orgs, eq(orgs.id, memberImports.orgId))
    .where(eq(memberImports.jobId, jobId));
  return row ? [row.path] : null;
}
