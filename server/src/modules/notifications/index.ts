// Public surface of the notifications module: an in-app inbox fed by the case kernel. After each case step the
// kernel tells its listeners which orgs' cadres should hear of it; this module enqueues a `notify` job in the step's
// transaction (rolled back with it), and the job writes one row per cadre.
import { notificationsCatalogue } from '@gonghui/common';
import { notifications } from '../../platform/db/index.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { NOTIFY_KIND, notifyJob, titleOf } from './notifications.job.ts';
import { registerNotificationRoutes } from './notifications.routes.ts';
import { createNotificationService } from './notifications.service.ts';

export const notificationsModule = defineModule({
  name: 'notifications',
  catalogue: notificationsCatalogue,
  tables: [notifications],
  register({ app, db, jobs, cases }) {
    const notify = jobs.define(NOTIFY_KIND, notifyJob());
    cases.onStep(async (tx, e) => {
      // One job per reason, so each recipient reads the title that concerns them.
      for (const reason of ['awaiting', 'outcome', 'escalation'] as const) {
        const recipients = e.notices.filter((n) => n.reason === reason).map(({ orgId, permissions }) => ({ orgId, permissions }));
        if (!recipients.length) continue;
        await jobs.enqueue(tx, notify, {
          title: titleOf(e, reason),
          caseType: e.type,
          caseId: e.caseId,
          link: e.link,
          exceptUserId: e.actorId,
          recipients,
        });
      }
    });
    registerNotificationRoutes(app, createNotificationService({ db }));
  },
});
