// Public surface of the orgs module.
import type { Db } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { registerOrgRoutes } from './orgs.routes.ts';
import { createOrgService } from './orgs.service.ts';

export function registerOrgsModule(app: HttpApp, db: Db) {
  const svc = createOrgService({ db });
  registerOrgRoutes(app, svc);
  return svc;
}
export { nameSearchFields } from './orgs.pinyin.ts';
export * as orgRepo from './orgs.repo.ts';
export { presentOrg } from './orgs.presenter.ts';
export type { OrgService } from './orgs.service.ts';
export { orgIndicatorProvider } from './orgs.indicators.ts';
