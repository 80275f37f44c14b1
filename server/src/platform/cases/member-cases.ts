// The member's side of the kernel (我的申请): their own cases of every type, each with its timeline and the
// transitions a member may run in its state; and running one (withdraw) with the same compare-and-set, step, effect,
// audit row and notices as a cadre's action. Everything is read as the system once the case is known to be the
// member's own (created_by_member_id); another member's case answers 404 like a case that does not exist.
import { z } from 'zod';
import { asSystem, type Db, type Tx } from '../db/index.ts';
import { AppError, invalid, notFound } from '../http/index.ts';
import type { ActionBody, CaseRecord, CaseTypeDef } from './case-type.ts';
import * as repo from './cases.repo.ts';
import { findOfMember, listOfMember, type MemberActor, type MemberCtx } from './member-actor.ts';

type AnyDef = CaseTypeDef<string, string, unknown>;
type Apply = (
  tx: Tx,
  def: AnyDef,
  c: repo.CaseRow,
  action: string,
  version: number,
  who: { actor: null; member: MemberActor; origin: import('../audit/index.ts').AuditOrigin },
  opinion: string | null,
  input?: Record<string, unknown>,
) => Promise<CaseRecord<unknown>>;

/** A member's case as the kernel sees it: the row with its type's label and step labels, its timeline, and the
 *  transitions the member may run now. */
export interface MemberCaseView {
  case: repo.CaseRow;
  typeLabel: string;
  stepLabels: Record<string, string>;
  steps: repo.CaseStepRow[];
  memberActions: string[];
}

export function createMemberCases(deps: {
  db: Db;
  typeOf: (type: string) => AnyDef | undefined;
  apply: Apply;
  origin: (m: MemberCtx) => import('../audit/index.ts').AuditOrigin;
}) {
  const { db, typeOf } = deps;

  const memberActions = (def: AnyDef, c: repo.CaseRow): string[] =>
    Object.entries(def.transitions).flatMap(([a, tr]) => (tr.member && tr.from.includes(c.status) ? [a] : []));

  const viewOf = (def: AnyDef, c: repo.CaseRow, steps: repo.CaseStepRow[]): MemberCaseView => ({
    case: c,
    typeLabel: def.label,
    stepLabels: (def.stepLabels ?? {}) as Record<string, string>,
    steps,
    memberActions: memberActions(def, c),
  });

  /** The member's cases of every registered type, newest first, without their timelines. */
  async function list(memberId: number): Promise<MemberCaseView[]> {
    const rows = await asSystem(() => listOfMember(db, memberId));
    return rows.flatMap((c) => {
      const def = typeOf(c.type);
      return def ? [viewOf(def, c, [])] : [];
    });
  }

  /** One of the member's own cases with its timeline; 404 for anyone else's. */
  async function get(memberId: number, id: number): Promise<MemberCaseView> {
    const c = await asSystem(() => findOfMember(db, memberId, id));
    const def = c && typeOf(c.type);
    if (!c || !def) throw notFound('申请');
    const steps = await asSystem(() => repo.stepsOf(db, id));
    return viewOf(def, c, steps);
  }

  /** Runs a member transition (withdraw) on the member's own case: 404 not theirs or not a member action, 409 stale
   *  version or a state that no longer allows it (already decided). */
  async function act(m: MemberCtx, id: number, action: string, body: ActionBody): Promise<repo.CaseRow> {
    const { version, ...fields } = body;
    return asSystem(() =>
      db.transaction(async (tx) => {
        const c = await findOfMember(tx, m.member.memberId, id, true);
        const def = c && typeOf(c.type);
        const tr = def?.transitions[action];
        if (!c || !def) throw notFound('申请');
        if (!tr || !tr.member) throw new AppError('CASE_ACTION_NOT_ALLOWED');
        const parsed = (tr.input ?? z.object({ opinion: z.string().optional() })).safeParse(fields);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw invalid(String(issue?.path[0] ?? 'opinion'), issue?.message ?? '输入有误');
        }
        if (c.version !== version) throw new AppError('CASE_STALE');
        if (!tr.from.includes(c.status)) throw new AppError('CASE_ACTION_NOT_ALLOWED');
        const opinion = parsed.data.opinion?.trim() || null;
        const who = { actor: null, member: m.member, origin: deps.origin(m) };
        await deps.apply(tx, def, c, action, version, who, opinion, parsed.data);
        const after = await repo.findById(tx, id);
        if (!after) throw notFound('申请');
        return after;
      }),
    );
  }

  return { list, get, act };
}

export type MemberCases = ReturnType<typeof createMemberCases>;
