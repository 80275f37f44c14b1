// What other modules, bootstrap and test kits may ask of the orgs module: narrow queries and writes over the
// repository, never the repository itself (docs/ARCHITECTURE.md, "Boundaries").
import type { MfaPolicy } from '@gonghui/common';
import type { DbOrTx } from '../../platform/db/index.ts';
import * as repo from './orgs.repo.ts';

export type { OrgRow, OrgInsert, OrgWithCount } from './orgs.repo.ts';

/** The org if it lies in the subtree at scopePath (the actor's scope), else undefined. */
export function findOrgInScope(db: DbOrTx, scopePath: string, id: number): Promise<repo.OrgWithCount | undefined> {
  return repo.findInScope(db, scopePath, id);
}

/** The org by id, regardless of scope: for system work (jobs, bootstrap), never for a user's request. */
export function findOrgById(db: DbOrTx, id: number): Promise<repo.OrgRow | undefined> {
  return repo.findById(db, id);
}

/** Names of the given orgs by id (for presenting rows that name orgs the caller may not otherwise read). */
export function orgNamesByIds(db: DbOrTx, ids: number[]): Promise<Map<number, string>> {
  return repo.namesByIds(db, ids);
}

/** Sets an org's own second-factor policy (null inherits); the caller checks scope and audits. */
export async function setOrgMfaPolicy(db: DbOrTx, id: number, mfaPolicy: MfaPolicy | null): Promise<void> {
  await repo.update(db, id, { mfaPolicy });
}

/** Whether any org exists (bootstrap: a fresh database). */
export const hasAnyOrg = (db: DbOrTx) => repo.hasAnyOrg(db);

/** Seeding (bootstrap, demo data, test factories): fresh ids, rows and their events, written as given. */
export const nextOrgIds = (db: DbOrTx, n: number) => repo.nextIds(db, n);
export const insertOrgs = (db: DbOrTx, rows: repo.OrgInsert[]) => repo.insertMany(db, rows);
export const insertOrgEvents = (db: DbOrTx, rows: Parameters<typeof repo.insertEvents>[1]) => repo.insertEvents(db, rows);
