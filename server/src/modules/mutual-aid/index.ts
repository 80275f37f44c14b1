// Public surface of the mutual-aid module (医疗互助): yearly plans with classes and payout rules, quotas, enrolment
// by unit, claims (a case type of the kernel, paid through the ledger), their indicators and the 互助保障 theme.
import { EXPORT_UNMASKED_MAX_ROWS_DEFAULT, mutualAidCatalogue } from '@gonghui/common';
import { mutualAidClaims, mutualAidEnrolments, mutualAidPlans, mutualAidQuotas } from '../../platform/db/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import './mutual-aid.constraints.ts';
import { createClaimService, type ClaimService } from './claims.service.ts';
import { mutualAidIndicatorProvider } from './mutual-aid.indicators.ts';
import { registerMutualAidRoutes } from './mutual-aid.routes.ts';
import { mutualAidSummaryThemes } from './mutual-aid.summary.ts';
import { mutualAidClaimScopePaths, registerMutualAidCaseType } from './mutual-aid.workflow.ts';
import { enrolmentScopePaths, planScopePaths, rewritePlanPaths } from './plans.repo.ts';
import { createPlanService } from './plans.service.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    'mutual-aid': ClaimService;
  }
}

export const mutualAidModule = defineModule({
  name: 'mutual-aid',
  catalogue: mutualAidCatalogue,
  tables: [mutualAidPlans, mutualAidQuotas, mutualAidEnrolments, mutualAidClaims],
  scopes: {
    mutual_aid_plan: { label: '医疗互助计划', resolve: planScopePaths },
    mutual_aid_enrolment: { label: '医疗互助参保', resolve: enrolmentScopePaths },
    mutual_aid_claim: { label: '医疗互助报销', resolve: mutualAidClaimScopePaths },
  },
  indicators: mutualAidIndicatorProvider,
  summaryThemes: mutualAidSummaryThemes,
  register({ app, db, settings, cases, service }) {
    service('orgs').onSubtreeMoved(rewritePlanPaths);
    const plans = createPlanService({ db });
    const claims = createClaimService({
      db,
      crypto: settings.crypto,
      cases: registerMutualAidCaseType(cases),
      members: service('members'),
      plans,
      exportMaxRows: settings.exportUnmaskedMaxRows ?? EXPORT_UNMASKED_MAX_ROWS_DEFAULT,
    });
    registerMutualAidRoutes(app, plans, claims);
    return claims;
  },
});
export { MUTUAL_AID_CIPHER_COLUMNS } from './claims.service.ts';
export { mutualAidSummaryThemes } from './mutual-aid.summary.ts';
