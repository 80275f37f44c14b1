// Public surface of the reports module: work summaries drafted from the statistics.
import { reportsCatalogue } from '@gonghui/common';
import { workSummaries } from '../../platform/db/index.ts';
import { scopePaths } from './reports.repo.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { registerReportRoutes } from './reports.routes.ts';
import { createReportService, type ReportService } from './reports.service.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    reports: ReportService;
  }
}

export const reportsModule = defineModule({
  name: 'reports',
  catalogue: reportsCatalogue,
  tables: [workSummaries],
  scopes: { summary: { label: '工作总结', resolve: scopePaths } },
  register({ app, db, service, summaryThemes }) {
    const svc = createReportService({ db, ...service('stats'), summaryThemes });
    registerReportRoutes(app, svc);
    return svc;
  },
});
/** Where the Noto CJK fonts documents embed are found (empty without them): the no-egress test skips downloads then. */
export { cjkFontPaths } from './render/fonts.ts';
