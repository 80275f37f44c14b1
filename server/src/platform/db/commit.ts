// After-commit callbacks: work that must happen only once a transaction has committed (poking the job runner for a
// job inserted in it). `withCommitHooks` wraps a Db's `transaction` so each transaction (and its savepoints) carries
// a list of callbacks that run after COMMIT and are dropped on rollback.
import type { Db, DbOrTx, Tx } from './connect.ts';

type Hook = () => void;
const hooksOf = new WeakMap<object, Hook[]>();
const wrapped = new WeakSet<object>();

/**
 * Runs `fn` once `conn`'s outermost transaction commits; at once when `conn` is the database itself (its statements
 * commit on their own). Returns false for a transaction this module does not know (opened on an unwrapped Db): the
 * caller then has no after-commit signal and must rely on polling.
 */
export function onCommit(conn: DbOrTx, fn: Hook): boolean {
  const hooks = hooksOf.get(conn);
  if (hooks) {
    hooks.push(fn);
    return true;
  }
  if (wrapped.has(conn)) {
    queueMicrotask(fn);
    return true;
  }
  return false;
}

function track(tx: Tx, hooks: Hook[]): void {
  hooksOf.set(tx, hooks);
  const nested = tx.transaction.bind(tx);
  // A savepoint's callbacks wait for the outermost commit (a rolled-back savepoint's only cause a spare poke).
  tx.transaction = ((fn: (inner: Tx) => Promise<unknown>) =>
    nested((inner) => {
      track(inner, hooks);
      return fn(inner);
    })) as Tx['transaction'];
}

export function withCommitHooks(db: Db): Db {
  if (wrapped.has(db)) return db;
  const original = db.transaction.bind(db);
  db.transaction = (async (fn: (tx: Tx) => Promise<unknown>, cfg?: unknown) => {
    const hooks: Hook[] = [];
    const result = await original((tx) => {
      track(tx, hooks);
      return fn(tx);
    }, cfg as never);
    for (const h of hooks) {
      try {
        h();
      } catch {
        // A hook must not turn a committed transaction into an error.
      }
    }
    return result;
  }) as Db['transaction'];
  wrapped.add(db);
  return db;
}
