// Names of the objects a page of audit rows mentions: one query per kind of object for the whole page, each bounded
// by the reader's subtree (and by row-level security on PostgreSQL). An object that is gone or outside the subtree
// keeps its type and id.
import { and, eq, inArray } from 'drizzle-orm';
import { AUDIT_ORG_ID_FIELDS, BUILTIN_ROLES, auditEntityLabel } from '@gonghui/common';
import { subtreeOf } from '../../platform/authz/index.ts';
import type { AuditRow } from '../../platform/audit/index.ts';
import {
  attachments,
  exportRequests,
  memberImports,
  members,
  orgs,
  roles,
  users,
  workSummaries,
  type DbOrTx,
} from '../../platform/db/index.ts';

export interface PageNames {
  orgName: (id: number) => string | undefined;
  objectLabel: (row: AuditRow) => string | null;
}

const MAX_INT = 2_147_483_647;
const asId = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 && n <= MAX_INT ? n : undefined;
};

/** A target's entity id is "<orgId>:<year>". */
const targetKey = (entityId: string | null) => {
  const m = /^(\d{1,10}):(\d{4})$/.exec(entityId ?? '');
  const orgId = asId(m?.[1]);
  return m && orgId ? { orgId, year: m[2] } : undefined;
};

function detailOrgIds(row: AuditRow): number[] {
  const ids: number[] = [];
  for (const side of [row.before, row.after]) {
    if (!side || typeof side !== 'object' || Array.isArray(side)) continue;
    for (const f of AUDIT_ORG_ID_FIELDS) {
      const id = asId((side as Record<string, unknown>)[f]);
      if (id) ids.push(id);
    }
  }
  return ids;
}

async function namesOf(
  ids: Set<number>,
  query: (ids: number[]) => Promise<{ id: number; name: string | null }[]>,
): Promise<Map<number, string>> {
  if (ids.size === 0) return new Map();
  const rows = await query([...ids]);
  return new Map(rows.filter((r) => r.name).map((r) => [r.id, r.name as string]));
}

export async function resolvePageNames(
  db: DbOrTx,
  scopePath: string,
  rows: AuditRow[],
  indicatorLabel: (key: string) => string | undefined,
): Promise<PageNames> {
  const wanted: Record<string, Set<number>> = {};
  const want = (type: string, id: number | undefined) => {
    if (id) (wanted[type] ??= new Set()).add(id);
  };
  const roleKeys = new Set<string>();
  for (const r of rows) {
    if (r.entityType === 'target') want('org', targetKey(r.entityId)?.orgId);
    else if (r.entityType === 'role' && r.entityId) roleKeys.add(r.entityId);
    else if (r.entityType) want(r.entityType, asId(r.entityId));
    for (const id of detailOrgIds(r)) want('org', id);
  }
  const ids = (type: string) => wanted[type] ?? new Set<number>();

  const [orgNames, memberNames, userNames, summaryTitles, exportNumbers, importFiles, attachmentNames, roleNames] = await Promise.all([
    namesOf(ids('org'), (list) =>
      db
        .select({ id: orgs.id, name: orgs.name })
        .from(orgs)
        .where(and(inArray(orgs.id, list), subtreeOf(orgs.path, scopePath))),
    ),
    namesOf(ids('member'), (list) =>
      db
        .select({ id: members.id, name: members.name })
        .from(members)
        .where(and(inArray(members.id, list), subtreeOf(members.orgPath, scopePath))),
    ),
    namesOf(ids('user'), (list) =>
      db
        .select({ id: users.id, name: users.username })
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(and(inArray(users.id, list), subtreeOf(orgs.path, scopePath))),
    ),
    namesOf(ids('work_summary'), (list) =>
      db
        .select({ id: workSummaries.id, name: workSummaries.title })
        .from(workSummaries)
        .innerJoin(orgs, eq(orgs.id, workSummaries.orgId))
        .where(and(inArray(workSummaries.id, list), subtreeOf(orgs.path, scopePath))),
    ),
    namesOf(ids('export_request'), (list) =>
      db
        .select({ id: exportRequests.id, name: exportRequests.number })
        .from(exportRequests)
        .innerJoin(orgs, eq(orgs.id, exportRequests.orgId))
        .where(and(inArray(exportRequests.id, list), subtreeOf(orgs.path, scopePath))),
    ),
    namesOf(ids('member_import'), (list) =>
      db
        .select({ id: memberImports.jobId, name: memberImports.fileName })
        .from(memberImports)
        .innerJoin(orgs, eq(orgs.id, memberImports.orgId))
        .where(and(inArray(memberImports.jobId, list), subtreeOf(orgs.path, scopePath))),
    ),
    namesOf(ids('attachment'), (list) =>
      db
        .select({ id: attachments.id, name: attachments.fileName })
        .from(attachments)
        .where(and(inArray(attachments.id, list), subtreeOf(attachments.orgPath, scopePath))),
    ),
    roleKeys.size
      ? db
          .select({ key: roles.key, name: roles.name })
          .from(roles)
          .where(inArray(roles.key, [...roleKeys]))
      : Promise.resolve([]),
  ]);
  const byType: Record<string, Map<number, string>> = {
    org: orgNames,
    member: memberNames,
    user: userNames,
    work_summary: summaryTitles,
    export_request: exportNumbers,
    member_import: importFiles,
    attachment: attachmentNames,
  };
  const roleName = new Map<string, string>(roleNames.map((r) => [r.key, r.name]));

  const fallback = (r: AuditRow) => `${auditEntityLabel(r.entityType ?? '')}${r.entityId ? ` #${r.entityId}` : ''}`;
  const objectLabel = (r: AuditRow): string | null => {
    if (!r.entityType) return null;
    if (r.entityType === 'data_key') return r.entityId ? `数据密钥 v${r.entityId}` : fallback(r);
    if (r.entityType === 'role') {
      const builtin =
        r.entityId && Object.hasOwn(BUILTIN_ROLES, r.entityId) ? BUILTIN_ROLES[r.entityId as keyof typeof BUILTIN_ROLES].name : undefined;
      return (r.entityId && roleName.get(r.entityId)) ?? builtin ?? fallback(r);
    }
    if (r.entityType === 'target') {
      const t = targetKey(r.entityId);
      const org = t && orgNames.get(t.orgId);
      if (!t || !org) return fallback(r);
      return `${org} ${t.year}年目标${indicatorsOf(r.after, indicatorLabel)}`;
    }
    const id = asId(r.entityId);
    return (id && byType[r.entityType]?.get(id)) || fallback(r);
  };
  return { orgName: (id) => orgNames.get(id), objectLabel };
}

/** "：会员总数、新建工会组织等 5 项" from the indicator keys a target row set. */
function indicatorsOf(after: unknown, label: (key: string) => string | undefined): string {
  if (!after || typeof after !== 'object' || Array.isArray(after)) return '';
  const keys = Object.keys(after);
  if (keys.length === 0) return '';
  const shown = keys.slice(0, 3).map((k) => label(k) ?? k);
  return `：${shown.join('、')}${keys.length > 3 ? `等 ${keys.length} 项` : ''}`;
}
