// The authenticated user behind a request, with the scope (org subtree) that bounds everything they touch.
import type { Permission } from '@gonghui/common';
import { AppError } from '../http/errors.ts';

export interface Actor {
  userId: number;
  username: string;
  displayName: string | null;
  orgId: number;
  /** Materialised path of the actor's org; their scope is every org whose path starts with it. */
  orgPath: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  sessionId: string;
  mustChangePassword: boolean;
  /** The org's MFA policy binds this user and no second factor is enrolled yet (absent: not required). */
  mfaEnrollmentRequired?: boolean;
}

/** What a service needs to know about the caller: who, from where, for the audit trail. */
export interface Ctx {
  actor: Actor;
  ip: string | null;
  requestId: string | null;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
}

export function inScope(actor: Pick<Actor, 'orgPath'>, path: string): boolean {
  return path.startsWith(actor.orgPath);
}
