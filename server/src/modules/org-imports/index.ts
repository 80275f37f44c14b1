// Public surface of the 组织名册 import: cadres create or update the unions of their subtree from one Excel file,
// checked first (预检) and then written all or nothing, as jobs of the one job service.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { orgImportsCatalogue } from '@gonghui/common';
import { asSystem, orgImports } from '../../platform/db/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { jobRepo } from '../../platform/jobs/index.ts';
import { ORG_IMPORT_JOB_KIND, orgImportJob } from './org-imports.job.ts';
import { scopePaths } from './org-imports.repo.ts';
import { registerOrgImportRoutes } from './org-imports.routes.ts';
import { createOrgImportService } from './org-imports.service.ts';

export { MAX_ORG_ROWS } from './org-imports.job.ts';

export const orgImportsModule = defineModule({
  name: 'org-imports',
  catalogue: orgImportsCatalogue,
  tables: [orgImports],
  scopes: { org_import: { label: '组织导入', resolve: scopePaths } },
  async register({ app, db, settings, jobs }) {
    // Files wait beside their job in DATA_DIR/org-uploads (a temporary directory without DATA_DIR).
    const dir = settings.dataDir ? path.join(settings.dataDir, 'org-uploads') : fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-orgs-'));
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!settings.dataDir) app.addHook('onClose', () => fs.rmSync(dir, { recursive: true, force: true }));
    // At start: files of jobs that have ended (a crash between the end and the delete) and stale partial uploads go.
    app.addHook('onReady', async () => {
      const active = new Set((await asSystem(() => jobRepo.activeIds(db, ORG_IMPORT_JOB_KIND))).map((id) => `${id}.xlsx`));
      for (const name of await fs.promises.readdir(dir)) {
        const file = path.join(dir, name);
        const stale = name.endsWith('.part') && Date.now() - (await fs.promises.stat(file)).mtimeMs > 3600_000;
        if (stale || (/^\d+\.xlsx$/.test(name) && !active.has(name))) await fs.promises.rm(file, { force: true });
      }
    });
    const fileOf = (jobId: number) => path.join(dir, `${jobId}.xlsx`);
    const kind = jobs.define(ORG_IMPORT_JOB_KIND, orgImportJob({ db, fileOf }));
    await registerOrgImportRoutes(app, createOrgImportService({ db, jobs, kind, fileOf }), dir);
  },
});
