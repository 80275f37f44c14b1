// From parsed rows to a plan: each row's parent resolved (by name, by a 「街道/工会」 path or by its code) among the
// orgs of the importer's subtree and the rows above it, then matched to an existing org to update (same code, or
// the same name under the same parent) or planned as a new org. Only orgs inside the subtree are ever named in a
// message: an out-of-scope parent reads exactly as one that does not exist.
import { ORG_LEVEL_LABELS, canParent, type OrgKind, type OrgLevel, type TOrgUpdate } from '@gonghui/common';
import type { BulkCreate, ParentRef, TreeOrg } from '../orgs/index.ts';
import { labelOf, type ParsedRow } from './org-imports.columns.ts';

export interface RowError {
  row: number;
  column: string;
  message: string;
  raw: string[];
}

interface Node {
  ref: ParentRef;
  name: string;
  /** The parent node; null for the subtree's root (its parent is out of scope and never named). */
  parent: Node | null;
  level: OrgLevel;
  kind: string;
  active: boolean;
  uscc: string | null;
  /** The file row that creates this node, if any. */
  row?: number;
  /** The existing org's id, if any. */
  id?: number;
  children: Map<string, Node[]>;
}

export interface Plan {
  creates: BulkCreate[];
  updates: { id: number; patch: TOrgUpdate }[];
  /** File row of each create, in `creates` order. */
  createRows: number[];
  errors: RowError[];
}

const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const FEDERATION_LEVELS: OrgLevel[] = ['province', 'city', 'district', 'street'];

/**
 * `tree` is the subtree top-down, root first; `holders` maps the file's codes to the path of the org holding each,
 * anywhere in the federation.
 */
export function planImport(rows: ParsedRow[], tree: TreeOrg[], rootPath: string, holders: Map<string, string>): Plan {
  const byId = new Map<number, Node>();
  const byName = new Map<string, Node[]>();
  const byUscc = new Map<string, Node>();
  const add = (n: Node) => {
    const k = key(n.name);
    byName.set(k, [...(byName.get(k) ?? []), n]);
    if (n.parent) n.parent.children.set(k, [...(n.parent.children.get(k) ?? []), n]);
    if (n.uscc) byUscc.set(n.uscc, n);
  };
  for (const o of tree) {
    const parent = o.parentId === null ? null : (byId.get(o.parentId) ?? null);
    const n: Node = {
      ref: { orgId: o.id },
      id: o.id,
      name: o.name,
      parent,
      level: o.level as OrgLevel,
      kind: o.kind,
      active: o.status === 'active',
      uscc: o.uscc,
      children: new Map(),
    };
    byId.set(o.id, n);
    add(n);
  }
  const root = tree[0] ? byId.get(tree[0].id) : undefined;
  if (!root) throw new Error('import root missing');
  /** Names of rows refused so far: a later row naming one as its parent is told which row to fix. */
  const refusedNames = new Map<string, number>();
  const plan: Plan = { creates: [], updates: [], createRows: [], errors: [] };
  const seenUscc = new Map<string, number>();
  /** Existing orgs already updated by a row above: id → that row. */
  const touched = new Map<number, number>();

  const describe = (n: Node) => {
    const where = n.parent ? `${n.parent.name}/${n.name}` : `${n.name}（本级）`;
    return n.uscc ? `${where}（统一社会信用代码 ${n.uscc}）` : where;
  };

  /** The node a parent cell names, or a message saying why none. */
  function resolveParent(text: string): Node | string {
    if (!text) return root as Node;
    const code = text.replace(/\s+/g, '').toUpperCase();
    if (/^[0-9A-Z]{18}$/.test(code)) {
      return byUscc.get(code) ?? `上级组织「${text}」不存在或不在您的管辖范围内`;
    }
    const segs = text
      .split(/[/／\\>＞]/)
      .map(key)
      .filter(Boolean);
    const last = segs[segs.length - 1] ?? '';
    const found = (byName.get(last) ?? []).filter((n) => {
      let p = n.parent;
      for (let i = segs.length - 2; i >= 0; i--, p = p?.parent ?? null) if (!p || key(p.name) !== segs[i]) return false;
      return true;
    });
    const active = found.filter((n) => n.active);
    if (active.length === 1) return active[0] as Node;
    if (active.length > 1) {
      const list = active.slice(0, 5).map(describe).join('；');
      const more = active.length > 5 ? ` 等 ${active.length} 个` : '';
      return `上级组织「${text}」有 ${active.length} 个同名组织：${list}${more}。请写成「上级名称/组织名称」的路径，或改填该组织的统一社会信用代码`;
    }
    if (found.length > 0) return `上级组织「${text}」已注销，不能在其下导入组织`;
    const row = refusedNames.get(last);
    if (row !== undefined) return `上级组织「${text}」所在的第${row}行有错误，请先修正该行`;
    return `上级组织「${text}」不存在或不在您的管辖范围内；上级组织须已登记，或写在本表靠前的行中`;
  }

  for (const r of rows) {
    const errs = r.issues.map((i) => ({ ...i }));
    const fail = (column: string, message: string) => errs.push({ column, message: `第${r.row}行「${column}」：${message}` });
    let parent: Node | undefined;
    if (errs.length === 0) {
      const p = resolveParent(r.parent);
      if (typeof p === 'string') fail(labelOf('parent'), p);
      else parent = p;
    }
    let target: Node | undefined;
    if (parent && r.uscc) {
      const dup = seenUscc.get(r.uscc);
      const holder = holders.get(r.uscc);
      if (dup !== undefined) fail(labelOf('uscc'), `与第${dup}行的统一社会信用代码重复`);
      else if (holder !== undefined && !holder.startsWith(rootPath)) fail(labelOf('uscc'), '已被其他组织使用');
      else target = byUscc.get(r.uscc);
      if (target && target.row !== undefined) fail(labelOf('uscc'), `与第${target.row}行的统一社会信用代码重复`);
    }
    if (parent && errs.length === 0) {
      const namesakes = parent.children.get(key(r.name)) ?? [];
      const fromFile = namesakes.find((n) => n.row !== undefined);
      if (target) {
        if (target.parent !== parent)
          fail(labelOf('parent'), `该统一社会信用代码已登记为「${describe(target)}」，上级组织不同；变更上级请在组织详情中办理转出`);
        else if (key(target.name) !== key(r.name))
          fail(labelOf('name'), `该统一社会信用代码已登记为「${target.name}」；更名请在组织详情中办理`);
      } else if (fromFile) {
        fail(labelOf('name'), `与第${fromFile.row}行重复：同一上级组织下已有「${r.name}」`);
      } else if (namesakes.length > 1) {
        fail(
          labelOf('name'),
          `「${parent.name}」下有 ${namesakes.length} 个名为「${r.name}」的组织，请填写统一社会信用代码以指明要更新哪一个`,
        );
      } else if (namesakes[0]) {
        target = namesakes[0];
        if (r.uscc && target.uscc && target.uscc !== r.uscc) fail(labelOf('uscc'), `「${describe(target)}」已登记了不同的统一社会信用代码`);
      }
    }
    if (errs.length === 0 && target) {
      const before = target.id === undefined ? undefined : touched.get(target.id);
      if (before !== undefined) fail(labelOf('name'), `与第${before}行是同一个组织`);
      else if (!target.active) fail(labelOf('name'), `「${target.name}」已注销，不能再修改`);
      else if (r.level && r.level !== target.level)
        fail(labelOf('level'), `「${target.name}」已登记为${ORG_LEVEL_LABELS[target.level]}；层级变更请在组织详情中办理升格`);
    }
    let kind: OrgKind | undefined = r.kind;
    if (errs.length === 0 && !target && parent) {
      if (!r.level) fail(labelOf('level'), '新建组织时不能为空');
      else if (!parent.active) fail(labelOf('parent'), `上级组织「${parent.name}」已注销`);
      else if (!canParent(parent.level, r.level))
        fail(labelOf('level'), `「${parent.name}」是${ORG_LEVEL_LABELS[parent.level]}，其下级不能是${ORG_LEVEL_LABELS[r.level]}`);
      if (!kind && r.level && FEDERATION_LEVELS.includes(r.level)) kind = 'federation_body';
      if (!kind && r.level) fail(labelOf('kind'), '新建组织时不能为空');
    }
    if (errs.length > 0) {
      const first = errs[0] as { column: string; message: string };
      plan.errors.push({ row: r.row, column: first.column, message: errs.map((e) => e.message).join('；'), raw: r.raw });
      if (r.name) refusedNames.set(key(r.name), r.row);
      continue;
    }
    if (r.uscc) seenUscc.set(r.uscc, r.row);
    const p = parent as Node;
    if (target) {
      if (target.id !== undefined) touched.set(target.id, r.row);
      const patch: TOrgUpdate = { ...r.details, ...(r.kind ? { kind: r.kind } : {}), ...(r.uscc ? { uscc: r.uscc } : {}) };
      if (Object.keys(patch).length > 0 && target.id !== undefined) plan.updates.push({ id: target.id, patch });
      continue;
    }
    const index = plan.creates.length;
    plan.creates.push({
      parent: p.ref,
      name: r.name,
      level: r.level as OrgLevel,
      kind: kind as OrgKind,
      details: { ...r.details, ...(r.uscc ? { uscc: r.uscc } : {}) },
    });
    plan.createRows.push(r.row);
    add({
      ref: { create: index },
      name: r.name,
      parent: p,
      level: r.level as OrgLevel,
      kind: kind as string,
      active: true,
      uscc: r.uscc ?? null,
      row: r.row,
      children: new Map(),
    });
  }
  return plan;
}
