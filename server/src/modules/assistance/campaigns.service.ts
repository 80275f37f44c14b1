// 帮扶活动: an org in the caller's subtree opens a campaign with dates and a budget per fund source; unions below it
// see it and submit beneficiaries; its detail shows the budget used (paid cash) and remaining per fund source, and
// what each direct child of the opening union submitted, approved and was paid.
import {
  CAMPAIGN_KIND_LABELS,
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  formatYuan,
  type CampaignKind,
  type FundSource,
  type TCampaign,
  type TCampaignCreate,
  type TCampaignDetail,
} from '@gonghui/common';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/authz/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/index.ts';
import { findOrgInScope, orgNamesByIds } from '../orgs/index.ts';
import * as repo from './campaigns.repo.ts';

const BUDGET_COLUMN = {
  union: 'budgetUnion',
  government: 'budgetGovernment',
  social: 'budgetSocial',
  enterprise: 'budgetEnterprise',
} as const satisfies Record<FundSource, keyof repo.CampaignRow>;

type Campaign = repo.CampaignRow & { orgName: string };

export function presentCampaign(c: Campaign): TCampaign {
  const budget = FUND_SOURCES.map((f) => ({
    fundSource: f,
    label: FUND_SOURCE_LABELS[f],
    amount: c[BUDGET_COLUMN[f]],
    amountText: formatYuan(c[BUDGET_COLUMN[f]]),
  }));
  return {
    id: c.id,
    orgId: c.orgId,
    orgName: c.orgName,
    kind: c.kind as CampaignKind,
    kindLabel: CAMPAIGN_KIND_LABELS[c.kind as CampaignKind] ?? c.kind,
    name: c.name,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    budget,
    budgetTotal: budget.reduce((n, b) => n + b.amount, 0),
    createdAt: c.createdAt.toISOString(),
  };
}

/** The opening orgs' names: a lower union reads the name of the ancestor that opened the campaign, nothing more. */
async function withOrgNames(db: Db, rows: repo.CampaignRow[]): Promise<Campaign[]> {
  const names = await asSystem(() =>
    orgNamesByIds(
      db,
      rows.map((r) => r.orgId),
    ),
  );
  return rows.map((r) => ({ ...r, orgName: names.get(r.orgId) ?? '' }));
}

export function createCampaignService({ db }: { db: Db }) {
  async function detail(ctx: Ctx, id: number): Promise<TCampaignDetail> {
    const found = await repo.findReachable(db, ctx.actor.orgPath, id);
    if (!found) throw notFound('帮扶活动');
    const [c] = await withOrgNames(db, [found]);
    if (!c) throw notFound('帮扶活动');
    // Budget used is the campaign's whole figure; the submissions are the caller's subtree's (the opening union's
    // cadres see every child, a lower union its own line). Both counted subtrees lie inside the caller's (the
    // campaign org's when it is at or below the caller, else the caller's own), and countsByChild filters by it, so
    // it reads as the system: no per-entry policy check through orgs (decision 0009).
    const counted = c.orgPath.startsWith(ctx.actor.orgPath) ? c.orgPath : ctx.actor.orgPath;
    const [paid, counts, kids] = await Promise.all([
      asSystem(() => repo.paidByFund(db, c.id)),
      asSystem(() => repo.countsByChild(db, c, counted)),
      // The child a lower union lies under is its ancestor: read as the system, limited to the caller's line.
      asSystem(() => repo.childrenOf(db, c.orgId, ctx.actor.orgPath)),
    ]);
    const used = new Map(paid.map((p) => [p.fundSource, p.paid]));
    const funds = FUND_SOURCES.map((f) => {
      const budget = c[BUDGET_COLUMN[f]];
      const u = used.get(f) ?? 0;
      return {
        fundSource: f,
        label: FUND_SOURCE_LABELS[f],
        budget,
        used: u,
        remaining: budget - u,
        usedText: formatYuan(u),
        remainingText: formatYuan(budget - u),
      };
    });
    const blank = () => ({ submitted: 0, requested: 0, approved: 0, paid: 0, paidAmount: 0 });
    const byGroup = new Map<string, ReturnType<typeof blank>>();
    const totals = { entries: 0, requested: 0, approved: 0, paid: 0, paidAmount: 0, goodsValue: 0 };
    for (const r of counts) {
      const g = byGroup.get(r.grp) ?? blank();
      byGroup.set(r.grp, g);
      if (r.status !== 'cancelled') {
        g.submitted += r.n;
        totals.entries += r.n;
      }
      if (r.status === 'requested' || r.status === 'approved' || r.status === 'paid') {
        g[r.status] += r.n;
        totals[r.status] += r.n;
      }
      if (r.status === 'paid') {
        g.paidAmount += r.amount;
        totals.paidAmount += r.amount;
        totals.goodsValue += r.goods;
      }
    }
    const row = (orgId: number, name: string, g = blank()) => ({ orgId, name, ...g, paidAmountText: formatYuan(g.paidAmount) });
    const self = byGroup.get('');
    const children = [
      ...(self ? [row(c.orgId, `${c.orgName}（本级）`, self)] : []),
      ...kids.map((k) => row(k.id, k.name, byGroup.get(String(k.id)))),
    ];
    return { ...presentCampaign(c), totals: { ...totals, paidAmountText: formatYuan(totals.paidAmount) }, funds, children };
  }

  return {
    detail,
    async create(ctx: Ctx, input: TCampaignCreate): Promise<TCampaignDetail> {
      const id = await db.transaction(async (tx) => {
        const org = await findOrgInScope(tx, ctx.actor.orgPath, input.orgId);
        if (!org) throw notFound('组织');
        const budget = Object.fromEntries(input.budget.map((b) => [BUDGET_COLUMN[b.fundSource], b.amount]));
        const c = await repo.insert(tx, {
          orgId: org.id,
          orgPath: org.path,
          kind: input.kind,
          name: input.name,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          ...budget,
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, originOf(ctx), {
          action: 'campaign.create',
          orgId: org.id,
          orgPath: org.path,
          entityType: 'campaign',
          entityId: c.id,
          after: { kind: c.kind, name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, budget: input.budget },
        });
        return c.id;
      });
      return detail(ctx, id);
    },
    async list(ctx: Ctx, q: { kind?: CampaignKind | undefined; page: number; pageSize: number }) {
      const res = await repo.list(db, ctx.actor.orgPath, { kind: q.kind }, q.page, q.pageSize);
      return { items: (await withOrgNames(db, res.items)).map(presentCampaign), total: res.total, page: q.page, pageSize: q.pageSize };
    },
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;
