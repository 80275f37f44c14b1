// 工伤探视: reporting an injured worker (the org in the caller's scope; name and ID number encrypted, masked for
// display), reading reports in scope, the visit (the kernel's action after its fields are checked) and the audited
// reveal of the full name and ID number.
import {
  maskIdNumber,
  maskName,
  parseIdNumber,
  INJURY_VISIT_WORKING_DAYS,
  type TInjuryActionBody,
  type TInjuryCreate,
  type TInjuryListQuery,
} from '@gonghui/common';
import type { Writable } from 'node:stream';
import type { Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import { CipherError, type FieldCrypto } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, invalid, notFound } from '../../platform/http/index.ts';
import { findOrgInScope } from '../orgs/index.ts';
import { injuryExportFileName, writeInjuryExport } from './injury.export.ts';
import * as repo from './injury.repo.ts';
import type { InjuryCaseType } from './injury.workflow.ts';

const binding = (id: number, column: 'name_cipher' | 'id_cipher') => ({ table: 'injury_reports', column, id });

export interface InjuryView extends repo.InjuryItem {
  steps: Awaited<ReturnType<InjuryCaseType['get']>>['steps'];
  allowedActions: 'visit'[];
}

export function createInjuryService({ db, crypto, cases }: { db: Db; crypto: FieldCrypto; cases: InjuryCaseType }) {
  async function scopeOrg(ctx: Ctx, orgId: number | undefined) {
    const org = await findOrgInScope(db, ctx.actor.orgPath, orgId ?? ctx.actor.orgId);
    if (!org) throw notFound('工会组织');
    return org;
  }

  async function get(ctx: Ctx, id: number): Promise<InjuryView> {
    const view = await cases.get(ctx, id);
    const item = await repo.findInScope(db, ctx.actor.orgPath, id);
    if (!item) throw notFound('工伤探视');
    return { ...item, steps: view.steps, allowedActions: view.allowedActions };
  }

  async function create(ctx: Ctx, input: TInjuryCreate): Promise<InjuryView> {
    const org = await scopeOrg(ctx, input.orgId);
    if (org.status !== 'active') throw invalid('orgId', '该工会组织已注销');
    let idNumber: string | null = null;
    if (input.idNumber) {
      const parsed = parseIdNumber(input.idNumber);
      if (!parsed.ok) throw invalid('idNumber', parsed.message);
      idNumber = parsed.idNumber;
    }
    const name = input.name.trim();
    const id = await db.transaction(async (tx) => {
      const c = await cases.open(ctx, tx, {
        owner: { id: org.id, path: org.path },
        title: `工伤探视：${maskName(name)}（${input.employerName.trim()}）`,
        payload: { severity: input.severity },
        dueInWorkingDays: INJURY_VISIT_WORKING_DAYS,
      });
      await repo.insert(tx, {
        id: c.id,
        orgId: org.id,
        nameCipher: crypto.encrypt(name, binding(c.id, 'name_cipher')),
        nameMasked: maskName(name),
        idCipher: idNumber ? crypto.encrypt(idNumber, binding(c.id, 'id_cipher')) : null,
        idMasked: idNumber ? maskIdNumber(idNumber) : null,
        employerName: input.employerName.trim(),
        injuredAt: input.injuredAt,
        severity: input.severity,
        status: c.status,
      });
      return c.id;
    });
    return get(ctx, id);
  }

  async function act(ctx: Ctx, id: number, action: 'visit', body: TInjuryActionBody): Promise<InjuryView> {
    const required: [keyof TInjuryActionBody, string][] = [
      ['visitedAt', '探视日期'],
      ['visitors', '探视人员'],
      ['amount', '慰问金'],
    ];
    for (const [field, label] of required) {
      if (body[field] === undefined) throw new AppError('VALIDATION', `请填写${label}`, field);
    }
    await cases.act(ctx, id, action, body);
    return get(ctx, id);
  }

  async function list(ctx: Ctx, q: TInjuryListQuery) {
    const org = await scopeOrg(ctx, q.orgId);
    const { page, pageSize, orgId: _orgId, ...f } = q;
    const res = await repo.list(db, { path: org.path, ...f }, page, pageSize);
    return { ...res, page, pageSize };
  }

  async function reveal(ctx: Ctx, id: number, reason: string): Promise<{ name: string; idNumber: string | null }> {
    const { c, r } = await get(ctx, id);
    let revealed: { name: string; idNumber: string | null };
    try {
      revealed = {
        name: await crypto.open(r.nameCipher, binding(r.id, 'name_cipher')),
        idNumber: r.idCipher ? await crypto.open(r.idCipher, binding(r.id, 'id_cipher')) : null,
      };
    } catch (e) {
      if (e instanceof CipherError) throw new AppError('DATA_INTEGRITY');
      throw e;
    }
    await db.transaction((tx) =>
      recordAudit(tx, originOf(ctx), {
        action: 'injury.reveal',
        orgId: c.orgId,
        orgPath: c.orgPath,
        entityType: 'injury_report',
        entityId: id,
        after: { reason, number: c.number, idNumber: r.idMasked },
      }),
    );
    return revealed;
  }

  /** The filtered reports as a masked xlsx, audited once written (never the full name or ID number). */
  async function exportTo(ctx: Ctx, q: TInjuryListQuery, out: Writable): Promise<void> {
    const org = await scopeOrg(ctx, q.orgId);
    const { orgId: _orgId, page: _page, pageSize: _pageSize, ...f } = q;
    await writeInjuryExport(db, { path: org.path, ...f }, out, (n) =>
      db.transaction((tx) =>
        recordAudit(tx, originOf(ctx), {
          action: 'injury.export',
          orgId: org.id,
          orgPath: org.path,
          entityType: 'injury_report',
          after: { filter: f, rows: n, unmasked: false },
        }),
      ),
    );
  }

  async function exportFileName(ctx: Ctx, q: TInjuryListQuery, stamp: string): Promise<string> {
    const org = await findOrgInScope(db, ctx.actor.orgPath, q.orgId ?? ctx.actor.orgId);
    return injuryExportFileName(org?.name ?? '工伤探视', q, stamp);
  }

  return { create, get, act, list, reveal, exportTo, exportFileName };
}

export type InjuryService = ReturnType<typeof createInjuryService>;
