// SQL for member imports. Bulk writes are one multi-row statement per batch (INSERT … SELECT FROM
// jsonb_array_elements), reads of the registry one `= ANY` query per batch.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { jobs, memberImportRows, memberImportStaged, memberImports, orgs, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';
import type { CipherColumn } from '../../platform/crypto/index.ts';

export type ImportRow = typeof memberImports.$inferSelect;
export type ImportRowInsert = typeof memberImports.$inferInsert;
export type ImportLine = typeof memberImportRows.$inferSelect;

const p = (v: unknown[]) => sql.param(v);

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

export interface ExistingMember {
  id: number;
  idHash: string;
  orgId: number;
  orgPath: string;
  orgName: string;
  name: string;
  phoneHash: string | null;
  joinedAt: string;
  categories: string[];
  status: string;
}

export async function findExisting(db: DbOrTx, idHashes: string[]): Promise<Map<string, ExistingMember>> {
  if (idHashes.length === 0) return new Map();
  const res = await db.execute<ExistingMember & Record<string, unknown>>(sql`
    SELECT m.id, m.id_hash AS "idHash", m.org_id AS "orgId", m.org_path AS "orgPath", o.name AS "orgName", m.name,
           m.phone_hash AS "phoneHash", m.joined_at AS "joinedAt", m.categories, m.status
    FROM members m JOIN orgs o ON o.id = m.org_id
    WHERE m.id_hash = ANY(${p(idHashes)}::text[])`);
  return new Map(res.rows.map((r) => [r.idHash, r]));
}

/** The raw cells of a refused row are encrypted bound to their job and row (platform/crypto: table, column, key). */
export const IMPORT_CIPHER_COLUMNS: CipherColumn[] = [{ table: 'member_import_rows', column: 'raw_cipher', key: ['job_id', 'row'] }];
export const importRowBinding = (jobId: number, row: number) => ({
  table: 'member_import_rows',
  column: 'raw_cipher',
  id: `${jobId}:${row}`,
});

/**
 * A new member as one JSON array, in the column order of insertMembers: id, org id, org path, name, pinyin,
 * initials, name grams, ID cipher, ID hash, masked ID, phone cipher, phone hash, masked phone, gender,
 * birth year, join date, categories, card number, and the Excel row it came from.
 */
export type NewMemberTuple = [
  number,
  number,
  string,
  string,
  string,
  string,
  string[],
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string,
  number,
  string,
  string[],
  string,
  number,
];

// Batches travel as one jsonb array of arrays: JSON.stringify is native, where pg's array serialisation
// escapes every element in JavaScript; this halves the client CPU per row.
const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;
const textArray = (expr: string) => sql.raw(`ARRAY(SELECT jsonb_array_elements_text(${expr}))`);

/** One validated batch, kept until the import publishes it (or is abandoned). */
export async function stageBatch(db: DbOrTx, jobId: number, lastRow: number, inserts: NewMemberTuple[], patches: MemberPatchTuple[]) {
  await db.insert(memberImportStaged).values({ jobId, lastRow, inserts: JSON.stringify(inserts), patches: JSON.stringify(patches) });
}

const CONFLICT_MESSAGE = '身份证号：该会员在导入期间已由他人登记，未导入';

/**
 * Publishes every staged batch of the job in the caller's transaction: new members with their 'join' events
 * (an ID number registered meanwhile by someone else is refused as an error line), then the updates. Returns
 * how many staged new members were refused that way.
 */
export async function publishStaged(db: DbOrTx, jobId: number, createdBy: number | null): Promise<number> {
  const res = await db.execute<{ refused: number }>(sql`
    WITH src AS (
      SELECT e FROM member_import_staged s, jsonb_array_elements(s.inserts::jsonb) e WHERE s.job_id = ${jobId}),
    added AS (
      INSERT INTO members (id, org_id, org_path, name, name_pinyin, name_initials, name_grams, id_cipher, id_hash, id_masked,
                           phone_cipher, phone_hash, phone_masked, gender, birth_year, joined_at, status_since, categories, card_no)
      SELECT (e->>0)::int, (e->>1)::int, e->>2, e->>3, e->>4, e->>5, ${textArray('e->6')}, e->>7, e->>8, e->>9,
             e->>10, e->>11, e->>12, e->>13, (e->>14)::smallint, (e->>15)::date, (e->>15)::date, ${textArray('e->16')}, e->>17
      FROM src
      ON CONFLICT (id_hash) DO NOTHING
      RETURNING id, org_id, joined_at, gender, categories),
    events AS (
      INSERT INTO member_events (member_id, org_id, type, date, data, created_by, gender, categories)
      SELECT id, org_id, 'join', joined_at, ${JSON.stringify({ importJobId: jobId })}::jsonb, ${createdBy}::int, gender, categories FROM added),
    refused AS (
      INSERT INTO member_import_rows (job_id, row, kind, "column", message, raw_cipher)
      SELECT ${jobId}::int, (e->>18)::int, 'error', '身份证号', ${CONFLICT_MESSAGE}, NULL FROM src
      WHERE NOT EXISTS (SELECT 1 FROM added a WHERE a.id = (e->>0)::int)
      RETURNING 1)
    SELECT count(*)::int AS refused FROM refused`);
  await db.execute(sql`
    UPDATE members m SET name = e->>1, name_pinyin = e->>2, name_initials = e->>3, name_grams = ${textArray('e->4')},
      phone_cipher = coalesce(e->>5, m.phone_cipher), phone_hash = coalesce(e->>6, m.phone_hash), phone_masked = coalesce(e->>7, m.phone_masked),
      joined_at = (e->>8)::date,
      categories = CASE WHEN jsonb_typeof(e->9) = 'array' THEN ${textArray('e->9')} ELSE m.categories END, updated_at = now()
    FROM member_import_staged s, jsonb_array_elements(s.patches::jsonb) e
    WHERE s.job_id = ${jobId} AND m.id = (e->>0)::int`);
  await discardStaged(db, jobId);
  return res.rows[0]?.refused ?? 0;
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

/** Moves counts from imported/updated to refused after publishing (conflicts) or after a failure (nothing published). */
export async function settleCounts(db: DbOrTx, jobId: number, c: { refused?: number; failed?: boolean }): Promise<void> {
  await db
    .update(memberImports)
    .set(
      c.failed
        ? { imported: 0, updated: 0 }
        : {
            imported: sql`${memberImports.imported} - ${c.refused ?? 0}`,
            validRows: sql`${memberImports.validRows} - ${c.refused ?? 0}`,
            errorCount: sql`${memberImports.errorCount} + ${c.refused ?? 0}`,
          },
    )
    .where(eq(memberImports.jobId, jobId));
}

/** id, name, pinyin, initials, grams, phone cipher/hash/masked (null keeps), join date, categories (null keeps). */
export type MemberPatchTuple = [
  number,
  string,
  string,
  string,
  string[],
  string | null,
  string | null,
  string | null,
  string,
  string[] | null,
];

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
