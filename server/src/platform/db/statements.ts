// Server-side named statements: a hot query parsed once per connection instead of on every call.
// Only on a PostgreSQL server. PGlite's socket connections share one session: a pooled connection that is closed and
// reopened would find its names still prepared there and collide. Pools opened by openDatabase on PostgreSQL set
// plan_cache_mode = force_custom_plan, so a named statement is still planned for its values each time (a generic
// plan cannot tell a union's 20 members from a city's two million and sorted a whole district: 110 ms, not 0.2).
import type { DbOrTx } from './connect.ts';

const named = new WeakSet<object>();

/** Marks a database handle whose connections may keep named statements (openDatabase on PostgreSQL). */
export function allowNamedStatements(db: object): void {
  named.add(db);
}

/** `name` where the handle may keep named statements, else '' (unnamed: parsed on every call). */
export function statementName(db: DbOrTx, name: string): string {
  return named.has(db) ? name : '';
}
