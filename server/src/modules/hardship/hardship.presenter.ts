// What a hardship file shows: the case (number, status, version, due day), the owner union by name and the
// household with the ID number and phone masked. Full values only through the audited reveal.
import {
  HARDSHIP_ACTIONS,
  todayCst,
  type HardshipAction,
  type HardshipCause,
  type HardshipStatus,
  type HardshipTier,
  type THardshipDetail,
  type THardshipFile,
} from '@gonghui/common';
import { isOverdue, presentCaseSteps } from '../../platform/cases/index.ts';
import type { HardshipItem, HardshipView } from './hardship.service.ts';

export function presentHardshipFile({ c, f, orgName }: HardshipItem, today = todayCst()): THardshipFile {
  return {
    id: c.id,
    number: c.number,
    status: c.status as HardshipStatus,
    version: c.version,
    org: { id: c.orgId, name: orgName },
    dueAt: c.dueAt,
    overdue: isOverdue(c, today),
    name: f.name,
    idNumber: f.idMasked,
    phone: f.phoneMasked,
    memberId: f.memberId,
    householdSize: f.householdSize,
    incomePerHead: f.incomePerHead,
    causes: f.causes as HardshipCause[],
    tier: f.tier as HardshipTier,
    registeredAt: f.registeredAt,
    nextReviewAt: f.nextReviewAt,
    exitedAt: f.exitedAt,
    createdAt: c.createdAt.toISOString(),
  };
}

const isAction = (a: string): a is HardshipAction => (HARDSHIP_ACTIONS as readonly string[]).includes(a);

export function presentHardshipDetail(v: HardshipView): THardshipDetail {
  return {
    ...presentHardshipFile(v),
    family: v.f.family.map((m) => ({ name: m.name, relation: m.relation })),
    pairing: v.f.pairing,
    reviewedAt: v.f.reviewedAt,
    exitReason: v.f.exitReason,
    steps: presentCaseSteps(v.steps),
    allowedActions: v.allowedActions.filter(isAction),
  };
}
