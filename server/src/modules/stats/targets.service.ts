// 目标任务: annual targets per indicator, handed down level by level (层层分解), with completion, time progress,
// ranking among siblings and year-on-year change computed from the same statistics as every other figure.
import {
  fenToYuan,
  hasAtMostTwoDecimals,
  percentOf,
  targetFitsLevel,
  timeProgress,
  yearEarlier,
  yearWindow,
  yuanToFen,
  type TChildTargets,
  type TTargetItem,
  type TTargets,
} from '@gonghui/common';

// The year's window and time progress live in common/: the console shows the same 时间进度 where no target exists yet.
export { timeProgress, yearEarlier, yearWindow };
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/authz/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { forbidden, invalid } from '../../platform/http/index.ts';
import * as repo from './stats.repo.ts';
// Registers the targets key with the error handler.
import './targets.constraints.ts';
import type { OrgRef, StatsService } from './stats.service.ts';

// Targets are stored as integers (decision 0006): counts as they are, money indicators (unit 元) in 分. The API
// speaks 元 for money (at most two decimals); a money indicator's provider reports 分 like the table stores them.
const isMoney = (unit: string | undefined) => unit === '元';
/** Stored integer → the API's value. */
const shown = (unit: string | undefined, stored: number) => (isMoney(unit) ? fenToYuan(stored) : stored);

/** Per indicator, the sum of the targets handed to the children (层层分解 check). */
function childrenSums(rows: repo.TargetRow[], parentId: number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of rows) if (r.orgId !== parentId) sums.set(r.key, (sums.get(r.key) ?? 0) + r.value);
  return sums;
}

export function createTargetService({ db, stats }: { db: Db; stats: StatsService }) {
  const allKeys = () => new Set(stats.indicators().map((i) => i.key));

  async function itemsFor(org: OrgRef, year: number, asOf?: string): Promise<TTargets> {
    const { from, to } = yearWindow(year, asOf);
    const kids = await repo.childrenOf(db, org.id);
    const rows = await repo.targetsOf(db, [org.id, ...kids.map((k) => k.id)], year);
    // Only what has a target here is counted, this year and the same days of last year.
    const keys = new Set(rows.filter((r) => r.orgId === org.id).map((r) => r.key));
    const [now, before] = keys.size
      ? await Promise.all([stats.totals(org, from, to, keys), stats.totals(org, yearEarlier(from), yearEarlier(to), keys)])
      : [{}, {}];
    const own = new Map(rows.filter((r) => r.orgId === org.id).map((r) => [r.key, r.value]));
    const childSum = childrenSums(rows, org.id);
    const progress = timeProgress(year, to);
    const items: TTargetItem[] = [];
    for (const ind of stats.indicators()) {
      const target = own.get(ind.key);
      if (target === undefined) continue;
      const actual = now[ind.key]?.value ?? 0;
      const lastYear = before[ind.key]?.value;
      const childrenTarget = childSum.get(ind.key);
      items.push({
        key: ind.key,
        label: ind.label,
        unit: ind.unit,
        target: shown(ind.unit, target),
        actual: shown(ind.unit, actual),
        percent: percentOf(actual, target),
        timeProgress: progress,
        lastYear: lastYear === undefined ? null : shown(ind.unit, lastYear),
        childrenTarget: childrenTarget === undefined ? null : shown(ind.unit, childrenTarget),
      });
    }
    return { orgId: org.id, year, asOf: to, items };
  }

  async function childrenFor(org: OrgRef, year: number, asOf?: string): Promise<TChildTargets> {
    const { from, to } = yearWindow(year, asOf);
    const kids = await repo.childrenOf(db, org.id);
    const keys = allKeys();
    const [rows, groups] = await Promise.all([
      repo.targetsOf(db, [org.id, ...kids.map((k) => k.id)], year),
      stats.grouped(db, org, from, to, keys),
    ]);
    const byOrgKey = new Map(rows.map((r) => [`${r.orgId}:${r.key}`, r.value]));
    const targetOf = (orgId: number, key: string) => byOrgKey.get(`${orgId}:${key}`) ?? null;
    const unitOf = (key: string) => stats.indicator(key)?.unit;
    const childSum = childrenSums(rows, org.id);
    const children = kids.map((k) => {
      const values = groups.get(String(k.id)) ?? {};
      const items: TChildTargets['children'][number]['items'] = {};
      for (const key of keys) {
        const target = targetOf(k.id, key);
        const actual = values[key]?.value ?? 0;
        items[key] = {
          target: target === null ? null : shown(unitOf(key), target),
          actual: shown(unitOf(key), actual),
          percent: target === null ? null : percentOf(actual, target),
          rank: null,
        };
      }
      return { orgId: k.id, name: k.name, items };
    });
    // Rank siblings by completion (ties share a rank); without a target, nobody is ranked on that key.
    for (const key of keys) {
      const scored = children
        .map((c) => c.items[key])
        .filter((i): i is NonNullable<typeof i> => i?.percent !== null && i?.percent !== undefined);
      for (const i of scored) i.rank = 1 + scored.filter((o) => (o.percent ?? 0) > (i.percent ?? 0)).length;
    }
    const keyInfo = stats.indicators().map((ind) => ({
      key: ind.key,
      label: ind.label,
      unit: ind.unit,
      parentTarget: ((t) => (t === null ? null : shown(ind.unit, t)))(targetOf(org.id, ind.key)),
      childrenTarget: shown(ind.unit, childSum.get(ind.key) ?? 0),
    }));
    return { orgId: org.id, year, asOf: to, timeProgress: timeProgress(year, to), keys: keyInfo, children };
  }

  return {
    itemsFor,
    childrenFor,
    get: async (ctx: Ctx, orgId: number, year: number, asOf?: string) => itemsFor(await stats.orgOf(ctx, orgId), year, asOf),
    children: async (ctx: Ctx, orgId: number, year: number, asOf?: string) => childrenFor(await stats.orgOf(ctx, orgId), year, asOf),
    put: async (ctx: Ctx, orgId: number, year: number, values: Record<string, number>) => {
      const org = await stats.orgOf(ctx, orgId);
      // Targets come from above: a cadre sets them for the unions below, and only the root sets its own.
      const own = org.id === ctx.actor.orgId;
      if (own && org.parentId !== null) throw forbidden('本级的目标任务由上级工会下达，请联系上级工会');
      stats.keySet(Object.keys(values));
      const unfit = Object.keys(values).find((k) => !targetFitsLevel(k, org.level));
      if (unfit) throw invalid(unfit, '基层工会不承担组织建设类目标（如新建工会组织）');
      const stored: Record<string, number> = {};
      for (const [key, v] of Object.entries(values)) {
        const unit = stats.indicator(key)?.unit;
        if (isMoney(unit)) {
          if (!hasAtMostTwoDecimals(v)) throw invalid(key, '金额目标最多保留两位小数（精确到分）');
          stored[key] = yuanToFen(v);
        } else {
          if (!Number.isInteger(v)) throw invalid(key, '目标值应为整数');
          stored[key] = v;
        }
      }
      await db.transaction(async (tx) => {
        const before = await repo.targetsOf(tx, [org.id], year);
        await repo.upsertTargets(tx, org.id, year, stored, ctx.actor.userId);
        await recordAudit(tx, originOf(ctx), {
          action: 'target.set',
          orgId: org.id,
          orgPath: org.path,
          entityType: 'target',
          entityId: `${org.id}:${year}`,
          before: Object.fromEntries(before.map((r) => [r.key, shown(stats.indicator(r.key)?.unit, r.value)])),
          after: values,
        });
      });
      return itemsFor(org, year);
    },
  };
}

export type TargetService = ReturnType<typeof createTargetService>;
