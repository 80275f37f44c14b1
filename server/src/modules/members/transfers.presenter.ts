// What a transfer case shows: the member's name masked (the receiving side sees the member before it holds the
// record), both orgs by name, the timeline and the actions the caller may take now.
import {
  maskName,
  TRANSFER_ACTIONS,
  todayCst,
  type TransferAction,
  type TransferStatus,
  type TTransferCase,
  type TTransferDetail,
} from '@gonghui/common';
import { isOverdue, type CaseFilesView, type CaseStepRow, presentCaseSteps } from '../../platform/cases/index.ts';
import type { TransferCase, TransferNames } from './transfers.service.ts';

export function presentTransfer(c: TransferCase, names: TransferNames, today = todayCst()): TTransferCase {
  const toOrgId = c.targetOrgId ?? c.orgId;
  return {
    id: c.id,
    number: c.number,
    status: c.status as TransferStatus,
    version: c.version,
    orgId: c.orgId,
    dueAt: c.dueAt,
    overdue: isOverdue(c, today),
    member: { id: c.payload.memberId, name: maskName(names.member.get(c.payload.memberId) ?? '') },
    fromOrg: { id: c.orgId, name: names.org.get(c.orgId) ?? '' },
    toOrg: { id: toOrgId, name: names.org.get(toOrgId) ?? '' },
    date: c.payload.date,
    reason: c.payload.reason,
    createdAt: c.createdAt.toISOString(),
  };
}

const isTransferAction = (a: string): a is TransferAction => (TRANSFER_ACTIONS as readonly string[]).includes(a);

export function presentTransferDetail(
  v: CaseFilesView & {
    case: TransferCase;
    steps: CaseStepRow[];
    allowedActions: string[];
    names: TransferNames;
  },
): TTransferDetail {
  return {
    ...presentTransfer(v.case, v.names),
    assignee: null,
    steps: presentCaseSteps(v.steps),
    allowedActions: v.allowedActions.filter(isTransferAction),
    attachments: v.attachments,
    attachmentPolicy: v.attachmentPolicy,
  };
}
