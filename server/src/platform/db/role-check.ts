// Production refuses an app role that RLS does not bind: a superuser (or a member of one), a role with BYPASSRLS,
// or one that owns (or inherits the owner of) a table — owners bypass their tables' policies and could TRUNCATE.
import { sql } from 'drizzle-orm';
import type { Db } from './connect.ts';

interface RoleFacts {
  name: string;
  superuser: boolean;
  bypassrls: boolean;
  owned: string | null;
}

/** The one-line reason the app's database role is unfit for production, or null. */
export async function appRoleProblem(db: Db): Promise<string | null> {
  const res = await db.execute<RoleFacts & Record<string, unknown>>(sql`
    SELECT current_user AS name,
           EXISTS (SELECT 1 FROM pg_roles s WHERE s.rolsuper AND pg_has_role(current_user, s.oid, 'MEMBER')) AS superuser,
           r.rolbypassrls AS bypassrls,
           (SELECT string_agg(c.relname, ', ' ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned
    FROM pg_roles r WHERE r.rolname = current_user`);
  const f = res.rows[0];
  if (!f) return '拒绝启动：无法读取数据库角色信息（refusing to start: cannot read the database role）';
  const fix = '生产环境须以非所有者、无特权的应用角色连接（connect as a non-owner app role without privileges in production）';
  if (f.superuser) return `拒绝启动：数据库角色 ${f.name} 是超级用户（refusing to start: role ${f.name} is a superuser）；${fix}`;
  if (f.bypassrls)
    return `拒绝启动：数据库角色 ${f.name} 拥有 BYPASSRLS（refusing to start: role ${f.name} bypasses row-level security）；${fix}`;
  if (f.owned) {
    const tables = f.owned.length > 80 ? `${f.owned.slice(0, 80)}…` : f.owned;
    return `拒绝启动：数据库角色 ${f.name} 是数据表的所有者（refusing to start: role ${f.name} owns tables: ${tables}）；${fix}`;
  }
  return null;
}
