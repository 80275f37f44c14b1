// 网上入会: the public application (validated, routed to the union searched for or, without a union at work, to the
// street or community union; the person encrypted at rest with the members' blind index of the ID number), the
// public status lookup by number and secret token, and the cadres' list, detail and decisions on the case kernel.
// The applicant hears of each outcome by text message (ApplicantNotifier), after the transaction has committed.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  JOIN_AREA_LEVELS,
  JOIN_STATUS_LABELS,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizePhone,
  parseIdNumber,
  todayCst,
  type JoinAction,
  type JoinStatus,
  type OrgLevel,
  type TJoinActionBody,
  type TJoinApply,
  type TJoinListQuery,
} from '@gonghui/common';
import type { Ctx } from '../../platform/authz/index.ts';
import { hashToken } from '../../platform/authz/index.ts';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { conflict, invalid, notFound } from '../../platform/http/index.ts';
import { findMembersByIdHashes } from '../members/index.ts';
import { findOrgById, findOrgInScope, type OrgService } from '../orgs/index.ts';
import { applicantCtx, presentItems, type JoinItem, type RequestMeta } from './join-applications.items.ts';
import { binding, openApplicant } from './join-applications.cipher.ts';
import * as repo from './join-applications.repo.ts';
import type { JoinCaseType } from './join-applications.workflow.ts';

/** How the applicant is told (a text message to their phone). The platform's SMS sender has the same shape. */
export interface ApplicantNotifier {
  send(phone: string, text: string): Promise<void>;
}

export interface JoinServiceDeps {
  db: Db;
  crypto: FieldCrypto;
  cases: JoinCaseType;
  orgs: Pick<OrgService, 'directory'>;
  notifier: ApplicantNotifier;
  /** Working days the union has to decide (JOIN_DEADLINE_DAYS). */
  deadlineDays: number;
  log?: { warn(obj: object, msg: string): void };
}

export function createJoinService({ db, crypto, cases, orgs, notifier, deadlineDays, log }: JoinServiceDeps) {
  const applicantOf = (a: repo.JoinRow) => openApplicant(crypto, a);

  /** Texts never fail the request that caused them: the decision stands, the failure is logged. */
  async function tell(phone: string, text: string): Promise<void> {
    try {
      await notifier.send(phone, text);
    } catch (e) {
      log?.warn({ err: e, phone: maskPhone(phone) }, 'join application: applicant notification failed');
    }
  }

  /** The union applied to: a grassroots union, or (no union at work) a street or community union. */
  async function targetOf(input: TJoinApply) {
    const area = input.noUnion === true;
    const id = area ? input.areaOrgId : input.orgId;
    if (id === undefined)
      throw area
        ? invalid('areaOrgId', '请选择所在街道（社区）工会')
        : invalid('orgId', '请选择申请加入的工会；单位未建工会的请勾选“单位未建工会”');
    const field = area ? 'areaOrgId' : 'orgId';
    const org = await findOrgById(db, id);
    if (!org || org.status !== 'active') throw invalid(field, '工会组织不存在或已注销');
    if (area && !(JOIN_AREA_LEVELS as readonly string[]).includes(org.level)) throw invalid(field, '请选择乡镇（街道）或社区工会');
    if (!area && org.level !== 'grassroots') throw invalid(field, '请选择基层工会；单位未建工会的请选择所在街道（社区）工会');
    return org;
  }

  async function apply(input: TJoinApply, meta: RequestMeta) {
    const parsed = parseIdNumber(input.idNumber);
    if (!parsed.ok) throw invalid('idNumber', parsed.message);
    const name = input.name.trim();
    const phone = normalizePhone(input.phone);
    const idHash = crypto.blindIndex('id', parsed.idNumber);
    const token = randomBytes(24).toString('base64url');
    const c = await asSystem(async () => {
      const org = await targetOf(input);
      const existing = (await findMembersByIdHashes(db, [idHash])).get(idHash);
      if (existing?.status === 'active') throw conflict(`已是工会会员（${existing.orgName}），无需重复申请入会`);
      return db.transaction(async (tx) => {
        const opened = await cases.open(applicantCtx(meta), tx, {
          owner: { id: org.id, path: org.path },
          subject: idHash,
          title: `入会申请：${maskName(name)}（${org.name}）`,
          payload: {},
          dueInWorkingDays: deadlineDays,
        });
        await repo.insertApplication(tx, {
          caseId: opened.id,
          nameCipher: crypto.encrypt(name, binding(opened.id, 'name_cipher')),
          nameMasked: maskName(name),
          idHash,
          idCipher: crypto.encrypt(parsed.idNumber, binding(opened.id, 'id_cipher')),
          idMasked: maskIdNumber(parsed.idNumber),
          phoneCipher: crypto.encrypt(phone, binding(opened.id, 'phone_cipher')),
          phoneMasked: maskPhone(phone),
          employerName: input.employerName.trim(),
          employerUscc: input.employerUscc ?? null,
          noUnion: input.noUnion === true,
          tokenHash: hashToken(token),
        });
        return opened;
      });
    });
    const link = `/h5/join/${encodeURIComponent(c.number)}?token=${encodeURIComponent(token)}`;
    await tell(phone, `【工会】您的入会申请已提交，编号 ${c.number}，当前状态：审核中。查询办理进度：${link}`);
    return { id: c.id, number: c.number, status: c.status as JoinStatus, statusToken: token };
  }

  /** The public status lookup: the number and its token, or 404 as if the number did not exist. */
  async function status(number: string, token: string) {
    const row = await asSystem(async () => {
      const found = await repo.findByNumber(db, number);
      if (!found) return undefined;
      const [named] = await presentItems(db, [found]);
      return named;
    });
    const same = (stored: string) => timingSafeEqual(Buffer.from(hashToken(token), 'hex'), Buffer.from(stored.padEnd(64, '0'), 'hex'));
    if (!row || !same(row.a.tokenHash)) throw notFound('入会申请');
    const s = row.c.status as JoinStatus;
    return {
      number: row.c.number,
      status: s,
      statusLabel: JOIN_STATUS_LABELS[s],
      orgName: row.orgName,
      submittedAt: row.c.createdAt.toISOString(),
      decidedAt: row.a.decidedAt?.toISOString() ?? null,
      ...(s === 'rejected' && row.a.reason ? { reason: row.a.reason } : {}),
    };
  }

  /** Active unions by name for the form: names, the parent's name and the level, nothing else. */
  const searchOrgs = async (q: string, area: boolean) =>
    (await orgs.directory(q, area ? JOIN_AREA_LEVELS : undefined)).map((o) => ({ ...o, level: o.level as OrgLevel }));

  async function get(ctx: Ctx, id: number) {
    const view = await cases.get(ctx, id);
    const a = await repo.findApplication(db, id);
    if (!a) throw notFound('入会申请');
    const [item] = await presentItems(db, [{ c: view.case, a }]);
    return { ...(item as JoinItem), steps: view.steps, allowedActions: view.allowedActions };
  }

  async function act(ctx: Ctx, id: number, action: JoinAction, body: TJoinActionBody) {
    await cases.act(ctx, id, action, body);
    const v = await get(ctx, id);
    const { phone } = await applicantOf(v.a);
    if (action === 'approve')
      await tell(phone, `【工会】您的入会申请（${v.c.number}）已通过，欢迎加入${v.orgName}！会员卡号 ${v.cardNo ?? ''}。`);
    else await tell(phone, `【工会】您的入会申请（${v.c.number}）未通过，理由：${v.a.reason ?? ''}`);
    return v;
  }

  async function list(ctx: Ctx, q: TJoinListQuery) {
    let scopePath = ctx.actor.orgPath;
    if (q.orgId !== undefined) {
      const org = await findOrgInScope(db, ctx.actor.orgPath, q.orgId);
      if (!org) throw notFound('工会组织');
      scopePath = org.path;
    }
    const overdue = q.overdue === undefined ? undefined : q.overdue === 'true';
    const res = await repo.list(db, { scopePath, status: q.status, overdue, today: todayCst(), page: q.page, pageSize: q.pageSize });
    return { items: await presentItems(db, res.items), total: res.total };
  }

  return { apply, status, searchOrgs, get, act, list };
}

export type JoinService = ReturnType<typeof createJoinService>;
