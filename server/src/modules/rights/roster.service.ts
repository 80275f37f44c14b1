// 律师 / 调解员 roster per org: add, change and remove entries within the caller's subtree (a lower union sees the
// entries of the orgs above it and may assign its cases to them, but not change them); the phone is encrypted with a
// masked form. Every change is audited.
import { maskPhone, type AuditAction, type TRosterCreate, type TRosterUpdate } from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db, type Tx } from '../../platform/db/index.ts';
import { invalid, notFound } from '../../platform/http/index.ts';
import { findOrgInScope, orgNamesByIds } from '../orgs/index.ts';
import * as repo from './rights.repo.ts';

const phoneBinding = (id: number) => ({ table: 'rights_roster', column: 'phone_cipher', id });

export interface RosterItem extends repo.RosterRow {
  orgName: string;
  editable: boolean;
}

export function createRosterService({ db, crypto }: { db: Db; crypto: FieldCrypto }) {
  async function named(rows: repo.RosterRow[], scopePath: string): Promise<RosterItem[]> {
    const names = await asSystem(() =>
      orgNamesByIds(
        db,
        rows.map((r) => r.orgId),
      ),
    );
    return rows.map((r) => ({ ...r, orgName: names.get(r.orgId) ?? '', editable: r.orgPath.startsWith(scopePath) }));
  }

  const audit = (tx: Tx, ctx: Ctx, action: AuditAction, r: repo.RosterRow, after: Record<string, unknown>) =>
    recordAudit(tx, originOf(ctx), {
      action,
      orgId: r.orgId,
      orgPath: r.orgPath,
      entityType: 'rights_roster',
      entityId: r.id,
      after: { name: r.name, role: r.role, ...after },
    });

  const phoneFields = (id: number, phone: string | null | undefined) =>
    phone
      ? { phoneCipher: crypto.encrypt(phone, phoneBinding(id)), phoneMasked: maskPhone(phone) }
      : { phoneCipher: null, phoneMasked: null };

  async function create(ctx: Ctx, input: TRosterCreate): Promise<RosterItem> {
    const org = await findOrgInScope(db, ctx.actor.orgPath, input.orgId);
    if (!org) throw notFound('工会组织');
    if (org.status !== 'active') throw invalid('orgId', '该工会组织已注销');
    const row = await db.transaction(async (tx) => {
      const r = await repo.insertRoster(tx, {
        orgId: org.id,
        orgPath: org.path,
        name: input.name,
        role: input.role,
        firm: input.firm?.trim() || null,
      });
      // The phone is bound to the row's id, known only once inserted.
      const done = input.phone ? ((await repo.updateRoster(tx, r.id, phoneFields(r.id, input.phone))) ?? r) : r;
      await audit(tx, ctx, 'rights.roster_create', done, { firm: done.firm, phone: done.phoneMasked });
      return done;
    });
    return (await named([row], ctx.actor.orgPath))[0] as RosterItem;
  }

  async function update(ctx: Ctx, id: number, input: TRosterUpdate): Promise<RosterItem> {
    const row = await db.transaction(async (tx) => {
      const cur = await repo.rosterInSubtree(tx, ctx.actor.orgPath, id);
      if (!cur) throw notFound('律师调解员');
      const set = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.firm !== undefined ? { firm: input.firm?.trim() || null } : {}),
        ...(input.phone !== undefined ? phoneFields(id, input.phone) : {}),
      };
      const r = (await repo.updateRoster(tx, id, set)) ?? cur;
      await audit(tx, ctx, 'rights.roster_update', r, { firm: r.firm, phone: r.phoneMasked });
      return r;
    });
    return (await named([row], ctx.actor.orgPath))[0] as RosterItem;
  }

  async function remove(ctx: Ctx, id: number): Promise<void> {
    await db.transaction(async (tx) => {
      const cur = await repo.rosterInSubtree(tx, ctx.actor.orgPath, id);
      if (!cur) throw notFound('律师调解员');
      await repo.updateRoster(tx, id, { removedAt: new Date() });
      await audit(tx, ctx, 'rights.roster_delete', cur, {});
    });
  }

  async function list(ctx: Ctx, q: { orgId?: number | undefined; role?: string | undefined; page: number; pageSize: number }) {
    const org = await findOrgInScope(db, ctx.actor.orgPath, q.orgId ?? ctx.actor.orgId);
    if (!org) throw notFound('工会组织');
    // Entries above the caller are read as the system: a union calls on its district's lawyers.
    const res = await asSystem(() => repo.listRoster(db, org.path, q));
    return { items: await named(res.items, ctx.actor.orgPath), total: res.total, page: q.page, pageSize: q.pageSize };
  }

  return { create, update, remove, list };
}

export type RosterService = ReturnType<typeof createRosterService>;
