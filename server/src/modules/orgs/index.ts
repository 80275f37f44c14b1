// Public surface of the orgs module.
import type { Db } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { registerOrgRoutes } from './orgs.routes.ts';
import { createOrgService } from './orgs.service.ts';
import { registerScopeResolver } from '../../platform/authz/index.ts';
import { scopePaths } from './orgs.repo.ts';

export function registerOrgsModule(app: HttpApp, db: Db) {
  registerScopeResolver('org', scopePaths, { label: '组织' });
  const svc = createOrgService({ db });
  registerOrgRoutes(app, svc);
  return svc;
}
export { nameSearchFields } from './orgs.pinyin.ts';
/**
 * @deprecated The whole repository, kept only for members/transfers.service.ts while that is being rewritten (it
 * uses findById: switch it to findOrgById and delete this line). Everyone else uses the narrow functions below.
 */
export * as orgRepo from './orgs.repo.ts';
export {
  findOrgInScope,
  findOrgById,
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
export type { OrgService } from './orgs.service.ts';
export { orgIndicatorProvider } from './orgs.indicators.ts';
