// The one subtree predicate every repository uses. Paths hold only digits and dots and end with a dot, so a
// subtree is the byte range [path, path || ':') — ':' sorts right after the digits — and sibling prefixes stay
// apart (1.2. never matches 1.20.). Written as a range, not LIKE: the range operators are leakproof, so PostgreSQL
// still uses the path index under row-level security (a LIKE would be filtered only after the policy's scan).
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/index.ts';

export function subtreeOf(pathColumn: AnyColumn | SQL, rootPath: string): SQL {
  if (!/^(\d+\.)+$/.test(rootPath)) throw new Error('invalid org path');
  return sql`(${pathColumn} ~>=~ ${rootPath} AND ${pathColumn} ~<~ ${`${rootPath}:`})`;
}

/** A table's org-path column, kept in step when an org subtree moves. */
type PathColumn = AnyColumn & { name: string; table: PgTable };

/**
 * The onSubtreeMoved listener of one path column: rows whose path lies under the moved subtree take its new path,
 * in the move's transaction (a module's own copy of an org path must never point at the old place).
 */
export function subtreePathRewriter(column: PathColumn) {
  const name = sql.identifier(column.name);
  return async (db: DbOrTx, oldPath: string, newPath: string): Promise<void> => {
    await db.execute(sql`
      UPDATE ${column.table} SET ${name} = ${newPath} || substr(${name}, ${oldPath.length + 1})
      WHERE ${subtreeOf(column, oldPath)}`);
  };
}
