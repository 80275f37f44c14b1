// 会员接转 as a case type of the kernel: the sending union (owner side) requests, the receiving union (target side)
// accepts — which moves the membership and books transfer_out/transfer_in on the transfer's date — or rejects with an
// opinion; the sender may withdraw while it waits; the overdue sweep expires a request nobody answered in time.
import { z } from 'zod';
import { LIMITS, TRANSFER_STEP_LABELS, zMultilineText, type TransferAction, type TransferStatus } from '@gonghui/common';
import { caseScopePaths, type CaseKernel, type CaseType, type EffectContext } from '../../platform/cases/index.ts';
import type { ScopeResolve } from '../../platform/authz/index.ts';
import { conflict } from '../../platform/http/index.ts';
import * as members from './members.repo.ts';

export const TRANSFER_CASE_TYPE = 'member_transfer';
/** A scanned letter fits; the platform cap (ATTACHMENT_MAX_BYTES) applies when it is lower. */
export const TRANSFER_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** A transfer is in scope for both its sides: the sending and the receiving union's subtrees (`transfer` resolver). */
export const transferScopePaths: ScopeResolve = (db, id) => caseScopePaths(db, TRANSFER_CASE_TYPE, id);

export const ZTransferPayload = z.object({ memberId: z.number().int(), date: z.string(), reason: z.string().nullable() });
export type TransferPayload = z.infer<typeof ZTransferPayload>;

export type TransferCaseType = CaseType<TransferStatus, TransferAction | 'expire', TransferPayload>;

/** Accepting moves the member, exactly once: the compare-and-set on the case lets one acceptance through. */
async function moveMembership({ tx, case: c, actor }: EffectContext<TransferPayload>): Promise<void> {
  const { memberId, date } = c.payload;
  const m = await members.findById(tx, memberId);
  if (!m || m.status !== 'active' || m.orgId !== c.orgId) throw conflict('会员状态已变化，不能完成接转');
  if (c.targetOrgId === null || c.targetOrgPath === null) throw new Error('transfer without a receiving org');
  await members.update(tx, m.id, { orgId: c.targetOrgId, orgPath: c.targetOrgPath });
  const data = { transferId: c.id, number: c.number, fromOrgId: c.orgId, toOrgId: c.targetOrgId };
  const createdBy = actor?.userId ?? null;
  await members.insertEvents(tx, [
    { memberId: m.id, orgId: c.orgId, type: 'transfer_out', date, data, createdBy },
    { memberId: m.id, orgId: c.targetOrgId, type: 'transfer_in', date, data, createdBy },
  ]);
}

export function registerTransferCaseType(kernel: CaseKernel): TransferCaseType {
  return kernel.register<TransferStatus, TransferAction | 'expire', TransferPayload>({
    type: TRANSFER_CASE_TYPE,
    prefix: 'JZ',
    label: '接转申请',
    payload: ZTransferPayload,
    initial: 'pending',
    open: ['pending'],
    awaiting: { pending: 'target' },
    readPermission: 'member:read',
    openExistsMessage: '该会员已有待接收的接转申请',
    link: (c) => `/transfers/${c.id}`,
    stepLabels: { ...TRANSFER_STEP_LABELS, overdue: '逾期' },
    audit: { open: 'member.transfer_request', entity: (c) => ({ entityType: 'member', entityId: c.payload.memberId }) },
    transitions: {
      accept: {
        from: ['pending'],
        to: 'accepted',
        permission: 'member:update',
        scope: { side: 'target' },
        audit: 'member.transfer_accept',
        effect: moveMembership,
      },
      reject: {
        from: ['pending'],
        to: 'rejected',
        permission: 'member:update',
        scope: { side: 'target' },
        input: z.object({ opinion: zMultilineText(LIMITS.text).min(1, '拒收须填写意见') }),
        audit: 'member.transfer_reject',
      },
      withdraw: {
        from: ['pending'],
        to: 'withdrawn',
        permission: 'member:update',
        scope: { side: 'owner' },
        audit: 'member.transfer_withdraw',
      },
      expire: { from: ['pending'], to: 'expired', permission: null, scope: { side: 'target' }, audit: 'member.transfer_expire' },
    },
    onOverdue: 'expire',
    // 介绍信 scans and the like: PDF or images, from either union while the request waits; both see them.
    attachments: {
      kinds: ['pdf', 'image'],
      maxBytes: TRANSFER_ATTACHMENT_MAX_BYTES,
      maxCount: 10,
      states: ['pending'],
      permission: 'member:update',
      sides: ['owner', 'target'],
    },
  });
}
