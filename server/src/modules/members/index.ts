// Public surface of the member registry module.
import type { Db } from '../../platform/db/index.ts';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { OrgService } from '../orgs/index.ts';
import { createCardService } from './members.card.ts';
import { registerMemberRoutes } from './members.routes.ts';
import { createMemberService } from './members.service.ts';
import { rewriteOrgPaths } from './members.repo.ts';
import { shiftFlowMonths } from './members.flows.ts';
import { registerCardRoutes } from './cards.routes.ts';
import { registerTransferRoutes } from './transfers.routes.ts';
import { createTransferService } from './transfers.service.ts';
import { registerTransferCaseType } from './transfers.workflow.ts';
import type { CaseKernel } from '../../platform/cases/index.ts';
import { registerExportRequestRoutes } from './export-requests.routes.ts';
import { createExportRequestService } from './export-requests.service.ts';
import { registerScopeResolver } from '../../platform/authz/index.ts';
import { scopePaths as memberScopePaths } from './members.repo.ts';
import { scopePaths as exportRequestScopePaths } from './export-requests.repo.ts';
import { transferScopePaths } from './transfers.workflow.ts';

export function registerMembersModule(
  app: HttpApp,
  db: Db,
  crypto: FieldCrypto,
  orgs: OrgService,
  cases: CaseKernel,
  opts: { exportUnmaskedMaxRows: number; transferExpiryWorkingDays: number },
) {
  registerScopeResolver('member', memberScopePaths, { label: '会员' });
  registerScopeResolver('transfer', transferScopePaths, { label: '接转申请' });
  registerScopeResolver('export_request', exportRequestScopePaths, { label: '导出申请' });
  const members = createMemberService({ db, crypto });
  orgs.onSubtreeMoved(rewriteOrgPaths);
  orgs.onSubtreeMoved(shiftFlowMonths);
  const transfers = createTransferService({
    db,
    cases: registerTransferCaseType(cases),
    expiryWorkingDays: opts.transferExpiryWorkingDays,
  });
  registerMemberRoutes(app, members, transfers);
  registerTransferRoutes(app, transfers);
  registerCardRoutes(app, members, createCardService({ db, crypto }));
  registerExportRequestRoutes(app, createExportRequestService({ db, crypto, members, maxRows: opts.exportUnmaskedMaxRows }));
  return members;
}
export { nextMemberIds, insertMembers, insertMemberEvents, type MemberInsert } from './members.queries.ts';
export { identityFields, cipherFields, phoneCipherOf, cardNoOf, MEMBER_CIPHER_COLUMNS, type PersonSecret } from './members.record.ts';
export { memberIndicatorProvider } from './members.indicators.ts';
