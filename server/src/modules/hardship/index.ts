// Public surface of the hardship files module (困难职工档案).
import { hardshipCatalogue } from '@gonghui/common';
import { hardshipEvents, hardshipFiles } from '../../platform/db/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import './hardship.constraints.ts';
import { hardshipIndicatorProvider } from './hardship.indicators.ts';
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
