// Many orgs at once (the 组织名册 import): the same rules as creating or editing one — the parent active and of a
// higher level, the 统一社会信用代码 free, path and depth from the parent, a dated 建会 event, audit — done set-based
// inside the caller's one transaction, so thousands of unions take a few statements, not thousands of requests.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { OrgLevel, TOrgUpdate } from '@gonghui/common';
import { recordAudit, recordAuditMany, type AuditOrigin } from '../../platform/audit/index.ts';
import { subtreeOf } from '../../platform/authz/index.ts';
import { orgs, type DbOrTx, type Tx } from '../../platform/db/index.ts';
import { conflict, duplicate, invalid } from '../../platform/http/index.ts';
import { ORG_USCC_UNIQUE } from './orgs.constraints.ts';
import { nameSearchFields } from './orgs.pinyin.ts';
import { assertActive, assertCanParent } from './orgs.policy.ts';
import * as repo from './orgs.repo.ts';

/** What an import needs to know of each org of the subtree to resolve names, parents and namesakes. */
export interface TreeOrg {
  id: number;
  parentId: number | null;
  path: string;
  name: string;
  level: string;
  kind: string;
  status: string;
  uscc: string | null;
}

/** Every org of the subtree at `path`, the root included, top-down. */
export async function subtreeForImport(db: DbOrTx, path: string): Promise<TreeOrg[]> {
  return db
    .select({
      id: orgs.id,
      parentId: orgs.parentId,
      path: orgs.path,
      name: orgs.name,
      level: orgs.level,
      kind: orgs.kind,
      status: orgs.status,
      uscc: orgs.uscc,
    })
    .from(orgs)
    .where(subtreeOf(orgs.path, path))
    .orderBy(orgs.depth, orgs.id);
}

/** The orgs holding these codes anywhere in the federation, code → path (the caller tells in scope from not). */
export async function usccHolders(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 1000) {
    const rows = await db
      .select({ uscc: orgs.uscc, path: orgs.path })
      .from(orgs)
      .where(inArray(orgs.uscc, codes.slice(i, i + 1000)));
    for (const r of rows) if (r.uscc) out.set(r.uscc, r.path);
  }
  return out;
}

export type ParentRef = { orgId: number } | { create: number };
export type OrgDetails = Omit<TOrgUpdate, 'kind'>;

export interface BulkCreate {
  /** The parent: an existing org, or an earlier entry of `creates` (by index). */
  parent: ParentRef;
  name: string;
  level: OrgLevel;
  kind: string;
  details: OrgDetails;
}

export interface BulkPlan {
  /** The subtree the writes must stay in (the importer's scope, already checked by the caller). */
  scopePath: string;
  /** Top-down: an entry's parent comes before it. */
  creates: BulkCreate[];
  updates: { id: number; patch: TOrgUpdate }[];
}

/**
 * Writes the plan in `tx` and returns the new ids (in `creates` order). Throws an AppError on a broken rule (the
 * caller's check found none, so only a concurrent change gets here): the transaction then writes nothing.
 */
export async function applyBulk(tx: Tx, origin: AuditOrigin, plan: BulkPlan): Promise<number[]> {
  const parents = new Map<number, repo.OrgRow>();
  const parentIds = [...new Set(plan.creates.flatMap((c) => ('orgId' in c.parent ? [c.parent.orgId] : [])))];
  for (let i = 0; i < parentIds.length; i += 1000) {
    const rows = await tx
      .select()
      .from(orgs)
      .where(and(inArray(orgs.id, parentIds.slice(i, i + 1000)), subtreeOf(orgs.path, plan.scopePath)));
    for (const r of rows) parents.set(r.id, r);
  }
  const codes = [...plan.creates.map((c) => c.details.uscc), ...plan.updates.map((u) => u.patch.uscc)].filter((c): c is string => !!c);
  if (new Set(codes).size !== codes.length) throw duplicate(ORG_USCC_UNIQUE);
  const holders = await usccHolders(tx, codes);

  const ids = plan.creates.length ? await repo.nextIds(tx, plan.creates.length) : [];
  const rows: repo.OrgInsert[] = [];
  const events: Parameters<typeof repo.insertEvents>[1] = [];
  plan.creates.forEach((c, i) => {
    const id = ids[i] as number;
    const parent = 'orgId' in c.parent ? parents.get(c.parent.orgId) : (rows[c.parent.create] as repo.OrgRow | undefined);
    if (!parent) throw invalid('parentId', `上级组织不存在（第 ${i + 1} 个新组织「${c.name}」）`);
    if ('orgId' in c.parent) assertActive(parent);
    assertCanParent(parent, c.level, 'level');
    if (c.details.uscc && holders.has(c.details.uscc)) throw duplicate(ORG_USCC_UNIQUE);
    const d = c.details;
    rows.push({
      id,
      parentId: parent.id,
      path: `${parent.path}${id}.`,
      depth: parent.depth + 1,
      name: c.name,
      ...nameSearchFields(c.name),
      level: c.level,
      kind: c.kind,
      status: 'active',
      uscc: d.uscc ?? null,
      divisionCode: d.divisionCode ?? null,
      foundedAt: d.foundedAt ?? null,
      chairName: d.chairName ?? null,
      contactName: d.contactName ?? null,
      employerName: d.employerName ?? null,
      headcount: d.headcount ?? null,
      address: d.address ?? null,
    });
    if (d.foundedAt) events.push({ orgId: id, type: 'found', date: d.foundedAt, data: { parentId: parent.id }, createdBy: origin.actorId });
  });
  await repo.insertMany(tx, rows);
  await repo.insertEvents(tx, events);
  // Each new org gets its 新建组织 audit row, as one created by hand does (the search fields left out).
  await recordAuditMany(
    tx,
    origin,
    rows.map(({ pinyin: _p, pinyinInitials: _i, searchGrams: _g, ...after }) => ({
      action: 'org.create',
      orgId: after.id,
      orgPath: after.path,
      entityType: 'org',
      entityId: after.id,
      after,
    })),
  );

  for (const u of plan.updates) {
    const [before] = await tx
      .select()
      .from(orgs)
      .where(and(eq(orgs.id, u.id), subtreeOf(orgs.path, plan.scopePath)))
      .for('update');
    if (!before) throw invalid('id', '要更新的组织不存在');
    if (before.status !== 'active') throw conflict(`「${before.name}」已注销，不能再修改`);
    const holder = u.patch.uscc ? holders.get(u.patch.uscc) : undefined;
    if (holder !== undefined && holder !== before.path) throw duplicate(ORG_USCC_UNIQUE);
    const after = await repo.update(tx, u.id, u.patch);
    await recordAudit(tx, origin, {
      action: 'org.update',
      orgId: u.id,
      orgPath: after.path,
      entityType: 'org',
      entityId: u.id,
      before: pick(before, u.patch),
      after: pick(after, u.patch),
    });
  }
  return ids;
}

function pick(row: object, keys: object): Record<string, unknown> {
  const src = row as Record<string, unknown>;
  return Object.fromEntries(Object.keys(keys).map((k) => [k, src[k] ?? null]));
}

/** Serialises bulk org writes across processes (two imports of overlapping subtrees must not interleave). */
export async function lockBulk(tx: Tx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(73010013)`);
}
