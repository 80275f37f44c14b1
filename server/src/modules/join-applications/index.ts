// Public surface of the 网上入会 module (join-applications).
import { joinApplicationsCatalogue, JOIN_DEADLINE_DAYS_DEFAULT, maskPhone } from '@gonghui/common';
import { joinApplications } from '../../platform/db/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { joinIndicatorProvider } from './join-applications.indicators.ts';
import { registerJoinRoutes } from './join-applications.routes.ts';
import { createJoinService, type ApplicantNotifier, type JoinService } from './join-applications.service.ts';
import { joinScopePaths, registerJoinCaseType } from './join-applications.workflow.ts';
import { openApplicant } from './join-applications.cipher.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    'join-applications': JoinService;
  }
}

export const joinApplicationsModule = defineModule({
  name: 'join-applications',
  catalogue: joinApplicationsCatalogue,
  tables: [joinApplications],
  scopes: { join_application: { label: '入会申请', resolve: joinScopePaths } },
  indicators: joinIndicatorProvider,
  register({ app, db, settings, cases, service }) {
    const members = service('members');
    // Until an SMS gateway is wired in, the text is logged with the phone masked.
    const logged: ApplicantNotifier = {
      send: async (phone, text) => app.log.info({ phone: maskPhone(phone), text }, 'join application: applicant notice'),
    };
    const kind = registerJoinCaseType(cases, {
      applicantOf: (a) => openApplicant(settings.crypto, a),
      createMember: (tx, ctx, input) => members.createIn(tx, ctx, input),
    });
    const join = createJoinService({
      db,
      crypto: settings.crypto,
      cases: kind,
      orgs: service('orgs'),
      notifier: settings.applicantNotifier ?? logged,
      deadlineDays: settings.joinDeadlineDays ?? JOIN_DEADLINE_DAYS_DEFAULT,
      log: app.log,
    });
    registerJoinRoutes(app, join);
    return join;
  },
});
export { JOIN_CIPHER_COLUMNS } from './join-applications.cipher.ts';
export { JOIN_INDICATORS } from './join-applications.indicators.ts';
export type { ApplicantNotifier } from './join-applications.service.ts';
