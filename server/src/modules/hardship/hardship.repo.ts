// SQL of the hardship files: the household row keyed by its case, its dated events, and the list joined to the
// case. Every read that serves a user filters with subtreeOf() on the case's owner path (and RLS follows the case).
import { and, desc, eq, ilike, inArray, notInArray, sql } from 'drizzle-orm';
import { cases, hardshipEvents, hardshipFiles, type DbOrTx } from '../../platform/db/index.ts';
import { subtreeOf, subtreePathRewriter } from '../../platform/authz/index.ts';

export type FileRow = typeof hardshipFiles.$inferSelect;
export type FileInsert = typeof hardshipFiles.$inferInsert;
export type EventInsert = typeof hardshipEvents.$inferInsert;
export type CaseRow = typeof cases.$inferSelect;

export const CASE_TYPE = 'hardship_file';

export async function insertFile(db: DbOrTx, row: FileInsert): Promise<void> {
  await db.insert(hardshipFiles).values(row);
}

export async function updateFile(db: DbOrTx, caseId: number, set: Partial<FileInsert>): Promise<void> {
  await db
    .update(hardshipFiles)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(hardshipFiles.caseId, caseId));
}

export async function insertEvent(db: DbOrTx, row: EventInsert): Promise<void> {
  await db.insert(hardshipEvents).values(row);
}

export async function findFile(db: DbOrTx, caseId: number): Promise<FileRow | undefined> {
  const [f] = await db.select().from(hardshipFiles).where(eq(hardshipFiles.caseId, caseId));
  return f;
}

export async function filesByCaseIds(db: DbOrTx, ids: number[]): Promise<Map<number, FileRow>> {
  if (!ids.length) return new Map();
  const rows = await db.select().from(hardshipFiles).where(inArray(hardshipFiles.caseId, ids));
  return new Map(rows.map((r) => [r.caseId, r]));
}

/** A file of this person that is neither rejected nor exited, anywhere in the federation (read as the system). */
export async function activeByIdHash(db: DbOrTx, idHash: string): Promise<{ caseId: number } | undefined> {
  const [f] = await db
    .select({ caseId: hardshipFiles.caseId })
    .from(hardshipFiles)
    .where(and(eq(hardshipFiles.idHash, idHash), notInArray(hardshipFiles.status, ['rejected', 'exited', 'withdrawn'])));
  return f;
}

export interface ListFilter {
  scopePath: string;
  tier?: string | undefined;
  status?: string | undefined;
  /** Part of the worker's name. */
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** Files whose owner org lies in `scopePath`'s subtree, newest first, with the case row. */
export async function list(db: DbOrTx, f: ListFilter): Promise<{ items: { c: CaseRow; f: FileRow }[]; total: number }> {
  const w = and(
    eq(cases.type, CASE_TYPE),
    subtreeOf(cases.orgPath, f.scopePath),
    f.status ? eq(cases.status, f.status) : undefined,
    f.tier ? eq(hardshipFiles.tier, f.tier) : undefined,
    f.q ? ilike(hardshipFiles.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const [items, [count]] = await Promise.all([
    db
      .select({ c: cases, f: hardshipFiles })
      .from(cases)
      .innerJoin(hardshipFiles, eq(hardshipFiles.caseId, cases.id))
      .where(w)
      .orderBy(desc(cases.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .innerJoin(hardshipFiles, eq(hardshipFiles.caseId, cases.id))
      .where(w),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** A file whose owner org lies in `scopePath`'s subtree: its status and the person's ID hash (another module's link check). */
export async function fileInScope(db: DbOrTx, scopePath: string, caseId: number): Promise<{ status: string; idHash: string } | undefined> {
  const [r] = await db
    .select({ status: hardshipFiles.status, idHash: hardshipFiles.idHash })
    .from(hardshipFiles)
    .innerJoin(cases, eq(cases.id, hardshipFiles.caseId))
    .where(and(eq(hardshipFiles.caseId, caseId), eq(cases.type, CASE_TYPE), subtreeOf(cases.orgPath, scopePath)));
  return r;
}

/** Keeps files' paths in step when an org subtree moves (an onSubtreeMoved listener, same transaction). */
export const rewriteFilePaths = subtreePathRewriter(hardshipFiles.orgPath);
