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
