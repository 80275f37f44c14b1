// First start on an empty database: the root org and the `admin` account, from ADMIN_PASSWORD or a one-time
// random password that must be changed at first login.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { passwordPolicyError, type OrgLevel } from '@gonghui/common';
import { recordAudit } from '../platform/audit/index.ts';
import type { Db } from '../platform/db/index.ts';
import { orgRepo, nameSearchFields } from '../modules/orgs/index.ts';
import { hashPassword, rolesRepo, usersRepo } from '../modules/users/index.ts';

export interface BootstrapResult {
  created: boolean;
  rootOrgId?: number;
  adminPassword?: string;
  generated?: boolean;
}

export function randomPassword(): string {
  // 16 base64url chars plus a fixed tail guarantee all four classes.
  return `${randomBytes(12).toString('base64url')}a7!Q`;
}

export async function bootstrap(
  db: Db,
  opts: { adminPassword?: string; rootOrgName: string; rootLevel?: OrgLevel },
): Promise<BootstrapResult> {
  await rolesRepo.syncBuiltinRoles(db);
  if (opts.adminPassword) {
    const err = passwordPolicyError(opts.adminPassword);
    if (err) throw new Error(`ADMIN_PASSWORD 不符合密码策略：${err}`);
  }
  const password = opts.adminPassword ?? randomPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(73010002)`);
    if ((await orgRepo.hasAnyOrg(tx)) || (await usersRepo.countUsers(tx)) > 0) return { created: false };
    const [id] = await orgRepo.nextIds(tx, 1);
    if (id === undefined) throw new Error('no id');
    await orgRepo.insertMany(tx, [
      { id, parentId: null, path: `${id}.`, depth: 0, name: opts.rootOrgName, ...nameSearchFields(opts.rootOrgName), level: opts.rootLevel ?? 'city', kind: 'federation_body' },
    ]);
    const admin = await usersRepo.insert(tx, {
      orgId: id,
      username: 'admin',
      displayName: '系统管理员',
      passwordHash,
      roles: ['org_admin'],
      mustChangePassword: !opts.adminPassword,
    });
    await recordAudit(tx, { actorId: null, actorName: 'system', ip: null, requestId: null }, {
      action: 'system.bootstrap', orgId: id, orgPath: `${id}.`, entityType: 'user', entityId: admin.id,
      after: { rootOrg: opts.rootOrgName, admin: 'admin' },
    });
    return { created: true, rootOrgId: id, adminPassword: password, generated: !opts.adminPassword };
  });
}
