// Public surface of the member registry module.
import { EXPORT_UNMASKED_MAX_ROWS_DEFAULT, membersCatalogue, TRANSFER_EXPIRY_WORKING_DAYS_DEFAULT } from '@gonghui/common';
import { dataKeys, exportRequests, memberEvents, memberFlowMonths, memberPathCounts, members } from '../../platform/db/index.ts';
import { scopePaths as memberScopePaths } from './members.repo.ts';
import { scopePaths as exportRequestScopePaths } from './export-requests.repo.ts';
import { transferScopePaths } from './transfers.workflow.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { memberIndicatorProvider } from './members.indicators.ts';
import { memberSummaryThemes } from './members.summary.ts';
import { createCardService } from './members.card.ts';
import { registerMemberRoutes } from './members.routes.ts';
import { createMemberService, type MemberService } from './members.service.ts';
import { rewriteOrgPaths } from './members.repo.ts';
import { shiftFlowMonths } from './members.flows.ts';
import { registerCardRoutes } from './cards.routes.ts';
import { registerCardVerifyPage } from './card-verify.page.ts';
import { registerTransferRoutes } from './transfers.routes.ts';
import { createTransferService } from './transfers.service.ts';
import { registerTransferCaseType } from './transfers.workflow.ts';
import { registerExportRequestRoutes } from './export-requests.routes.ts';
import { createExportRequestService } from './export-requests.service.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    members: MemberService;
  }
}

export const membersModule = defineModule({
  name: 'members',
  catalogue: membersCatalogue,
  // data_keys hold the wrapped keys the members' personal data is encrypted with.
  tables: [members, memberEvents, memberFlowMonths, memberPathCounts, exportRequests, dataKeys],
  scopes: {
    member: { label: '会员', resolve: memberScopePaths },
    transfer: { label: '接转申请', resolve: transferScopePaths },
    export_request: { label: '导出申请', resolve: exportRequestScopePaths },
  },
  indicators: memberIndicatorProvider,
  summaryThemes: memberSummaryThemes,
  register({ app, db, settings, cases, service }) {
    const { crypto } = settings;
    const members = createMemberService({ db, crypto });
    const orgs = service('orgs');
    orgs.onSubtreeMoved(rewriteOrgPaths);
    orgs.onSubtreeMoved(shiftFlowMonths);
    const transfers = createTransferService({
      db,
      cases: registerTransferCaseType(cases),
      expiryWorkingDays: settings.transferExpiryWorkingDays ?? TRANSFER_EXPIRY_WORKING_DAYS_DEFAULT,
    });
    registerMemberRoutes(app, members, transfers);
    registerTransferRoutes(app, transfers);
    const cards = createCardService({ db, crypto });
    registerCardRoutes(app, members, cards);
    registerCardVerifyPage(app, cards);
    const maxRows = settings.exportUnmaskedMaxRows ?? EXPORT_UNMASKED_MAX_ROWS_DEFAULT;
    registerExportRequestRoutes(app, createExportRequestService({ db, crypto, members, maxRows }));
    return members;
  },
});
export {
  findMembersByIdHashes,
  publishStagedMembers,
  publishStagedInserts,
  publishStagedPatches,
  withdrawPublishedMembers,
  stagedMember,
  stagedPatch,
  type ExistingMember,
  type NewMember,
  type MemberPatch,
  type StagedMember,
  type StagedMemberPatch,
} from './members.bulk.ts';
export { nextMemberIds, insertMembers, insertMemberEvents, type MemberInsert } from './members.queries.ts';
export { identityFields, cipherFields, phoneCipherOf, cardNoOf, MEMBER_CIPHER_COLUMNS, type PersonSecret } from './members.record.ts';
export { memberSummaryThemes } from './members.summary.ts';
export { memberApplicant, type MemberApplicant } from './members.applicant.ts';
export { createCardService, CARD_TOKEN_TTL_S, type CardService } from './members.card.ts';
