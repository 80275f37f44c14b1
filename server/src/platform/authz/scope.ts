// The one subtree predicate every repository uses. Paths hold only digits and dots, so LIKE needs no escaping,
// and the trailing dot in every path keeps sibling prefixes apart.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

export function subtreeOf(pathColumn: AnyColumn | SQL, rootPath: string): SQL {
  if (!/^(\d+\.)+$/.test(rootPath)) throw new Error('invalid org path');
  return sql`${pathColumn} LIKE ${rootPath + '%'}`;
}
