// Public surface of the statistics module: the indicator catalogue, statistics, trends and targets.
import type { Db } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { IndicatorProvider } from '../../platform/indicators/index.ts';
import type { OrgService } from '../orgs/index.ts';
import { registerStatsRoutes } from './stats.routes.ts';
import { createStatsService } from './stats.service.ts';
import { registerTargetRoutes } from './targets.routes.ts';
import { createTargetService } from './targets.service.ts';

export function registerStatsModule(app: HttpApp, db: Db, orgs: OrgService, providers: IndicatorProvider[]) {
  const stats = createStatsService({ db, orgs, providers });
  const targets = createTargetService({ db, stats });
  registerStatsRoutes(app, stats);
  registerTargetRoutes(app, targets);
  return { stats, targets };
}
export type { StatsService, OrgRef } from './stats.service.ts';
export type { TargetService } from './targets.service.ts';
export { yearWindow, timeProgress, yearEarlier } from './targets.service.ts';
