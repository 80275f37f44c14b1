// 帮扶救助 rules: an entry is registered by a union in the caller's subtree, optionally under a campaign its union
// lies under (dates within the campaign, 金秋助学 with the student), at most one standing entry per person and
// campaign (409 naming the earlier entry); the case kernel numbers it and runs its actions (assistance.workflow.ts).
import {
  ASSISTANCE_KIND_LABELS,
  maskIdNumber,
  maskName,
  maskPhone,
  parseIdNumber,
  type AssistanceAction,
  type TAssistanceActionBody,
  type TAssistanceCreate,
  type TAssistanceExportQuery,
  type TAssistanceListQuery,
} from '@gonghui/common';
import type { Writable } from 'node:stream';
import { authorize, type Ctx } from '../../platform/authz/index.ts';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import type { CipherColumn, FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db, type Tx } from '../../platform/db/index.ts';
import { AppError, duplicate, invalid, notFound } from '../../platform/http/index.ts';
import { findActiveFileOfPerson } from '../hardship/index.ts';
import { findOrgInScope } from '../orgs/index.ts';
import { CAMPAIGN_PERSON_UNIQUE } from './assistance.constraints.ts';
import { assistanceExportFileName, writeAssistanceExport } from './assistance.export.ts';
import * as repo from './assistance.repo.ts';
import { payInput, type AssistanceCaseType } from './assistance.workflow.ts';
import * as campaigns from './campaigns.repo.ts';

export const ASSISTANCE_CIPHER_COLUMNS: CipherColumn[] = [
  { table: 'assistance_entries', column: 'id_cipher', key: ['id'] },
  { table: 'assistance_entries', column: 'phone_cipher', key: ['id'] },
];
const binding = (id: number, column: 'id_cipher' | 'phone_cipher') => ({ table: 'assistance_entries', column, id });

const GOLDEN_AUTUMN_FIELDS = [
  ['studentName', '学生姓名'],
  ['school', '学校'],
  ['stage', '就读阶段'],
  ['admissionYear', '入学年份'],
] as const;

const HARDSHIP_LINK_ERRORS = {
  missing: '困难职工档案：档案不存在或不在您的管辖范围内',
  inactive: '困难职工档案：该档案不在档（未审批通过或已脱困），不能关联',
  other_person: '困难职工档案：档案中的职工与所填身份证号不是同一人',
} as const;

export interface AssistanceDeps {
  db: Db;
  crypto: FieldCrypto;
  cases: AssistanceCaseType;
  /** Most rows one ledger export may carry (the member export's cap, EXPORT_UNMASKED_MAX_ROWS). */
  exportMaxRows: number;
}

export function createAssistanceService({ db, crypto, cases, exportMaxRows }: AssistanceDeps) {
  /** The org filtered on (the caller's own by default) within the caller's subtree, 404 otherwise. */
  const scopeOrg = async (ctx: Ctx, orgId: number | undefined) => {
    const org = await findOrgInScope(db, ctx.actor.orgPath, orgId ?? ctx.actor.orgId);
    if (!org) throw notFound('组织');
    return org;
  };

  /** Streams the masked ledger of the filter into `out`; refused (400) over the cap before the first byte; the audit
   *  row (filter and row count) is written before the file's last bytes leave. */
  async function exportTo(ctx: Ctx, q: TAssistanceExportQuery, out: Writable): Promise<void> {
    authorize(ctx.actor, 'assistance:read');
    const org = await scopeOrg(ctx, q.orgId);
    const { orgId: _orgId, ...f } = q;
    const filter = { path: org.path, ...f };
    const rows = await repo.countCapped(db, filter, exportMaxRows);
    if (rows > exportMaxRows) {
      throw invalid(
        'orgId',
        `符合条件的帮扶救助超过单次导出上限 ${exportMaxRows} 条，请缩小筛选范围（如按日期、活动或经费来源）后分批导出`,
      );
    }
    const audit = (n: number) =>
      db.transaction((tx) =>
        recordAudit(tx, originOf(ctx), {
          action: 'assistance.export',
          orgId: org.id,
          orgPath: org.path,
          entityType: 'assistance',
          after: { filter: q, rows: n, unmasked: false },
        }),
      );
    let audited = false;
    try {
      await writeAssistanceExport(db, filter, out, async (n) => {
        await audit(n);
        audited = true;
      });
    } finally {
      if (!audited) await audit(0);
    }
  }

  async function get(ctx: Ctx, id: number) {
    const view = await cases.get(ctx, id);
    const entry = await repo.findInScope(db, ctx.actor.orgPath, id);
    if (!entry) throw notFound('帮扶救助');
    return { ...entry, steps: view.steps, allowedActions: view.allowedActions, version: view.case.version };
  }

  async function create(ctx: Ctx, input: TAssistanceCreate) {
    const id = await db.transaction(async (tx) => {
      const org = await findOrgInScope(tx, ctx.actor.orgPath, input.orgId);
      if (!org) throw notFound('组织');
      if (org.status !== 'active') throw invalid('orgId', '该工会已注销');
      return openEntry(ctx, tx, org, input);
    });
    return get(ctx, id);
  }

  /** One entry inside the caller's transaction, for an org already found in scope: the form's rules, its audit. */
  async function openEntry(ctx: Ctx, tx: Tx, org: { id: number; path: string }, input: TAssistanceCreate): Promise<number> {
    const parsed = parseIdNumber(input.idNumber);
    if (!parsed.ok) throw invalid('idNumber', parsed.message);
    const idNumber = parsed.idNumber;
    const goods = input.goodsValue ?? 0;
    if (input.amount + goods <= 0) throw invalid('amount', '发放金额和物资折价不能都为零');
    let campaign: Awaited<ReturnType<typeof campaigns.findReachable>> = undefined;
    const idHash = crypto.blindIndex('id', idNumber);
    if (input.hardshipFileId) {
      const link = await findActiveFileOfPerson(tx, ctx.actor.orgPath, input.hardshipFileId, idHash);
      if (link !== 'ok') throw new AppError('VALIDATION', HARDSHIP_LINK_ERRORS[link], 'hardshipFileId');
    }
    if (input.campaignId) {
      campaign = await campaigns.findReachable(tx, ctx.actor.orgPath, input.campaignId);
      if (!campaign) throw invalid('campaignId', '活动不存在或不在您的管辖范围内');
      if (!org.path.startsWith(campaign.orgPath)) throw invalid('campaignId', '该工会不在活动发起工会的范围内，不能报送');
      if (input.date < campaign.startsOn || input.date > campaign.endsOn)
        throw invalid('date', `应在活动期间（${campaign.startsOn} 至 ${campaign.endsOn}）`);
      if (campaign.kind === 'golden_autumn') {
        for (const [field, label] of GOLDEN_AUTUMN_FIELDS) {
          if (input[field] === undefined || input[field] === null || input[field] === '') throw invalid(field, `金秋助学须填写${label}`);
        }
      }
      // The earlier entry may lie in another union's subtree: its number is named, nothing else of it.
      const c = campaign;
      const earlier = await asSystem(() => repo.standingInCampaign(tx, c.id, idHash));
      if (earlier) throw duplicate(CAMPAIGN_PERSON_UNIQUE, `该职工在本次活动中已登记帮扶（${earlier.number}），同一活动每人只能帮扶一次`);
    }
    const approving = campaign ? { id: campaign.orgId, path: campaign.orgPath } : { id: org.id, path: org.path };
    const opened = await cases.open(ctx, tx, {
      owner: { id: org.id, path: org.path },
      target: approving,
      title: `帮扶救助：${maskName(input.name)}（${ASSISTANCE_KIND_LABELS[input.kind]}）`,
      payload: {
        kind: input.kind,
        amount: input.amount,
        fundSource: input.fundSource,
        campaignId: campaign?.id ?? null,
        campaignKind: campaign?.kind ?? null,
      },
      opinion: input.note?.trim() || null,
    });
    const phone = input.phone || null;
    await repo.insert(tx, {
      id: opened.id,
      orgId: org.id,
      orgPath: org.path,
      name: input.name,
      idCipher: crypto.encrypt(idNumber, binding(opened.id, 'id_cipher')),
      idHash,
      idMasked: maskIdNumber(idNumber),
      phoneCipher: phone ? crypto.encrypt(phone, binding(opened.id, 'phone_cipher')) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      hardshipFileId: input.hardshipFileId ?? null,
      campaignId: campaign?.id ?? null,
      kind: input.kind,
      amountFen: input.amount,
      goodsFen: goods,
      fundSource: input.fundSource,
      date: input.date,
      studentName: input.studentName || null,
      school: input.school || null,
      stage: input.stage ?? null,
      admissionYear: input.admissionYear ?? null,
      visitingLeader: input.visitingLeader || null,
      note: input.note?.trim() || null,
    });
    return opened.id;
  }

  return {
    create,
    openEntry,
    get,
    async act(ctx: Ctx, id: number, action: AssistanceAction, body: TAssistanceActionBody) {
      if (body.paidAt !== undefined && action !== 'pay') throw invalid('paidAt', '只有发放时填写');
      await payInput.run({ paidAt: body.paidAt }, () => cases.act(ctx, id, action, { version: body.version, opinion: body.opinion }));
      return get(ctx, id);
    },
    exportTo,
    /** The export's file name: the org filtered on (or the caller's own) and the filter in words. */
    async exportFileName(ctx: Ctx, q: TAssistanceExportQuery, stamp: string) {
      const org = await findOrgInScope(db, ctx.actor.orgPath, q.orgId ?? ctx.actor.orgId);
      const campaign = q.campaignId ? await campaigns.findReachable(db, ctx.actor.orgPath, q.campaignId) : undefined;
      return assistanceExportFileName(org?.name ?? '帮扶救助', q, campaign?.name ?? null, stamp);
    },
    async list(ctx: Ctx, q: TAssistanceListQuery) {
      const org = await scopeOrg(ctx, q.orgId);
      const { page, pageSize, orgId: _orgId, ...f } = q;
      const res = await repo.list(db, { path: org.path, ...f }, page, pageSize);
      return { ...res, page, pageSize };
    },
  };
}

export type AssistanceService = ReturnType<typeof createAssistanceService>;
