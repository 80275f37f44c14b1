// Public surface of the hardship files module (困难职工档案).
import { hardshipCatalogue } from '@gonghui/common';
import { hardshipEvents, hardshipFiles, type DbOrTx } from '../../platform/db/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import './hardship.constraints.ts';
import { hardshipIndicatorProvider } from './hardship.indicators.ts';
import { fileInScope, rewriteFilePaths } from './hardship.repo.ts';
import { registerHardshipRoutes } from './hardship.routes.ts';
import { createHardshipService, type HardshipService } from './hardship.service.ts';
import { hardshipScopePaths, registerHardshipCaseType } from './hardship.workflow.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    hardship: HardshipService;
  }
}

export const hardshipModule = defineModule({
  name: 'hardship',
  catalogue: hardshipCatalogue,
  tables: [hardshipFiles, hardshipEvents],
  scopes: { hardship_file: { label: '困难职工档案', resolve: hardshipScopePaths } },
  indicators: hardshipIndicatorProvider,
  register({ app, db, settings, cases, service }) {
    service('orgs').onSubtreeMoved(rewriteFilePaths);
    const files = createHardshipService({
      db,
      crypto: settings.crypto,
      cases: registerHardshipCaseType(cases),
      members: service('members'),
    });
    registerHardshipRoutes(app, files);
    return files;
  },
});
export { HARDSHIP_CIPHER_COLUMNS } from './hardship.service.ts';
export { HARDSHIP_INDICATORS } from './hardship.indicators.ts';

/** Statuses of a file on record (在档): approved and not exited; one due for review is still on file. */
const ON_FILE = ['active', 'review_due'];

/**
 * Whether a hardship file may be linked to a payment to this person: `ok`, or why not — `missing` (no such file
 * in the caller's subtree), `inactive` (not on file: draft, pending, rejected or exited) or `other_person` (the
 * file is another person's ID number).
 */
export async function findActiveFileOfPerson(
  tx: DbOrTx,
  scopePath: string,
  fileId: number,
  idHash: string,
): Promise<'ok' | 'missing' | 'inactive' | 'other_person'> {
  const f = await fileInScope(tx, scopePath, fileId);
  if (!f) return 'missing';
  if (!ON_FILE.includes(f.status)) return 'inactive';
  return f.idHash === idHash ? 'ok' : 'other_person';
}
