// Public surface of the 职工诉求 module (appeals).
import { appealsCatalogue } from '@gonghui/common';
import { appeals } from '../../platform/db/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { appealIndicatorProvider } from './appeals.indicators.ts';
import { registerAppealRoutes } from './appeals.routes.ts';
import { createAppealsService, type AppealsService } from './appeals.service.ts';
import { appealsSummaryThemes } from './appeals.summary.ts';
import { appealScopePaths, registerAppealCaseType } from './appeals.workflow.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    appeals: AppealsService;
  }
}

export const appealsModule = defineModule({
  name: 'appeals',
  catalogue: appealsCatalogue,
  tables: [appeals],
  scopes: { appeal: { label: '职工诉求', resolve: appealScopePaths } },
  indicators: appealIndicatorProvider,
  summaryThemes: appealsSummaryThemes,
  register({ app, db, settings, cases }) {
    const service = createAppealsService({ db, crypto: settings.crypto, cases: registerAppealCaseType(cases) });
    registerAppealRoutes(app, service);
    return service;
  },
});
export { APPEAL_CIPHER_COLUMNS } from './appeals.service.ts';
export { APPEAL_INDICATORS } from './appeals.indicators.ts';
export { appealsSummaryThemes } from './appeals.summary.ts';
