// First start on an empty database: the root org and the three separated root accounts (三员分立) — `admin`
// (system admin), `secadmin` (security admin) and `auditor` (security auditor) — each from its env password or a
// one-time random password that must be changed at first login. On an existing database the missing accounts are
// added the same way, so an upgrade never leaves the audit log or the roles without a holder.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { breaksSeparation, BUILTIN_ROLES, passwordPolicyError, type BuiltinRoleKey, type OrgLevel } from '@gonghui/common';
import { recordAudit } from '../platform/audit/index.ts';
import type { Db, DbOrTx } from '../platform/db/index.ts';
import { hasAnyOrg, insertOrgs, nameSearchFields, nextOrgIds } from '../modules/orgs/index.ts';
import {
  countUsers,
  findUserByUsername,
  hashPassword,
  insertUser,
  setUserRoles,
  syncBuiltinRoles,
  type UserWithOrg,
} from '../modules/users/index.ts';

export interface BootAccount {
  username: string;
  displayName: string;
  password: string;
  /** True when the password was generated here: printed once, changed at first login. */
  generated: boolean;
}

export interface BootstrapResult {
  created: boolean;
  rootOrgId?: number;
  adminPassword?: string;
  generated?: boolean;
  /** Accounts created by this run (all three on a fresh database, the missing ones after an upgrade). */
  accounts: BootAccount[];
}

export interface BootstrapOptions {
  adminPassword?: string;
  secadminPassword?: string;
  auditorPassword?: string;
  rootOrgName: string;
  rootLevel?: OrgLevel;
}

const ROOT_ACCOUNTS: {
  username: string;
  displayName: string;
  roles: BuiltinRoleKey[];
  env: string;
  option: 'adminPassword' | 'secadminPassword' | 'auditorPassword';
}[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['system_admin', 'org_admin'], env: 'ADMIN_PASSWORD', option: 'adminPassword' },
  { username: 'secadmin', displayName: '安全管理员', roles: ['security_admin'], env: 'SECADMIN_PASSWORD', option: 'secadminPassword' },
  { username: 'auditor', displayName: '安全审计员', roles: ['auditor'], env: 'AUDITOR_PASSWORD', option: 'auditorPassword' },
];

export function randomPassword(): string {
  // 16 base64url chars plus a fixed tail guarantee all four classes.
  return `${randomBytes(12).toString('base64url')}a7!Q`;
}

const SYSTEM = { actorId: null, actorName: 'system', ip: null, requestId: null };

export async function bootstrap(db: Db, opts: BootstrapOptions): Promise<BootstrapResult> {
  await syncBuiltinRoles(db);
  for (const a of ROOT_ACCOUNTS) {
    const given = opts[a.option];
    const err = given ? passwordPolicyError(given) : null;
    if (err) throw new Error(`${a.env} 不符合密码策略：${err}`);
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(73010002)`);
    const fresh = !(await hasAnyOrg(tx)) && (await countUsers(tx)) === 0;
    const root = fresh ? await createRoot(tx, opts) : await findRoot(tx);
    if (!root) return { created: false, accounts: [] };
    const accounts: BootAccount[] = [];
    for (const a of ROOT_ACCOUNTS) {
      const existing = await findUserByUsername(tx, a.username);
      if (existing) {
        if (a.username === 'admin' && existing.orgId === root.id) await upgradeAdmin(tx, existing, a.roles);
        continue;
      }
      const given = opts[a.option];
      const password = given ?? randomPassword();
      await insertUser(tx, {
        orgId: root.id,
        username: a.username,
        displayName: a.displayName,
        passwordHash: await hashPassword(password),
        roles: a.roles,
        mustChangePassword: !given,
      });
      accounts.push({ username: a.username, displayName: a.displayName, password, generated: !given });
    }
    if (accounts.length) {
      await recordAudit(tx, SYSTEM, {
        action: fresh ? 'system.bootstrap' : 'system.accounts_added',
        orgId: root.id,
        orgPath: root.path,
        entityType: 'org',
        entityId: root.id,
        after: { rootOrg: root.name, accounts: accounts.map((a) => a.username) },
      });
    }
    const admin = accounts.find((a) => a.username === 'admin');
    return { created: fresh, rootOrgId: root.id, adminPassword: admin?.password, generated: admin?.generated, accounts };
  });
}

async function createRoot(tx: DbOrTx, opts: BootstrapOptions) {
  const [id] = await nextOrgIds(tx, 1);
  if (id === undefined) throw new Error('no id');
  const path = `${id}.`;
  await insertOrgs(tx, [
    {
      id,
      parentId: null,
      path,
      depth: 0,
      name: opts.rootOrgName,
      ...nameSearchFields(opts.rootOrgName),
      level: opts.rootLevel ?? 'city',
      kind: 'federation_body',
    },
  ]);
  return { id, path, name: opts.rootOrgName };
}

async function findRoot(tx: DbOrTx) {
  const res = await tx.execute<{ id: number; path: string; name: string }>(
    sql`SELECT id, path, name FROM orgs WHERE depth = 0 ORDER BY id LIMIT 1`,
  );
  return res.rows[0];
}

/** Before 三员分立 `admin` held org_admin alone; such an admin becomes the system admin too (once, not after edits). */
async function upgradeAdmin(tx: DbOrTx, admin: UserWithOrg, roles: BuiltinRoleKey[]) {
  if (admin.roles.length !== 1 || admin.roles[0] !== 'org_admin') return;
  if (breaksSeparation(roles.flatMap((r) => BUILTIN_ROLES[r].permissions))) return;
  await setUserRoles(tx, admin.id, roles);
  await recordAudit(tx, SYSTEM, {
    action: 'user.update',
    orgId: admin.orgId,
    orgPath: admin.orgPath,
    entityType: 'user',
    entityId: admin.id,
    before: { roles: admin.roles },
    after: { roles },
  });
}
