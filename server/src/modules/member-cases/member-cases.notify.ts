// The member hears back: when a cadre acts on a case the member applied for in the portal (a reply, a refusal, an
// acceptance, a closing, a payment, a correction made), a text goes to the member's phone from the registry. It is
// sent once the step has committed (onCommit) and never fails or delays the cadre's action; the phone is decrypted
// only at send time and never logged (the sender masks it).
import type { CaseEvent } from '../../platform/cases/index.ts';
import { onCommit, type Tx } from '../../platform/db/index.ts';
import type { MessageSender } from '../../platform/sms/index.ts';
import { memberStatusLabel } from './member-cases.presenter.ts';

/** Cadre steps the applicant hears of: decisions and answers, not the union's internal review steps. */
export const MEMBER_NOTIFIED_ACTIONS: ReadonlySet<string> = new Set([
  'reply',
  'decline',
  'reject',
  'accept',
  'approve',
  'close',
  'pay',
  'resolve',
]);

export const memberNoticeText = (number: string, progress: string): string =>
  `【工会】您的申请 ${number} 有新进展：${progress}。请登录职工之家查看。`;

export interface MemberNoticeDeps {
  messages: MessageSender;
  /** The member's phone from the registry in clear, or null (no phone, no such member). */
  phoneOf: (memberId: number) => Promise<string | null>;
  log: { warn(obj: object, msg: string): void };
  /** Extra labels for case types whose statuses the member-cases presenter does not know (data corrections). */
  statusLabel?: (type: string, status: string) => string | undefined;
}

/** The kernel listener: schedules the text after commit for a cadre's step on a member's case. */
export function memberNoticeListener(deps: MemberNoticeDeps) {
  return async (tx: Tx, e: CaseEvent): Promise<void> => {
    const memberId = e.createdByMemberId;
    // actorId is a cadre's user id; null for the member themselves and for the system.
    if (memberId === null || e.actorId === null || !MEMBER_NOTIFIED_ACTIONS.has(e.action)) return;
    const progress = memberStatusLabel(e.type, e.status) ?? deps.statusLabel?.(e.type, e.status) ?? e.stepLabel;
    const text = memberNoticeText(e.number, progress);
    const send = async () => {
      try {
        const phone = await deps.phoneOf(memberId);
        if (phone) await deps.messages.send(phone, text);
      } catch (err) {
        deps.log.warn({ caseId: e.caseId, err: err instanceof Error ? err.message : String(err) }, 'member notice not sent');
      }
    };
    onCommit(tx, () => void send());
  };
}
