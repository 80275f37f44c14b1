// A short-lived in-process cache of resolved sessions: the session lookup (sessions ⋈ users ⋈ orgs ⋈ roles, MFA
// policy) was the largest fixed cost of every read. Entries live SESSION_CACHE_TTL_MS at most, so another process's
// change (a second server) is seen within that time; in this process every write request, and every session or account
// change made outside one (sweeps, the repo functions below), clears the cache at once.
import type { SessionRow } from './session.repo.ts';

export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  row: SessionRow;
  at: number;
}

const entries = new Map<string, Entry>();

export function cachedSession(tokenHash: string, now = Date.now()): SessionRow | undefined {
  const e = entries.get(tokenHash);
  if (!e) return undefined;
  if (now - e.at > SESSION_CACHE_TTL_MS) {
    entries.delete(tokenHash);
    return undefined;
  }
  return e.row;
}

export function cacheSession(tokenHash: string, row: SessionRow, now = Date.now()): void {
  // Oldest first: a Map iterates in insertion order, so dropping the first key evicts the oldest entry.
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(tokenHash, { row, at: now });
}

/** Logout, password change, role/org/MFA change, account disabled: the next request reads the database again. */
export function clearSessionCache(): void {
  entries.clear();
}
