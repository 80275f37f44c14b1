// SQL for the data keys and the encrypted columns they protect (platform code: columns are named by the caller).
import { asc, eq, sql } from 'drizzle-orm';
import { dataKeys, type DbOrTx } from '../db/index.ts';

export type DataKeyRow = typeof dataKeys.$inferSelect;

/** An encrypted column: its row key columns (the binding id is their values joined with ':', in this order). */
export interface CipherColumn {
  table: string;
  column: string;
  key: string[];
}

export const listDataKeys = (db: DbOrTx): Promise<DataKeyRow[]> => db.select().from(dataKeys).orderBy(asc(dataKeys.version));

/** Inserts a key; false when another process inserted that version (or an active key) first. */
export async function insertDataKey(
  db: DbOrTx,
  row: { version: number; wrapped: string; provider: string; active: boolean },
): Promise<boolean> {
  const res = await db.insert(dataKeys).values(row).onConflictDoNothing().returning({ version: dataKeys.version });
  return res.length > 0;
}

export async function activate(db: DbOrTx, version: number): Promise<void> {
  await db.update(dataKeys).set({ active: false }).where(eq(dataKeys.active, true));
  await db.update(dataKeys).set({ active: true }).where(eq(dataKeys.version, version));
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad identifier ${name}`);
  return sql.raw(`"${name}"`);
};

export interface CipherRow {
  key: string[];
  value: string;
}

/** One keyset batch of values not yet under `prefix` (e.g. 'v2:3:'), after the row key `after`. */
export async function cipherBatch(
  db: DbOrTx,
  c: CipherColumn,
  prefix: string,
  after: string[] | null,
  limit: number,
): Promise<CipherRow[]> {
  const keys = sql.join(c.key.map(ident), sql`, `);
  const textKeys = sql.join(
    c.key.map((k) => sql`${ident(k)}::text`),
    sql`, `,
  );
  const afterCond = after
    ? sql`AND (${keys}) > (${sql.join(
        after.map((v) => sql`${v}`),
        sql`, `,
      )})`
    : sql``;
  const res = await db.execute<{ k: string[]; v: string }>(sql`
    SELECT ARRAY[${textKeys}] AS k, ${ident(c.column)} AS v FROM ${ident(c.table)}
    WHERE ${ident(c.column)} IS NOT NULL AND left(${ident(c.column)}, ${prefix.length}) <> ${prefix} ${afterCond}
    ORDER BY ${keys} LIMIT ${limit}`);
  return res.rows.map((r) => ({ key: r.k, value: r.v }));
}

/** Compare-and-set: a value the app changed meanwhile is left alone (and picked up by the next pass). */
export async function replaceCipher(db: DbOrTx, c: CipherColumn, key: string[], from: string, to: string): Promise<boolean> {
  const where = sql.join(
    c.key.map((k, i) => sql`${ident(k)} = ${key[i] ?? ''}`),
    sql` AND `,
  );
  const res = await db.execute(
    sql`UPDATE ${ident(c.table)} SET ${ident(c.column)} = ${to} WHERE ${where} AND ${ident(c.column)} = ${from}`,
  );
  return (res.rowCount ?? 0) > 0;
}

export async function countNotUnder(db: DbOrTx, c: CipherColumn, prefix: string): Promise<number> {
  const res = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM ${ident(c.table)} WHERE ${ident(c.column)} IS NOT NULL AND left(${ident(c.column)}, ${prefix.length}) <> ${prefix}`,
  );
  return res.rows[0]?.n ?? 0;
}

/** One stored value (the newest row), for the start-up self-test. */
export async function sampleCipher(db: DbOrTx, c: CipherColumn): Promise<CipherRow | undefined> {
  const textKeys = sql.join(
    c.key.map((k) => sql`${ident(k)}::text`),
    sql`, `,
  );
  const desc = sql.join(
    c.key.map((k) => sql`${ident(k)} DESC`),
    sql`, `,
  );
  const res = await db.execute<{ k: string[]; v: string }>(
    sql`SELECT ARRAY[${textKeys}] AS k, ${ident(c.column)} AS v FROM ${ident(c.table)} WHERE ${ident(c.column)} IS NOT NULL ORDER BY ${desc} LIMIT 1`,
  );
  const r = res.rows[0];
  return r && { key: r.k, value: r.v };
}
