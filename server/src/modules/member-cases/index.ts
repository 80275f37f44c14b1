// Public surface of 我的申请 (member-cases): the member portal's applications on the owning modules' case types. It
// owns no table; its routes (/api/v1/h5/cases) are member-only, authenticated by the member portal's session.
import { memberCasesCatalogue } from '@gonghui/common';
import { defineModule } from '../../platform/contract/index.ts';
import { memberApplicant } from '../members/index.ts';
import { createMemberCaseService, type MemberCaseService } from './member-cases.service.ts';
import { registerMemberCaseRoutes } from './member-cases.routes.ts';
import { memberNoticeListener } from './member-cases.notify.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    'member-cases': MemberCaseService;
  }
}

export const memberCasesModule = defineModule({
  name: 'member-cases',
  catalogue: memberCasesCatalogue,
  tables: [],
  register({ app, db, settings, cases, service, messages }) {
    const svc = createMemberCaseService({
      db,
      kernel: cases.members,
      uploads: () => cases.memberUploads(),
      applicant: (memberId) => memberApplicant(db, settings.crypto, memberId),
      hardship: service('hardship'),
      mutualAid: service('mutual-aid'),
      rights: service('rights').cases,
      appeals: service('appeals'),
      corrections: service('data-corrections'),
    });
    registerMemberCaseRoutes(app, svc);
    // The member hears back when a cadre acts on their application (a text after commit, never failing the action).
    const phoneOf = async (memberId: number) => (await memberApplicant(db, settings.crypto, memberId)).phone;
    cases.onStep(memberNoticeListener({ messages, phoneOf, log: app.log }));
    return svc;
  },
});
export type { MemberCaseService } from './member-cases.service.ts';
export type { MemberCaseDetail, MemberCaseSummary } from './member-cases.presenter.ts';
