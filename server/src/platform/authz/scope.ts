// The one subtree predicate every repository uses. Paths hold only digits and dots and end with a dot, so a
// subtree is the byte range [path, path || ':') — ':' sorts right after the digits — and sibling prefixes stay
// apart (1.2. never matches 1.20.). Written as a range, not LIKE: the range operators are leakproof, so PostgreSQL
// still uses the path index under row-level security (a LIKE would be filtered only after the policy's scan).
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

export function subtreeOf(pathColumn: AnyColumn | SQL, rootPath: string): SQL {
  if (!/^(\d+\.)+$/.test(rootPath)) throw new Error('invalid org path');
  return sql`(${pathColumn} ~>=~ ${rootPath} AND ${pathColumn} ~<~ ${`${rootPath}:`})`;
}
