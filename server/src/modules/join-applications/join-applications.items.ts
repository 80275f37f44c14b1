// A page of applications made ready for presenting, once the caller has been scoped to them: the union's name, the
// working-day calendar of the SLA clock and the card number of an approved applicant; and the stand-in actor of the
// public application (no account: the applicant is nobody the system knows yet).
import { todayCst } from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import { addCalendarDays, loadCalendar, type WorkCalendar } from '../../platform/cases/index.ts';
import { asSystem, type DbOrTx } from '../../platform/db/index.ts';
import { orgNamesByIds } from '../orgs/index.ts';
import * as repo from './join-applications.repo.ts';

export interface JoinItem {
  c: repo.CaseRow;
  a: repo.JoinRow;
  orgName: string;
  cardNo: string | null;
  calendar: WorkCalendar;
  today: string;
}

/** Where a public request came from, for the audit trail. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

/**
 * The case kernel opens cases for an actor. The online applicant has no account: they act as a stand-in with no
 * user id (created_by, the step's and the audit row's actor stay NULL), no org and no permission, named for people.
 */
export function applicantCtx(meta: RequestMeta): Ctx {
  return {
    actor: {
      userId: null as unknown as number,
      username: '网上申请人',
      displayName: '申请人（网上入会）',
      orgId: 0,
      orgPath: '',
      roles: [],
      permissions: new Set(),
      sessionId: '',
      mustChangePassword: false,
    },
    ip: meta.ip,
    requestId: meta.requestId,
  };
}

export async function presentItems(conn: DbOrTx, items: { c: repo.CaseRow; a: repo.JoinRow }[]): Promise<JoinItem[]> {
  const today = todayCst();
  const memberIds = items.flatMap((i) => (i.a.memberId ? [i.a.memberId] : []));
  const [names, cards] = await asSystem(() =>
    Promise.all([
      orgNamesByIds(
        conn,
        items.map((i) => i.c.orgId),
      ),
      repo.cardNumbers(conn, memberIds),
    ]),
  );
  const dues = [today, ...items.flatMap((i) => (i.c.dueAt ? [i.c.dueAt] : []))].sort();
  const calendar = await loadCalendar(conn, dues[0] ?? today, addCalendarDays(dues[dues.length - 1] ?? today, 1));
  return items.map(({ c, a }) => ({
    c,
    a,
    orgName: names.get(c.orgId) ?? '',
    cardNo: a.memberId ? (cards.get(a.memberId) ?? null) : null,
    calendar,
    today,
  }));
}
