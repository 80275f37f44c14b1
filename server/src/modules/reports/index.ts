// Public surface of the reports module: work summaries drafted from the statistics.
import type { Db } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { StatsService, TargetService } from '../stats/index.ts';
import { registerReportRoutes } from './reports.routes.ts';
import { createReportService } from './reports.service.ts';
import { registerScopeResolver } from '../../platform/authz/index.ts';
import { scopePaths } from './reports.repo.ts';

export function registerReportsModule(app: HttpApp, db: Db, deps: { stats: StatsService; targets: TargetService }) {
  registerScopeResolver('summary', scopePaths, { label: '工作总结' });
  const svc = createReportService({ db, ...deps });
  registerReportRoutes(app, svc);
  return svc;
}
/** Where the Noto CJK fonts documents embed are found (empty without them): the no-egress test skips downloads then. */
export { cjkFontPaths } from './render/fonts.ts';
