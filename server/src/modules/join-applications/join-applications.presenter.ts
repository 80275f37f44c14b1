// What an application shows cadres: the case (number, status, version, the SLA clock), the union by name and the
// applicant masked (name, ID number, phone); approving shows the new member's card number, rejecting the reason.
import { JOIN_ACTIONS, type JoinAction, type JoinStatus, type TJoinApplication, type TJoinApplicationDetail } from '@gonghui/common';
import { isOverdue, presentCaseSteps, slaClock, type CaseStepRow } from '../../platform/cases/index.ts';
import type { JoinItem } from './join-applications.items.ts';

export function presentJoinApplication({ c, a, orgName, cardNo, calendar, today }: JoinItem): TJoinApplication {
  const clock = c.open ? slaClock(c.dueAt, today, calendar) : { remainingDays: null, overdueDays: 0 };
  return {
    id: c.id,
    number: c.number,
    status: c.status as JoinStatus,
    version: c.version,
    org: { id: c.orgId, name: orgName },
    name: a.nameMasked,
    idNumber: a.idMasked,
    phone: a.phoneMasked,
    employerName: a.employerName,
    employerUscc: a.employerUscc,
    noUnion: a.noUnion,
    submittedAt: c.createdAt.toISOString(),
    dueAt: c.dueAt,
    overdue: isOverdue(c, today),
    ...clock,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    reason: a.reason,
    memberId: a.memberId,
    cardNo,
  };
}

const isAction = (x: string): x is JoinAction => (JOIN_ACTIONS as readonly string[]).includes(x);

export function presentJoinApplicationDetail(v: JoinItem & { steps: CaseStepRow[]; allowedActions: string[] }): TJoinApplicationDetail {
  return {
    ...presentJoinApplication(v),
    steps: presentCaseSteps(v.steps),
    allowedActions: v.allowedActions.filter(isAction),
  };
}
