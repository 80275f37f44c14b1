// What other modules (auth), bootstrap and test kits may ask of the users module: narrow queries and writes over
// the repositories, never the repositories themselves (docs/ARCHITECTURE.md, "Boundaries").
import type { DbOrTx } from '../../platform/db/index.ts';
import * as roles from './roles.repo.ts';
import * as repo from './users.repo.ts';

export type { UserRow, UserInsert, UserWithOrg } from './users.repo.ts';

/** The account by login name, with its org's name and path; no scope (login). */
export const findUserByUsername = (db: DbOrTx, username: string) => repo.findByUsername(db, username);

/** The account if its org lies in the subtree at scopePath, else undefined. */
export const findUserInScope = (db: DbOrTx, scopePath: string, id: number) => repo.findInScope(db, scopePath, id);

/** The sorted union of the permissions the named roles grant. */
export async function permissionsOfRoles(db: DbOrTx, keys: string[]): Promise<string[]> {
  return [...new Set((await roles.findByKeys(db, keys)).flatMap((r) => r.permissions))].sort();
}

/** Enabled cadres of exactly this org holding any of the permissions (who is told of a case awaiting the org). */
export const usersHoldingPermission = (db: DbOrTx, orgId: number, permissions: string[]) =>
  repo.idsHoldingPermission(db, orgId, permissions);

/** A successful login: its time, and (when the password has expired) the demand to change it. */
export async function recordUserLogin(db: DbOrTx, id: number, at: Date, mustChangePassword = false): Promise<void> {
  await repo.update(db, id, mustChangePassword ? { lastLoginAt: at, mustChangePassword: true } : { lastLoginAt: at });
}

/** The user's own new password (already hashed): clears the demand to change it and restarts its age. */
export async function setOwnPassword(db: DbOrTx, id: number, passwordHash: string): Promise<void> {
  await repo.update(db, id, { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() });
}

/** Disables one account (the caller audits). */
export async function disableUser(db: DbOrTx, id: number): Promise<void> {
  await repo.update(db, id, { disabled: true });
}

/** Disables every enabled account idle for `days` in one statement; returns them (the caller audits each). */
export const disableDormantAccounts = (db: DbOrTx, days: number) => repo.disableDormant(db, days);

/** Bootstrap, demo data and test factories: counting, creating accounts, the built-in roles, an account's roles. */
export const countUsers = (db: DbOrTx) => repo.countUsers(db);
export const insertUser = (db: DbOrTx, row: repo.UserInsert) => repo.insert(db, row);
export const syncBuiltinRoles = (db: DbOrTx) => roles.syncBuiltinRoles(db);
export async function setUserRoles(db: DbOrTx, id: number, roleKeys: string[]): Promise<void> {
  await repo.update(db, id, { roles: roleKeys });
}
