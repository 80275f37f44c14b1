// What other modules, bootstrap and test kits may ask of the members module: narrow functions over the
// repository, never the repository itself (docs/ARCHITECTURE.md, "Boundaries").
import type { DbOrTx } from '../../platform/db/index.ts';
import * as repo from './members.repo.ts';

export type { MemberInsert } from './members.repo.ts';

/** n fresh member ids from the members' sequence (an import numbers its new members before publishing them). */
export const nextMemberIds = (db: DbOrTx, n: number) => repo.nextIds(db, n);

/** Seeding (demo data): member rows and their events, written as given. */
export const insertMembers = (db: DbOrTx, rows: repo.MemberInsert[]) => repo.insertMany(db, rows);
export const insertMemberEvents = (db: DbOrTx, rows: Parameters<typeof repo.insertEvents>[1]) => repo.insertEvents(db, rows);
