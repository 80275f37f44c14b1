import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { isMfaPolicy, mfaRequiredFor } from '@gonghui/common';
import { onCommit, sessions, type DbOrTx } from '../db/index.ts';
import { effectiveMfaPolicySql, mfaEnrolledSql } from './mfa.ts';
import { clearSessionCache } from './session-cache.ts';

export interface SessionRow {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  userId: number;
  username: string;
  displayName: string | null;
  orgId: number;
  orgPath: string;
  roles: string[];
  permissions: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  mfaEnrollmentRequired: boolean;
}

export async function findSession(db: DbOrTx, id: string): Promise<SessionRow | undefined> {
  type Raw = Omit<SessionRow, 'mfaEnrollmentRequired'> & { mfaPolicy: string; mfaEnrolled: boolean };
  const res = await db.execute<Raw & Record<string, unknown>>(sql`
    SELECT s.id AS "sessionId", s.csrf_token AS "csrfToken", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
           u.id AS "userId", u.username, u.display_name AS "displayName", u.org_id AS "orgId", o.path AS "orgPath",
           u.roles, u.disabled, u.must_change_password AS "mustChangePassword",
           COALESCE((SELECT array_agg(DISTINCT p) FROM roles r, unnest(r.permissions) p WHERE r.key = ANY(u.roles)),
                    '{}') AS permissions,
           ${effectiveMfaPolicySql(sql`o.path`)} AS "mfaPolicy", ${mfaEnrolledSql(sql`u.id`)} AS "mfaEnrolled"
    FROM sessions s JOIN users u ON u.id = s.user_id JOIN orgs o ON o.id = u.org_id
    WHERE s.id = ${id}`);
  const row = res.rows[0];
  if (!row) return undefined;
  const { mfaPolicy, mfaEnrolled, ...rest } = row;
  const mfaEnrollmentRequired = !mfaEnrolled && isMfaPolicy(mfaPolicy) && mfaRequiredFor(mfaPolicy, row.permissions);
  return { ...rest, mfaEnrollmentRequired, lastSeenAt: new Date(row.lastSeenAt), expiresAt: new Date(row.expiresAt) };
}

export async function insertSession(
  db: DbOrTx,
  row: { id: string; userId: number; csrfToken: string; expiresAt: Date; ip: string | null },
): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function touchSession(db: DbOrTx, id: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  forget(db);
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: DbOrTx, userId: number, exceptId?: string): Promise<void> {
  forget(db);
  await db.delete(sessions).where(exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: DbOrTx, idleBefore: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, idleBefore));
}

/** Outside a request (sweeps, jobs) a removed session must stop resolving at once, and again after the commit. */
function forget(db: DbOrTx): void {
  clearSessionCache();
  onCommit(db, clearSessionCache);
}
