// Files on cases (办件附件): a case type declares what it accepts, how large, how many, in which states and who may
// add them; the kernel registers the attachment owner 'case' here, once. Who sees a case's files is who sees the
// case: the subtrees of its owner org and of its target org (a transfer's sending and receiving unions).
import type { AttachmentKindGroup, Permission } from '@gonghui/common';
import { can, type Actor } from '../authz/index.ts';
import { registerAttachmentOwner } from '../files/index.ts';
import { AppError, conflict, forbidden, notFound } from '../http/index.ts';
import * as repo from './cases.repo.ts';

export const CASE_OWNER = 'case';

export interface CaseAttachmentRules<S extends string> {
  /** Accepted kinds, decided by content: images, PDF, office files. */
  kinds: readonly AttachmentKindGroup[];
  /** Largest file in bytes; the platform's ATTACHMENT_MAX_BYTES still applies (the smaller wins). */
  maxBytes: number;
  /** Most live files on one case. */
  maxCount: number;
  /** States in which files may be added (and their uploaders may remove them). */
  states: readonly S[];
  /** The permission to add a file, and the sides whose cadres may (both sides always see the files). */
  permission: Permission;
  sides: readonly repo.Side[];
}

registerAttachmentOwner(
  CASE_OWNER,
  async (tx, id) => {
    const c = await repo.findById(tx, id);
    if (!c) return undefined;
    const target = c.targetOrgId !== null && c.targetOrgPath !== null ? [{ orgId: c.targetOrgId, orgPath: c.targetOrgPath }] : [];
    return { orgId: c.orgId, orgPath: c.orgPath, sharedWith: target };
  },
  { ownRoutes: true },
);

export function checkAttachmentRules(type: string, rules: CaseAttachmentRules<string>): void {
  const ok =
    rules.kinds.length > 0 &&
    Number.isInteger(rules.maxBytes) &&
    rules.maxBytes > 0 &&
    Number.isInteger(rules.maxCount) &&
    rules.maxCount > 0 &&
    rules.sides.length > 0;
  if (!ok) throw new Error(`case type ${type}: invalid attachment rules`);
}

const onSide = (actor: Pick<Actor, 'orgPath'>, c: repo.CaseRow, side: repo.Side) =>
  (side === 'owner' ? c.orgPath : c.targetOrgPath)?.startsWith(actor.orgPath) ?? false;

/** Why the actor may not add or remove files now (403 permission, 404 side, 409 state), or null. */
export function changeRefusal(rules: CaseAttachmentRules<string>, actor: Actor, c: repo.CaseRow, label: string): AppError | null {
  if (!can(actor, rules.permission)) return forbidden();
  if (!rules.sides.some((side) => onSide(actor, c, side))) return notFound(label);
  if (!rules.states.includes(c.status)) return new AppError('CASE_ACTION_NOT_ALLOWED', `${label}当前状态下不能上传或删除附件`);
  return null;
}

/** 409 once the case holds its most files. */
export const countRefusal = (rules: CaseAttachmentRules<string>, count: number): AppError | null =>
  count >= rules.maxCount ? conflict(`每件最多 ${rules.maxCount} 个附件，请先删除不需要的附件`, 'file') : null;
