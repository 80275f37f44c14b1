// What a case type declares and what the kernel hands back (decision 0005): states, transitions with their
// permission, scope rule, input and effect; the case record and view; and the pure rules every type shares (which
// side's path, who passes a scope rule, when a case is overdue, how it is numbered).
import type { z } from 'zod';
import { todayCst, type AuditAction, type Permission } from '@gonghui/common';
import type { Actor, Ctx } from '../authz/index.ts';
import type { AuditOrigin } from '../audit/index.ts';
import type { Db, Tx } from '../db/index.ts';
import type * as repo from './cases.repo.ts';
import type { CaseAttachmentRules } from './attachments.ts';
import type { CaseFilesView } from './case-files.ts';
import type { MemberCtx } from './member-actor.ts';

export type Side = repo.Side;

/** Which org's cadres may run a transition: those of the side's org or above it, or (`above`) strictly above it. */
export interface ScopeRule {
  side: Side;
  above?: boolean;
}

/** What a case looks like to its type: the row with the type's own payload. */
export type CaseRecord<P> = Omit<repo.CaseRow, 'payload'> & { payload: P };

export interface EffectContext<P> {
  tx: Tx;
  /** The case after the transition (new status and version). */
  case: CaseRecord<P>;
  /** The cadre acting; null when the system does (the overdue sweep). */
  actor: Actor | null;
  origin: AuditOrigin;
  opinion: string | null;
  /** The action's own fields as the transition's `input` parsed them (e.g. a date the action records). */
  input: Record<string, unknown>;
}

/** What an effect may hand back: a new due day for the case (null: none), e.g. the next yearly review. */
export interface EffectResult {
  dueAt?: string | null;
  /** A new target side (an appeal escalated to the parent union): the case's other side moves there. */
  target?: { id: number; path: string };
}

export interface Transition<S extends string, P> {
  from: readonly S[];
  to: S;
  /** null: only the system runs it (the overdue sweep), or the applicant member (`member`); cadres never see it. */
  permission: Permission | null;
  /** The member who applied for the case may run it from the member portal (e.g. withdraw while pending). */
  member?: boolean;
  scope: ScopeRule;
  /** Fields the action takes beyond the version, e.g. a mandatory opinion or a date; parsed from the request body. */
  input?: z.ZodType<{ opinion?: string | undefined }>;
  /** Audit action (catalogued, with its label, in common/src/audit.ts). */
  audit: AuditAction;
  /** Side effects inside the transaction of the change; run as the system after the kernel's own checks, since a
   *  case spans two subtrees by nature. Throwing rolls the whole action back. */
  effect?: (e: EffectContext<P>) => Promise<void | EffectResult>;
}

export interface CaseTypeDef<S extends string, A extends string, P> {
  type: string;
  /** Case numbers read `${prefix}-${year}-${000123}`. */
  prefix: string;
  label: string;
  payload: z.ZodType<P>;
  initial: S;
  /** States in which the case waits for someone; a subject has at most one open case per type. */
  open: readonly S[];
  /** Who is expected to act in each open state: drives the to-dos and the parent's escalation. */
  awaiting: Partial<Record<S, Side>>;
  transitions: Record<A, Transition<S, P>>;
  /** The system action the overdue sweep runs once a case in one of its `from` states is past due. */
  onOverdue?: A;
  /** Read access to the type's cases (and its to-dos). */
  readPermission: Permission;
  /** The audit row's entity and the action name for opening a case. */
  audit: { open: AuditAction; entity: (c: CaseRecord<P>) => { entityType: string; entityId: string | number } };
  /** The message of the 409 when the subject already has an open case. */
  openExistsMessage: string;
  /** The console path of a case (notifications link to it). */
  link?: (c: CaseRecord<P>) => string;
  /** Labels of the steps for people (zh-CN): the actions, 'submit' and 'overdue'. */
  stepLabels?: Partial<Record<A | 'submit' | 'overdue', string>>;
  /** Files on the case (none when absent): kinds, size, count, states, who may add them. */
  attachments?: CaseAttachmentRules<S>;
}

export interface OpenInput<P> {
  owner: { id: number; path: string };
  target?: { id: number; path: string } | undefined;
  subject?: string | undefined;
  title: string;
  payload: P;
  /** Working days from today (China time), or from `dueFrom`, to the due day; none: no deadline. */
  dueInWorkingDays?: number | undefined;
  /** The day the working days count from (a date in the past, e.g. when an appeal was received); default today. */
  dueFrom?: string | undefined;
  opinion?: string | null | undefined;
  /** A state other than the type's initial one to open in (a member's application awaits its union first). */
  initial?: string | undefined;
}

export interface CaseView<P, A extends string> extends CaseFilesView {
  case: CaseRecord<P>;
  steps: repo.CaseStepRow[];
  allowedActions: A[];
}

export const SYSTEM_ORIGIN: AuditOrigin = { actorId: null, actorName: 'system', ip: null, requestId: null };
export const SYSTEM_NAME = '系统';

export function pathOfSide(c: Pick<repo.CaseRow, 'orgPath' | 'targetOrgPath'>, side: Side): string | null {
  return side === 'owner' ? c.orgPath : c.targetOrgPath;
}

export function passesScope(actor: Pick<Actor, 'orgPath'>, c: Pick<repo.CaseRow, 'orgPath' | 'targetOrgPath'>, rule: ScopeRule): boolean {
  const path = pathOfSide(c, rule.side);
  if (!path || !path.startsWith(actor.orgPath)) return false;
  return !rule.above || path !== actor.orgPath;
}

export const isOverdue = (c: Pick<repo.CaseRow, 'open' | 'dueAt' | 'overdueAt'>, today = todayCst()): boolean =>
  c.open && (c.overdueAt !== null || (c.dueAt !== null && c.dueAt < today));

export const caseNumber = (prefix: string, year: number, n: number) => `${prefix}-${year}-${String(n).padStart(6, '0')}`;

export function isUniqueViolation(e: unknown, constraint: string): boolean {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    const x = cur as { code?: string; constraint?: string };
    if (x.code === '23505' && (x.constraint === undefined || x.constraint === constraint)) return true;
  }
  return false;
}

/** An action request: the version the client saw, an opinion, and whatever fields the transition's input takes. */
export type ActionBody = { version: number; opinion?: string | undefined } & Record<string, unknown>;

export interface CaseType<S extends string, A extends string, P> {
  readonly def: CaseTypeDef<S, A, P>;
  /** Opens a case inside the caller's transaction (the caller has checked the domain's rules and scope). */
  open(ctx: Ctx, tx: Tx, input: OpenInput<P>): Promise<CaseRecord<P>>;
  /** Opens a case a member applied for in the member portal (the caller checked the member and the domain's rules):
   *  the same case as a cadre's, attributed to the member (created_by_member_id, the step's actor_member_id). */
  openForMember(m: MemberCtx, tx: Tx, input: OpenInput<P>): Promise<CaseRecord<P>>;
  /** Moves the member's own portal uploads onto the case they have just opened (same transaction): 404 for an id
   *  that is not such an upload of theirs, 400/409 when the type's attachment rules refuse it. */
  adoptMemberUploads(tx: Tx, id: number, memberId: number, ids: readonly number[]): Promise<void>;
  /** The case with its timeline and the caller's allowed actions; 404 outside both sides' subtrees. */
  get(ctx: Ctx, id: number): Promise<CaseView<P, A>>;
  /** Runs an action: 403 without its permission, 404 outside its scope rule, 409 stale version or wrong state. */
  act(ctx: Ctx, id: number, action: A, body: ActionBody): Promise<CaseRecord<P>>;
  list(
    ctx: Ctx,
    f: { side: Side; status?: string | undefined; page: number; pageSize: number },
  ): Promise<{ items: CaseRecord<P>[]; total: number }>;
  /** The open case of each subject, read as the system (for presenters the caller has already scoped). */
  openOf(db: Db | Tx, subjects: string[]): Promise<Map<string, CaseRecord<P>>>;
  allowedActions(actor: Actor, c: repo.CaseRow): A[];
}
