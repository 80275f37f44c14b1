// DORMANT_DAYS and PASSWORD_MAX_AGE_DAYS: accounts nobody uses are disabled (hourly sweep and at login);
// passwords past their age must be changed at next login, like the first-login flow.
import { sessionRepo } from '../../platform/authz/index.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/index.ts';
import type { Db, DbOrTx } from '../../platform/db/index.ts';
import { disableDormantAccounts, disableUser, type UserRow, type UserWithOrg } from '../users/index.ts';

const DAY_MS = 24 * 3600_000;
const SYSTEM: AuditOrigin = { actorId: null, actorName: 'system', ip: null, requestId: null };

export function isDormant(u: Pick<UserRow, 'lastLoginAt' | 'createdAt'>, days: number, now = new Date()): boolean {
  return days > 0 && (u.lastLoginAt ?? u.createdAt).getTime() < now.getTime() - days * DAY_MS;
}

export function passwordExpired(
  u: Pick<UserRow, 'passwordChangedAt' | 'mustChangePassword'>,
  maxAgeDays: number,
  now = new Date(),
): boolean {
  return maxAgeDays > 0 && !u.mustChangePassword && u.passwordChangedAt.getTime() < now.getTime() - maxAgeDays * DAY_MS;
}

async function disableOne(tx: DbOrTx, origin: AuditOrigin, u: { id: number; orgId: number; orgPath: string }, days: number): Promise<void> {
  await sessionRepo.deleteUserSessions(tx, u.id);
  await recordAudit(tx, origin, {
    action: 'user.disabled_dormant',
    orgId: u.orgId,
    orgPath: u.orgPath,
    entityType: 'user',
    entityId: u.id,
    after: { disabled: true, dormantDays: days },
  });
}

/** The hourly sweep; returns how many accounts it disabled. */
export async function disableDormantUsers(db: Db, days: number): Promise<number> {
  if (days <= 0) return 0;
  return db.transaction(async (tx) => {
    const disabled = await disableDormantAccounts(tx, days);
    for (const u of disabled) await disableOne(tx, SYSTEM, u, days);
    return disabled.length;
  });
}

/** At login, before the sweep got to it. */
export async function disableDormantUser(db: Db, origin: AuditOrigin, u: UserWithOrg, days: number): Promise<void> {
  await db.transaction(async (tx) => {
    await disableUser(tx, u.id);
    await disableOne(tx, origin, u, days);
  });
}
