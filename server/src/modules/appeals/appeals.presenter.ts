// What an appeal shows: the case (number, status, version, the SLA clock), the receiving and the responsible union by
// name, the content cut short in lists (in full only in the detail) and the contact masked. Full contact details only
// through the audited reveal.
import {
  APPEAL_ACTIONS,
  type AppealAction,
  type AppealCategory,
  type AppealChannel,
  type AppealSatisfaction,
  type AppealStatus,
  type TAppeal,
  type TAppealDetail,
} from '@gonghui/common';
import { isOverdue, presentCaseSteps, slaClock } from '../../platform/cases/index.ts';
import type { AppealItem, AppealView } from './appeals.service.ts';

export function presentAppeal({ c, a, orgName, responsibleName, excerpt, calendar, today }: AppealItem): TAppeal {
  const clock = c.open ? slaClock(c.dueAt, today, calendar) : { remainingDays: null, overdueDays: 0 };
  return {
    id: c.id,
    number: c.number,
    status: c.status as AppealStatus,
    version: c.version,
    org: { id: c.orgId, name: orgName },
    responsibleOrg: { id: c.targetOrgId ?? c.orgId, name: responsibleName },
    channel: a.channel as AppealChannel,
    category: a.category as AppealCategory,
    excerpt,
    contactName: a.contactNameMasked,
    contactPhone: a.phoneMasked,
    receivedAt: a.receivedAt,
    dueAt: c.dueAt,
    overdue: isOverdue(c, today),
    ...clock,
    escalations: a.escalations,
    satisfaction: a.satisfaction as AppealSatisfaction | null,
    closedAt: a.closedAt,
    onTime: a.onTime,
    createdAt: c.createdAt.toISOString(),
  };
}

const isAction = (x: string): x is AppealAction => (APPEAL_ACTIONS as readonly string[]).includes(x);

export function presentAppealDetail(v: AppealView): TAppealDetail {
  return {
    ...presentAppeal(v),
    content: v.content,
    reply: v.a.reply,
    repliedAt: v.a.repliedAt?.toISOString() ?? null,
    steps: presentCaseSteps(v.steps),
    allowedActions: v.allowedActions.filter(isAction),
  };
}
