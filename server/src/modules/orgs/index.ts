// Public surface of the orgs module.
import { orgsCatalogue } from '@gonghui/common';
import { orgEvents, orgs } from '../../platform/db/index.ts';
import { scopePaths } from './orgs.repo.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { orgIndicatorProvider } from './orgs.indicators.ts';
import { orgSummaryThemes } from './orgs.summary.ts';
import { registerOrgRoutes } from './orgs.routes.ts';
import { createOrgService, type OrgService } from './orgs.service.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    orgs: OrgService;
  }
}

export const orgsModule = defineModule({
  name: 'orgs',
  catalogue: orgsCatalogue,
  tables: [orgs, orgEvents],
  scopes: { org: { label: '组织', resolve: scopePaths } },
  indicators: orgIndicatorProvider,
  summaryThemes: orgSummaryThemes,
  register({ app, db, cases }) {
    const svc = createOrgService({ db });
    svc.onSubtreeMoved(cases.rewriteCasePaths);
    registerOrgRoutes(app, svc);
    return svc;
  },
});
export { nameSearchFields } from './orgs.pinyin.ts';
export {
  findOrgInScope,
  findOrgById,
  orgNamesByIds,
  setOrgMfaPolicy,
  hasAnyOrg,
  nextOrgIds,
  insertOrgs,
  insertOrgEvents,
  type OrgRow,
  type OrgInsert,
  type OrgWithCount,
} from './orgs.queries.ts';
export { presentOrg } from './orgs.presenter.ts';
/** The 组织名册 import's access to the tree: read the subtree and code holders, write a checked plan set-based. */
export {
  applyBulk as applyOrgPlan,
  lockBulk as lockOrgImports,
  subtreeForImport,
  usccHolders,
  type BulkCreate,
  type BulkPlan,
  type OrgDetails,
  type ParentRef,
  type TreeOrg,
} from './orgs.bulk.ts';
export type { OrgService } from './orgs.service.ts';
export { orgSummaryThemes } from './orgs.summary.ts';
