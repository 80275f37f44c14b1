// Public surface of the statistics module: the indicator catalogue, statistics, trends and targets.
import { statsCatalogue } from '@gonghui/common';
import { targets as targetsTable } from '../../platform/db/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { registerStatsRoutes } from './stats.routes.ts';
import { createStatsService, type StatsService } from './stats.service.ts';
import { registerTargetRoutes } from './targets.routes.ts';
import { createTargetService, type TargetService } from './targets.service.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    stats: { stats: StatsService; targets: TargetService };
  }
}

export const statsModule = defineModule({
  name: 'stats',
  catalogue: statsCatalogue,
  tables: [targetsTable],
  register({ app, db, indicators, service }) {
    const stats = createStatsService({ db, orgs: service('orgs'), providers: [...indicators] });
    const targets = createTargetService({ db, stats });
    registerStatsRoutes(app, stats);
    registerTargetRoutes(app, targets);
    return { stats, targets };
  },
});
export type { StatsService, OrgRef } from './stats.service.ts';
export type { TargetService } from './targets.service.ts';
export { yearWindow, timeProgress, yearEarlier } from './targets.service.ts';
