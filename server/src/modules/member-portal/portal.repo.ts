// What the portal reads besides accounts: who revealed a member's personal data (the audit trail).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.ts';

export interface RevealRow {
  at: Date;
  cadreName: string;
  orgName: string | null;
  reason: string | null;
}

/** `member.reveal` rows naming this member, newest first, with the cadre's display name and union. */
export async function revealsOf(db: DbOrTx, memberId: number, limit = 200): Promise<RevealRow[]> {
  const res = await db.execute<{ at: string | Date; cadreName: string; orgName: string | null; reason: string | null }>(sql`
    SELECT a.at, COALESCE(u.display_name, u.username, a.actor_name, '') AS "cadreName", o.name AS "orgName",
           a.after->>'reason' AS reason
    FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN orgs o ON o.id = u.org_id
    WHERE a.action = 'member.reveal' AND a.entity_type = 'member' AND a.entity_id = ${String(memberId)}
    ORDER BY a.at DESC LIMIT ${limit}`);
  return res.rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

export interface TransferRow {
  number: string;
  status: string;
  fromOrg: string | null;
  toOrg: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The member's 会员接转 cases (case type member_transfer, subject member:<id>), newest first. */
export async function transfersOf(db: DbOrTx, memberId: number): Promise<TransferRow[]> {
  const res = await db.execute<{
    number: string;
    status: string;
    fromOrg: string | null;
    toOrg: string | null;
    createdAt: string | Date;
    updatedAt: string | Date;
  }>(sql`
    SELECT c.number, c.status, f.name AS "fromOrg", t.name AS "toOrg", c.created_at AS "createdAt", c.updated_at AS "updatedAt"
    FROM cases c LEFT JOIN orgs f ON f.id = c.org_id LEFT JOIN orgs t ON t.id = c.target_org_id
    WHERE c.type = 'member_transfer' AND c.subject = ${`member:${memberId}`}
    ORDER BY c.created_at DESC LIMIT 100`);
  return res.rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) }));
}
