// The second-factor requirement as SQL, shared by the session lookup and the MFA module: the policy in force for
// an org is the one set on it or on its nearest ancestor (ids read from the materialised path), else `sensitive`.
import { sql, type SQL } from 'drizzle-orm';
import { DEFAULT_MFA_POLICY } from '@gonghui/common';

export function effectiveMfaPolicySql(orgPath: SQL): SQL<string> {
  return sql<string>`COALESCE((SELECT a.mfa_policy FROM orgs a
    WHERE a.id = ANY(string_to_array(rtrim(${orgPath}, '.'), '.')::int[]) AND a.mfa_policy IS NOT NULL
    ORDER BY a.depth DESC LIMIT 1), ${DEFAULT_MFA_POLICY})`;
}

export function mfaEnrolledSql(userId: SQL): SQL<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM user_mfa m WHERE m.user_id = ${userId} AND m.confirmed_at IS NOT NULL)`;
}
