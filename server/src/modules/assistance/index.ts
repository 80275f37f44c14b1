// Public surface of the assistance module: 帮扶救助 entries (a case type of the kernel, paid through the ledger),
// campaigns (送温暖 / 送清凉 / 金秋助学 / 救灾), their indicators and the 帮扶服务 summary theme.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assistanceCatalogue, EXPORT_UNMASKED_MAX_ROWS_DEFAULT } from '@gonghui/common';
import {
  asSystem,
  assistanceEntries,
  assistanceMonthSums,
  beneficiaryImportRows,
  beneficiaryImports,
  campaigns,
} from '../../platform/db/index.ts';
import { jobRepo } from '../../platform/jobs/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { assistanceIndicatorProvider } from './assistance.indicators.ts';
import { registerAssistanceRoutes } from './assistance.routes.ts';
import { createAssistanceService, type AssistanceService } from './assistance.service.ts';
import { assistanceSummaryThemes } from './assistance.summary.ts';
import { assistanceScopePaths, registerAssistanceCaseType } from './assistance.workflow.ts';
import { rewriteCampaignPaths, scopePaths as campaignScopePaths } from './campaigns.repo.ts';
import { rewriteEntryPaths } from './assistance.repo.ts';
import { registerBeneficiaryRoutes } from './beneficiaries.routes.ts';
import { BENEFICIARY_JOB_KIND, beneficiaryJob } from './beneficiaries.job.ts';
import { scopePaths as beneficiaryImportScopePaths } from './beneficiaries.repo.ts';
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
  tables: [assistanceEntries, assistanceMonthSums, campaigns, beneficiaryImports, beneficiaryImportRows],
  scopes: {
    assistance: { label: '帮扶救助', resolve: assistanceScopePaths },
    campaign: { label: '帮扶活动', resolve: campaignScopePaths },
    beneficiary_import: { label: '受助名单导入', resolve: beneficiaryImportScopePaths },
  },
  indicators: assistanceIndicatorProvider,
  summaryThemes: assistanceSummaryThemes,
  async register({ app, db, settings, cases, jobs, service }) {
    service('orgs').onSubtreeMoved(rewriteCampaignPaths);
    service('orgs').onSubtreeMoved(rewriteEntryPaths);
    const assistance = createAssistanceService({
      db,
      crypto: settings.crypto,
      cases: registerAssistanceCaseType(cases),
      exportMaxRows: settings.exportUnmaskedMaxRows ?? EXPORT_UNMASKED_MAX_ROWS_DEFAULT,
    });
    registerAssistanceRoutes(app, assistance);
    registerCampaignRoutes(app, createCampaignService({ db }));
    // Lists wait beside their job in DATA_DIR/beneficiary-uploads (a temporary directory without DATA_DIR); the
    // member import owns DATA_DIR/uploads and its sweep.
    const dir = settings.dataDir
      ? path.join(settings.dataDir, 'beneficiary-uploads')
      : fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-lists-'));
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!settings.dataDir) app.addHook('onClose', () => fs.rmSync(dir, { recursive: true, force: true }));
    // At start: lists of jobs that have ended (a crash between the end and the delete) and stale partial uploads go.
    app.addHook('onReady', async () => {
      const active = new Set((await asSystem(() => jobRepo.activeIds(db, BENEFICIARY_JOB_KIND))).map((id) => `${id}.xlsx`));
      for (const name of await fs.promises.readdir(dir)) {
        const file = path.join(dir, name);
        const stale = name.endsWith('.part') && Date.now() - (await fs.promises.stat(file)).mtimeMs > 3600_000;
        if (stale || (/^\d+\.xlsx$/.test(name) && !active.has(name))) await fs.promises.rm(file, { force: true });
      }
    });
    const fileOf = (jobId: number) => path.join(dir, `${jobId}.xlsx`);
    const kind = jobs.define(BENEFICIARY_JOB_KIND, beneficiaryJob({ db, crypto: settings.crypto, assistance, fileOf }));
    await registerBeneficiaryRoutes(app, createBeneficiaryService({ db, crypto: settings.crypto, jobs, kind, fileOf }), dir);
    return assistance;
  },
});
export { ASSISTANCE_CIPHER_COLUMNS } from './assistance.service.ts';
export { BENEFICIARY_IMPORT_CIPHER_COLUMNS } from './beneficiaries.repo.ts';
export { assistanceSummaryThemes } from './assistance.summary.ts';
