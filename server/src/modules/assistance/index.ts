// Public surface of the assistance module: 帮扶救助 entries (a case type of the kernel, paid through the ledger),
// campaigns (送温暖 / 送清凉 / 金秋助学 / 救灾), their indicators and the 帮扶服务 summary theme.
import { assistanceCatalogue, EXPORT_UNMASKED_MAX_ROWS_DEFAULT } from '@gonghui/common';
import { assistanceEntries, campaigns } from '../../platform/db/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { assistanceIndicatorProvider } from './assistance.indicators.ts';
import { registerAssistanceRoutes } from './assistance.routes.ts';
import { createAssistanceService, type AssistanceService } from './assistance.service.ts';
import { assistanceSummaryThemes } from './assistance.summary.ts';
import { assistanceScopePaths, registerAssistanceCaseType } from './assistance.workflow.ts';
import { rewriteCampaignPaths, scopePaths as campaignScopePaths } from './campaigns.repo.ts';
import { registerBeneficiaryRoutes } from './beneficiaries.routes.ts';
import { createBeneficiaryService } from './beneficiaries.service.ts';
import { registerCampaignRoutes } from './campaigns.routes.ts';
import { createCampaignService } from './campaigns.service.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    assistance: AssistanceService;
  }
}

export const assistanceModule = defineModule({
  name: 'assistance',
  catalogue: assistanceCatalogue,
  tables: [assistanceEntries, campaigns],
  scopes: {
    assistance: { label: '帮扶救助', resolve: assistanceScopePaths },
    campaign: { label: '帮扶活动', resolve: campaignScopePaths },
  },
  indicators: assistanceIndicatorProvider,
  summaryThemes: assistanceSummaryThemes,
  async register({ app, db, settings, cases, service }) {
    service('orgs').onSubtreeMoved(rewriteCampaignPaths);
    const assistance = createAssistanceService({
      db,
      crypto: settings.crypto,
      cases: registerAssistanceCaseType(cases),
      exportMaxRows: settings.exportUnmaskedMaxRows ?? EXPORT_UNMASKED_MAX_ROWS_DEFAULT,
    });
    registerAssistanceRoutes(app, assistance);
    registerCampaignRoutes(app, createCampaignService({ db }));
    await registerBeneficiaryRoutes(app, createBeneficiaryService({ db, crypto: settings.crypto, assistance }));
    return assistance;
  },
});
export { ASSISTANCE_CIPHER_COLUMNS } from './assistance.service.ts';
export { assistanceSummaryThemes } from './assistance.summary.ts';
