// Public surface of 我的申请 (member-cases): the member portal's applications on the owning modules' case types. It
// owns no table and registers no route yet: the member portal's routes call its service.
import { memberCasesCatalogue } from '@gonghui/common';
import { defineModule } from '../../platform/contract/index.ts';
import { memberApplicant } from '../members/index.ts';
import { createMemberCaseService, type MemberCaseService } from './member-cases.service.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    'member-cases': MemberCaseService;
  }
}

export const memberCasesModule = defineModule({
  name: 'member-cases',
  catalogue: memberCasesCatalogue,
  tables: [],
  register({ db, settings, cases, service }) {
    return createMemberCaseService({
      db,
      kernel: cases.members,
      applicant: (memberId) => memberApplicant(db, settings.crypto, memberId),
      hardship: service('hardship'),
      mutualAid: service('mutual-aid'),
      rights: service('rights').cases,
      appeals: service('appeals'),
    });
  },
});
export type { MemberCaseService } from './member-cases.service.ts';
export type { MemberCaseDetail, MemberCaseSummary } from './member-cases.presenter.ts';
