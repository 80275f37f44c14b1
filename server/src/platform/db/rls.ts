// Row-level security context: which org subtree the current request or job may see in PostgreSQL, and which user
// is asking (for rows that belong to one user, such as notifications). Both live in AsyncLocalStorage; the pool
// (scopedPool) copies them into the session settings app.scope_path and app.user_id of the connection before a
// query runs, only when the connection's values differ. No context means both are '' and the policies of migration
// rls_second_wall show nothing; a system context must be entered on purpose with asSystem().
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

export const SCOPE_SETTING = 'app.scope_path';
export const USER_SETTING = 'app.user_id';
const SYSTEM = '*';
const NONE = '';
interface Context {
  scope: string;
  /** The requesting user's id as text; '' for the system and for no context. */
  user: string;
}
const storage = new AsyncLocalStorage<Context>();
const userOf = (userId: number | undefined) => (userId === undefined ? NONE : String(Math.trunc(userId)));

// Drizzle's queries are lazy thenables that run when awaited, so each runner awaits `fn`'s result inside the context.

/** Runs `fn` within an org's subtree (the path of the actor's org, e.g. "1.5."), as the given user if any. */
export function runInScope<T>(orgPath: string, fn: () => T | PromiseLike<T>, userId?: number): Promise<T> {
  if (!/^(\d+\.)+$/.test(orgPath)) throw new Error('invalid org path');
  return storage.run({ scope: orgPath, user: userOf(userId) }, async () => await fn());
}

/** Continues a callback-style chain (a Fastify hook's `done`) within an org's subtree, as the given user. */
export function enterScope(orgPath: string, next: () => void, userId?: number): void {
  if (!/^(\d+\.)+$/.test(orgPath)) throw new Error('invalid org path');
  storage.run({ scope: orgPath, user: userOf(userId) }, next);
}

/** Runs `fn` as the system (bootstrap, jobs, login, session resolution, audit chain, public card checks). */
export function asSystem<T>(fn: () => T | PromiseLike<T>): Promise<T> {
  return storage.run({ scope: SYSTEM, user: NONE }, async () => await fn());
}

/** Runs `fn` with no scope at all: the database shows it no scoped row. */
export function withoutScope<T>(fn: () => T | PromiseLike<T>): Promise<T> {
  return storage.run({ scope: NONE, user: NONE }, async () => await fn());
}

/** The value app.scope_path must have for the current context. */
export function currentScope(): string {
  return storage.getStore()?.scope ?? NONE;
}

/** The value app.user_id must have for the current context. */
export function currentUser(): string {
  return storage.getStore()?.user ?? NONE;
}

type QueryFn = (...args: unknown[]) => unknown;
const UNKNOWN = Symbol('unknown');

function queryText(arg: unknown): string {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'text' in arg && typeof arg.text === 'string') return arg.text;
  return '';
}

/** Makes every query of this client run with the caller's scope; pg sends queued queries in call order. */
function scopeClient(client: pg.PoolClient): void {
  const raw = client.query.bind(client) as QueryFn;
  // A fresh connection has no settings, which the policies read like '' (nothing).
  let applied: string | typeof UNKNOWN = `${NONE}|${NONE}`;
  const scoped: QueryFn = (...args) => {
    const scope = currentScope();
    const user = currentUser();
    const want = `${scope}|${user}`;
    if (applied !== want) {
      applied = want;
      // Queued before the caller's query; if it fails (aborted transaction), so does that query.
      (
        raw(`SELECT set_config('${SCOPE_SETTING}', $1, false), set_config('${USER_SETTING}', $2, false)`, [scope, user]) as Promise<unknown>
      ).catch(() => {
        applied = UNKNOWN;
      });
    }
    const res = raw(...args);
    // A rollback (to a savepoint or of the transaction) undoes a setting changed inside it.
    if (/^\s*rollback\b/i.test(queryText(args[0]))) applied = UNKNOWN;
    return res;
  };
  client.query = scoped as typeof client.query;
}

/**
 * A pg pool whose queries carry the scope of the caller. `pool.query` is replaced by an async check-out so that the
 * query runs in the caller's async context (pg-pool would call back from whichever context released a client).
 */
export function scopedPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('connect', scopeClient);
  const query = async (...args: unknown[]): Promise<unknown> => {
    if (typeof args[args.length - 1] === 'function') throw new Error('scoped pool: callbacks are not supported');
    const client = await pool.connect();
    try {
      const res = await (client.query as QueryFn)(...args);
      client.release();
      return res;
    } catch (e) {
      // An SQL error leaves the connection usable; anything else (network, protocol) discards it.
      client.release(e instanceof pg.DatabaseError ? undefined : (e as Error));
      throw e;
    }
  };
  pool.query = query as typeof pool.query;
  return pool;
}
