// Public surface of the rights module (维权): rights cases and 工伤探视 reports (case types of the kernel), the
// lawyer/mediator roster, their indicators and the 维护职工合法权益 summary theme.
import { EXPORT_UNMASKED_MAX_ROWS_DEFAULT, rightsCatalogue } from '@gonghui/common';
import { injuryReports, rightsCases, rightsRoster } from '../../platform/db/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { registerInjuryRoutes } from './injury.routes.ts';
import { createInjuryService, type InjuryService } from './injury.service.ts';
import { injuryScopePaths, registerInjuryCaseType } from './injury.workflow.ts';
import { rightsIndicatorProvider } from './rights.indicators.ts';
import { rewriteRosterPaths, rosterScopePaths } from './rights.repo.ts';
import { registerRightsRoutes } from './rights.routes.ts';
import { createRightsService, type RightsService } from './rights.service.ts';
import { rightsSummaryThemes } from './rights.summary.ts';
import { registerRightsCaseType, rightsScopePaths } from './rights.workflow.ts';
import { registerRosterRoutes } from './roster.routes.ts';
import { createRosterService } from './roster.service.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    rights: { cases: RightsService; injuries: InjuryService };
  }
}

export const rightsModule = defineModule({
  name: 'rights',
  catalogue: rightsCatalogue,
  tables: [rightsCases, rightsRoster, injuryReports],
  scopes: {
    rights_case: { label: '维权案件', resolve: rightsScopePaths },
    rights_roster: { label: '律师调解员', resolve: (db, id) => rosterScopePaths(db, id) },
    injury_report: { label: '工伤探视', resolve: injuryScopePaths },
  },
  indicators: rightsIndicatorProvider,
  summaryThemes: rightsSummaryThemes,
  register({ app, db, settings, cases, service }) {
    service('orgs').onSubtreeMoved(rewriteRosterPaths);
    const rights = createRightsService({
      db,
      crypto: settings.crypto,
      cases: registerRightsCaseType(cases),
      exportMaxRows: settings.exportUnmaskedMaxRows ?? EXPORT_UNMASKED_MAX_ROWS_DEFAULT,
    });
    const injuries = createInjuryService({ db, crypto: settings.crypto, cases: registerInjuryCaseType(cases) });
    registerRightsRoutes(app, rights);
    registerRosterRoutes(app, createRosterService({ db, crypto: settings.crypto }));
    registerInjuryRoutes(app, injuries);
    return { cases: rights, injuries };
  },
});
export { RIGHTS_CIPHER_COLUMNS } from './rights.service.ts';
export { rightsSummaryThemes } from './rights.summary.ts';
