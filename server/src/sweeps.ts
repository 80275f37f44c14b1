// The server's recurring sweeps as scheduled kinds of the one job service: each runs once per interval across every
// process on the database (the job row's lease decides who runs it), as the system. Enabled by main.ts only; route
// tests run the sweeps themselves when they need them.
import { z } from 'zod';
import { IDLE_TIMEOUT_MS, sessionRepo } from './platform/authz/index.ts';
import type { CaseKernel } from './platform/cases/index.ts';
import { maintainEmbedded, type Db } from './platform/db/index.ts';
import type { JobService } from './platform/jobs/index.ts';
import { disableDormantUsers, pruneLoginThrottle } from './modules/auth/index.ts';
import { pruneMemberPortal } from './modules/member-portal/index.ts';
import { pruneMemberUploads } from './platform/files/index.ts';

export const SWEEP_INTERVALS = {
  /** Sessions idle past the timeout are refused on use anyway; this keeps the table small. */
  session_prune: 15 * 60_000,
  /** Old throttle rows no longer count. */
  login_throttle_prune: 15 * 60_000,
  /** Member sessions past their timeouts and SMS code requests older than the hourly limit window. */
  member_portal_prune: 15 * 60_000,
  /** Members' portal uploads never adopted by an application within a day are hidden. */
  member_upload_prune: 3600_000,
  /** DORMANT_DAYS: accounts nobody has used for that long are disabled (audited); login checks it too. */
  dormant_sweep: 3600_000,
  /** Cases past their due working day: marked overdue (the parent org is told) and, where the type says so, expired. */
  case_overdue: 10 * 60_000,
  /** PGlite only (no autovacuum): VACUUM / ANALYZE the tables past autovacuum's thresholds. */
  db_maintenance: 10 * 60_000,
} as const;

const ZNone = z.object({});

export interface SweepOptions {
  db: Db;
  cases: CaseKernel;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  dormantDays: number;
  /** The embedded database has no autovacuum: a sweep stands in for it. */
  embedded?: boolean;
}

export function defineSweeps(jobs: JobService, { db, cases, log, dormantDays, embedded }: SweepOptions): void {
  jobs.define('session_prune', {
    payload: ZNone,
    every: SWEEP_INTERVALS.session_prune,
    run: async () => void (await sessionRepo.deleteExpiredSessions(db, new Date(Date.now() - IDLE_TIMEOUT_MS))),
  });
  jobs.define('login_throttle_prune', {
    payload: ZNone,
    every: SWEEP_INTERVALS.login_throttle_prune,
    run: async () => void (await pruneLoginThrottle(db)),
  });
  jobs.define('member_portal_prune', {
    payload: ZNone,
    every: SWEEP_INTERVALS.member_portal_prune,
    run: async () => void (await pruneMemberPortal(db)),
  });
  jobs.define('member_upload_prune', {
    payload: ZNone,
    every: SWEEP_INTERVALS.member_upload_prune,
    run: async () => void (await pruneMemberUploads(db)),
  });
  if (dormantDays > 0) {
    jobs.define('dormant_sweep', {
      payload: ZNone,
      every: SWEEP_INTERVALS.dormant_sweep,
      run: async () => void (await disableDormantUsers(db, dormantDays)),
    });
  }
  jobs.define('case_overdue', {
    payload: ZNone,
    every: SWEEP_INTERVALS.case_overdue,
    run: async () => {
      // Each case changes in its own transaction; a case that could not be changed is retried at the next run.
      const r = await cases.sweepOverdue();
      if (r.failed) log.warn(r, 'overdue case sweep: some cases could not be changed (retried next sweep)');
      else if (r.marked || r.acted) log.info(r, 'overdue cases swept');
    },
  });
  if (embedded) {
    jobs.define('db_maintenance', {
      payload: ZNone,
      every: SWEEP_INTERVALS.db_maintenance,
      run: async () => {
        const r = await maintainEmbedded(db);
        if (r.vacuumed.length || r.analyzed.length) log.info(r, 'embedded database maintenance');
      },
    });
  }
}
