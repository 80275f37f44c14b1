// Rules and transactions for organisations and their dated life events.
import type { OrgLevel, TOrgCreate, TOrgEventCreate, TOrgUpdate } from '@gonghui/common';
import { ORG_DIRECTORY_MAX, ORG_LEVEL_RANK } from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import { asSystem, type Db, type Tx } from '../../platform/db/index.ts';
import { conflict, duplicate, invalid } from '../../platform/http/index.ts';
import * as repo from './orgs.repo.ts';
import { ORG_USCC_UNIQUE } from './orgs.constraints.ts';
import { assertActive, assertCanParent, assertNotOwnRoot, loadOrgInScope } from './orgs.policy.ts';
import { nameSearchFields } from './orgs.pinyin.ts';

/** Runs inside the move's transaction, e.g. to keep denormalised paths of other tables in step. */
export type SubtreeMovedListener = (tx: Tx, oldPath: string, newPath: string) => Promise<void>;

export function createOrgService({ db }: { db: Db }) {
  const subtreeMovedListeners: SubtreeMovedListener[] = [];

  async function assertUsccFree(tx: Tx, uscc: string | null | undefined, selfId?: number) {
    if (!uscc) return;
    const other = await repo.findByUscc(tx, uscc);
    if (other && other.id !== selfId) throw duplicate(ORG_USCC_UNIQUE);
  }

  async function create(ctx: Ctx, input: TOrgCreate) {
    return db.transaction(async (tx) => {
      const parent = await loadOrgInScope(tx, ctx.actor, input.parentId);
      assertActive(parent);
      assertCanParent(parent, input.level, 'level');
      await assertUsccFree(tx, input.uscc);
      const [id] = await repo.nextIds(tx, 1);
      if (id === undefined) throw new Error('no id');
      const row: repo.OrgInsert = {
        id,
        parentId: parent.id,
        path: `${parent.path}${id}.`,
        depth: parent.depth + 1,
        name: input.name,
        ...nameSearchFields(input.name),
        level: input.level,
        kind: input.kind,
        uscc: input.uscc ?? null,
        divisionCode: input.divisionCode ?? null,
        foundedAt: input.foundedAt ?? null,
        chairName: input.chairName ?? null,
        contactName: input.contactName ?? null,
        employerName: input.employerName ?? null,
        headcount: input.headcount ?? null,
        address: input.address ?? null,
      };
      await repo.insertMany(tx, [row]);
      if (input.foundedAt) {
        await repo.insertEvent(tx, {
          orgId: id,
          type: 'found',
          date: input.foundedAt,
          data: { parentId: parent.id },
          createdBy: ctx.actor.userId,
        });
      }
      const created = await repo.findInScope(tx, ctx.actor.orgPath, id);
      if (!created) throw new Error('created org not visible');
      await recordAudit(tx, originOf(ctx), {
        action: 'org.create',
        orgId: id,
        orgPath: created.path,
        entityType: 'org',
        entityId: id,
        after: row,
      });
      return created;
    });
  }

  async function update(ctx: Ctx, id: number, patch: TOrgUpdate) {
    return db.transaction(async (tx) => {
      const before = await loadOrgInScope(tx, ctx.actor, id);
      await assertUsccFree(tx, patch.uscc, id);
      const after = await repo.update(tx, id, patch);
      await recordAudit(tx, originOf(ctx), {
        action: 'org.update',
        orgId: id,
        orgPath: after.path,
        entityType: 'org',
        entityId: id,
        before: pick(before, patch),
        after: pick(after, patch),
      });
      return { ...after, childCount: before.childCount };
    });
  }

  async function addEvent(ctx: Ctx, id: number, ev: TOrgEventCreate) {
    return db.transaction(async (tx) => {
      const org = await loadOrgInScope(tx, ctx.actor, id);
      assertActive(org);
      if (org.foundedAt && ev.date < org.foundedAt) throw invalid('date', `不能早于建会日期 ${org.foundedAt}`);
      let data: Record<string, unknown> = {};
      let patch: Partial<repo.OrgInsert> = {};
      switch (ev.type) {
        case 'rename': {
          if (ev.newName === org.name) throw invalid('newName', '与现名称相同');
          data = { from: org.name, to: ev.newName };
          patch = { name: ev.newName, ...nameSearchFields(ev.newName) };
          break;
        }
        case 'reelect': {
          data = { chairName: ev.chairName ?? null, termYears: ev.termYears ?? null, previousChair: org.chairName };
          if (ev.chairName) patch = { chairName: ev.chairName };
          break;
        }
        case 'upgrade': {
          const newLevel: OrgLevel = ev.newLevel;
          if (ORG_LEVEL_RANK[newLevel] >= ORG_LEVEL_RANK[org.level as OrgLevel]) throw invalid('newLevel', '升格后的层级应高于现层级');
          if (org.parentId !== null) {
            const parent = await repo.findById(tx, org.parentId);
            if (parent) assertCanParent(parent, newLevel, 'newLevel');
          }
          data = { from: org.level, to: newLevel };
          patch = { level: newLevel };
          break;
        }
        case 'move':
          return moveOrg(tx, ctx, org, ev);
        case 'dissolve': {
          assertNotOwnRoot(ctx.actor, org, '注销');
          const active = await repo.countActiveChildren(tx, id);
          if (active > 0) throw conflict(`「${org.name}」还有 ${active} 个未注销的下级组织，请先注销或转出`);
          data = { reason: ev.reason ?? null };
          patch = { status: 'dissolved', dissolvedAt: ev.date };
          break;
        }
      }
      const after = Object.keys(patch).length ? await repo.update(tx, id, patch) : org;
      const event = await repo.insertEvent(tx, {
        orgId: id,
        type: ev.type,
        date: ev.date,
        data,
        note: ev.note ?? null,
        createdBy: ctx.actor.userId,
      });
      await recordAudit(tx, originOf(ctx), {
        action: `org.${ev.type}`,
        orgId: id,
        orgPath: after.path,
        entityType: 'org',
        entityId: id,
        before: pick(org, patch),
        after: { ...data, date: ev.date },
      });
      return event;
    });
  }

  async function moveOrg(tx: Tx, ctx: Ctx, org: repo.OrgRow, ev: Extract<TOrgEventCreate, { type: 'move' }>) {
    assertNotOwnRoot(ctx.actor, org, '转出');
    const target = await loadOrgInScope(tx, ctx.actor, ev.newParentId);
    if (target.path.startsWith(org.path)) throw invalid('newParentId', '不能转到本组织或其下级组织之下');
    if (target.id === org.parentId) throw invalid('newParentId', '已经隶属于该上级组织');
    assertActive(target);
    assertCanParent(target, org.level as OrgLevel, 'newParentId');
    const newPath = `${target.path}${org.id}.`;
    const moved = await repo.moveSubtree(tx, org.path, newPath);
    for (const listener of subtreeMovedListeners) await listener(tx, org.path, newPath);
    await repo.update(tx, org.id, { parentId: target.id });
    const data = { fromParentId: org.parentId, toParentId: target.id, toParentName: target.name, orgsMoved: moved };
    const event = await repo.insertEvent(tx, {
      orgId: org.id,
      type: 'move',
      date: ev.date,
      data,
      note: ev.note ?? null,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, originOf(ctx), {
      action: 'org.move',
      orgId: org.id,
      orgPath: newPath,
      entityType: 'org',
      entityId: org.id,
      before: { parentId: org.parentId, path: org.path },
      after: { ...data, path: newPath, date: ev.date },
    });
    return event;
  }

  return {
    create,
    update,
    addEvent,
    onSubtreeMoved: (listener: SubtreeMovedListener) => void subtreeMovedListeners.push(listener),
    get: (ctx: Ctx, id: number) => loadOrgInScope(db, ctx.actor, id),
    /** 工会名录 for picking the other side of a case (a transfer's receiving union): names only, federation-wide. */
    /** Also the public union search of 网上入会 (optionally only some levels, e.g. street unions). */
    directory: (q: string, levels?: readonly string[]) => asSystem(() => repo.directory(db, q, ORG_DIRECTORY_MAX, levels)),
    children: async (ctx: Ctx, id: number, page: number, pageSize: number) => {
      await loadOrgInScope(db, ctx.actor, id);
      return repo.listChildren(db, id, page, pageSize);
    },
    search: async (ctx: Ctx, f: Omit<repo.OrgSearch, 'scopePath'> & { rootId?: number }, page: number, pageSize: number) => {
      const scopePath = f.rootId ? (await loadOrgInScope(db, ctx.actor, f.rootId)).path : ctx.actor.orgPath;
      return repo.search(db, { ...f, scopePath }, page, pageSize);
    },
    ancestors: async (ctx: Ctx, id: number) => {
      const org = await loadOrgInScope(db, ctx.actor, id);
      const actorDepth = ctx.actor.orgPath.split('.').filter(Boolean).length - 1;
      return repo.ancestors(db, org.path, actorDepth);
    },
    events: async (ctx: Ctx, id: number, page: number, pageSize: number) => {
      await loadOrgInScope(db, ctx.actor, id);
      return repo.listEvents(db, id, page, pageSize);
    },
    summary: async (ctx: Ctx, id: number) => {
      const org = await loadOrgInScope(db, ctx.actor, id);
      const rows = await repo.subtreeSummary(db, org.path);
      const byLevel: Record<string, number> = {};
      const byKind: Record<string, number> = {};
      let active = 0;
      let dissolved = 0;
      for (const r of rows) {
        byLevel[r.level] = (byLevel[r.level] ?? 0) + r.n;
        byKind[r.kind] = (byKind[r.kind] ?? 0) + r.n;
        if (r.status === 'active') active += r.n;
        else dissolved += r.n;
      }
      return { orgCount: active + dissolved, active, dissolved, byLevel, byKind };
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;

function pick(row: object, keys: object): Record<string, unknown> {
  const src = row as Record<string, unknown>;
  return Object.fromEntries(Object.keys(keys).map((k) => [k, src[k] ?? null]));
}
