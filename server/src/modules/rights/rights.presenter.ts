// What leaves the server for rights cases, roster entries and injury reports: allow-lists, the parties' narrative
// never (only whether there is one), phones, names and ID numbers masked.
import {
  RIGHTS_ACTIONS,
  todayCst,
  type InjurySeverity,
  type InjuryStatus,
  type RightsAction,
  type RightsChannel,
  type RightsOutcome,
  type RightsStatus,
  type RightsSubject,
  type RightsType,
  type RosterRole,
  type TInjuryDetail,
  type TInjuryReport,
  type TRightsCase,
  type TRightsDetail,
  type TRosterEntry,
} from '@gonghui/common';
import { isOverdue, presentCaseSteps } from '../../platform/cases/index.ts';
import type { InjuryItem } from './injury.repo.ts';
import type { InjuryView } from './injury.service.ts';
import type { RightsItem } from './rights.repo.ts';
import type { RightsView } from './rights.service.ts';
import type { RosterItem } from './roster.service.ts';

const caseFields = (c: RightsItem['c'], orgName: string, today: string) => ({
  id: c.id,
  number: c.number,
  version: c.version,
  org: { id: c.orgId, name: orgName },
  dueAt: c.dueAt,
  overdue: isOverdue(c, today),
  createdAt: c.createdAt.toISOString(),
});

export function presentRightsCase({ c, r, orgName }: RightsItem, today = todayCst()): TRightsCase {
  return {
    ...caseFields(c, orgName, today),
    status: c.status as RightsStatus,
    type: r.type as RightsType,
    channel: r.channel as RightsChannel,
    subject: r.subject as RightsSubject,
    workers: r.workers,
    amountAtStake: r.amountAtStakeFen,
    employerName: r.employerName,
    employerUscc: r.employerUscc,
    receivedAt: r.receivedAt,
    handler: r.handlerName ? { name: r.handlerName, rosterId: r.handlerRosterId, role: r.handlerRole as RosterRole | null } : null,
    acceptedAt: r.acceptedAt,
    declinedAt: r.declinedAt,
    outcome: r.outcome as RightsOutcome | null,
    recoveredAmount: r.recoveredFen,
    closedAt: r.closedAt,
    hasParties: r.partiesCipher !== null,
  };
}

const isRightsAction = (a: string): a is RightsAction => (RIGHTS_ACTIONS as readonly string[]).includes(a);

export function presentRightsDetail(v: RightsView): TRightsDetail {
  return {
    ...presentRightsCase(v),
    summary: v.r.summary,
    declineReason: v.r.declineReason,
    parties: v.r.partiesCipher ? '（已加密，查看须说明原因）' : null,
    steps: presentCaseSteps(v.steps),
    allowedActions: v.allowedActions.filter(isRightsAction),
  };
}

export function presentRoster(r: RosterItem): TRosterEntry {
  return {
    id: r.id,
    org: { id: r.orgId, name: r.orgName },
    name: r.name,
    role: r.role as RosterRole,
    firm: r.firm,
    phone: r.phoneMasked,
    editable: r.editable,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentInjury({ c, r, orgName }: InjuryItem, today = todayCst()): TInjuryReport {
  return {
    ...caseFields(c, orgName, today),
    status: c.status as InjuryStatus,
    name: r.nameMasked,
    idNumber: r.idMasked,
    employerName: r.employerName,
    injuredAt: r.injuredAt,
    severity: r.severity as InjurySeverity,
    visitedAt: r.visitedAt,
    visitors: r.visitors,
    amount: r.amountFen,
    ledgerEntryId: r.ledgerEntryId,
  };
}

export function presentInjuryDetail(v: InjuryView): TInjuryDetail {
  return { ...presentInjury(v), steps: presentCaseSteps(v.steps), allowedActions: v.allowedActions.filter((a) => a === 'visit') };
}
