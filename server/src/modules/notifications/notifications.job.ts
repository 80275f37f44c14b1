// The `notify` job kind: turns a case step's notices (an org and the permissions that make its cadres concerned)
// into one inbox row per cadre, all in the transaction that ends the job, so a retried job never writes twice.
import { PERMISSIONS } from '@gonghui/common';
import { z } from 'zod';
import type { CaseEvent } from '../../platform/cases/index.ts';
import type { JobKindDef } from '../../platform/jobs/index.ts';
import { usersHoldingPermission } from '../users/index.ts';
import * as repo from './notifications.repo.ts';

export const NOTIFY_KIND = 'notify';

export const ZNotifyPayload = z.object({
  title: z.string().min(1).max(200),
  caseType: z.string().max(32).nullable(),
  caseId: z.number().int().nullable(),
  link: z.string().max(200).nullable(),
  /** Not told of their own step. */
  exceptUserId: z.number().int().nullable(),
  recipients: z
    .array(z.object({ orgId: z.number().int().positive(), permissions: z.array(z.enum(PERMISSIONS)).min(1) }))
    .min(1)
    .max(20),
});
export type NotifyPayload = z.infer<typeof ZNotifyPayload>;

const REASON_TAGS = { awaiting: '待办理', escalation: '下级逾期' } as const;

/** The zh-CN title of a case step's notice: 【待办理】…, 【下级逾期】… or the step's own label (【拒收】…). */
export function titleOf(e: CaseEvent, reason: CaseEvent['notices'][number]['reason']): string {
  const tag = reason === 'outcome' ? e.stepLabel : REASON_TAGS[reason];
  return `【${tag}】${e.title}（${e.number}）`.slice(0, 200);
}

export function notifyJob(): JobKindDef<NotifyPayload> {
  return {
    payload: ZNotifyPayload,
    concurrency: 4,
    async run(ctx) {
      const p = ctx.payload;
      await ctx.complete(async (tx) => {
        // Who holds the permission now, when the job runs (a cadre disabled meanwhile is not told).
        const ids = new Set<number>();
        for (const r of p.recipients) for (const id of await usersHoldingPermission(tx, r.orgId, r.permissions)) ids.add(id);
        if (p.exceptUserId !== null) ids.delete(p.exceptUserId);
        await repo.insertMany(
          tx,
          [...ids].map((recipientId) => ({ recipientId, title: p.title, caseType: p.caseType, caseId: p.caseId, link: p.link })),
        );
      });
    },
  };
}
