// Work summaries: drafted from the statistics and targets of an org in scope, edited by cadres, refreshed on
// request (figures recomputed, prose kept), and downloaded as 公文 .docx or PDF with charts.
import { todayCst, type TSummaryCreate, type TSummaryUpdate } from '@gonghui/common';
import { originOf, recordAudit } from '../../platform/audit/index.ts';
import type { Ctx } from '../../platform/authz/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, conflict, notFound } from '../../platform/http/index.ts';
import { timeProgress, yearEarlier, yearWindow, type OrgRef, type StatsService, type TargetService } from '../stats/index.ts';
import type { SummaryTheme } from '../../platform/summary/index.ts';
import { childKeysOf, draftSummary, titleOf } from './reports.draft.ts';
import { evaluate, type FigureInputs, type FigureSpec } from './reports.figures.ts';
import { presentSummary, presentSummaryItem, type StoredFigure } from './reports.presenter.ts';
import * as repo from './reports.repo.ts';
import { summaryDocument } from './reports.document.ts';

export interface ReportDeps {
  db: Db;
  stats: StatsService;
  targets: TargetService;
  /** The modules' summary themes (orgSummaryThemes, memberSummaryThemes …), in any order. */
  summaryThemes: readonly SummaryTheme[];
}

export function createReportService({ db, stats, targets, summaryThemes }: ReportDeps) {
  const allKeys = () => new Set(stats.indicators().map((i) => i.key));
  // A theme reading an indicator nobody registered is a wiring mistake: refuse to start rather than draft zeros.
  for (const t of summaryThemes)
    for (const k of [...t.indicators, ...(t.childKeys ?? [])])
      if (!stats.indicator(k)) throw new Error(`summary theme ${t.key} reads an unknown indicator: ${k}`);

  function windowOf(year: number, period: 'H1' | 'year', asOf?: string) {
    // A summary written before the period ends counts up to today, never into the future.
    const end = asOf ?? (period === 'H1' ? `${year}-06-30` : `${year}-12-31`);
    const today = todayCst();
    return yearWindow(year, end > today ? today : end);
  }

  /** Keys quoted per child org ("从各单位看"): kept as figures so that a refresh updates them too. */
  const CHILD_KEYS = childKeysOf(summaryThemes);

  /** The figures' inputs, the parent (its level words the rank: 位列全市第X名) and the direct children. */
  async function inputsFor(org: OrgRef, year: number, from: string, to: string) {
    const keys = allKeys();
    const parent = org.parentId === null ? undefined : await stats.orgRef(org.parentId);
    const [values, lastYear, t, siblings, kids] = await Promise.all([
      stats.totals(org, from, to, keys),
      stats.totals(org, yearEarlier(from), yearEarlier(to), keys),
      targets.itemsFor(org, year, to),
      parent ? targets.childrenFor(parent, year, to) : undefined,
      stats.children(org, from, to, CHILD_KEYS),
    ]);
    const mine = siblings?.children.find((c) => c.orgId === org.id);
    const ranks = Object.fromEntries(Object.entries(mine?.items ?? {}).map(([k, i]) => [k, i.rank]));
    const children = Object.fromEntries(
      [...CHILD_KEYS].map((k) => [
        k,
        Object.fromEntries(kids.children.map((c) => [String(c.orgId), stats.numberInYuan(k, c.values[k] ?? 0)])),
      ]),
    );
    // Money in 元 like the targets' figures (providers count it in 分).
    const inputs: FigureInputs = {
      values: stats.inYuan(values),
      lastYear: stats.inYuan(lastYear),
      targets: t.items,
      timeProgress: timeProgress(year, to),
      ranks,
      children,
    };
    return { inputs, parent, kids: kids.children, siblingCount: siblings?.children.length ?? 0 };
  }

  const stored = (specs: FigureSpec[], inputs: FigureInputs, from: string, to: string): StoredFigure[] =>
    specs.map((s) => {
      const snapshot = stats.indicator(s.key)?.kind === 'snapshot';
      return { ...s, value: evaluate(s, inputs), from: snapshot ? to : from, to };
    });

  const recordsOf = (orgId: number) => (f: StoredFigure) =>
    f.measure === 'value' || f.measure === 'part'
      ? stats.records(f.key, orgId, f.from, f.to)
      : f.measure === 'child' && f.member
        ? stats.records(f.key, Number(f.member), f.from, f.to)
        : null;

  async function load(ctx: Ctx, id: number): Promise<repo.SummaryWithOrg> {
    const row = await repo.findInScope(db, ctx.actor.orgPath, id);
    if (!row) throw notFound('工作总结');
    return row;
  }

  return {
    create: async (ctx: Ctx, input: TSummaryCreate): Promise<{ id: number }> => {
      const org = await stats.orgOf(ctx, input.orgId);
      // A second summary of the same period is usually a mistake: the console asks before making one.
      const existing = await repo.findSame(db, org.id, input.year, input.period);
      if (existing && !input.again) throw new AppError('SUMMARY_EXISTS', `已有《${existing.title}》，如需重新生成请确认`);
      const { from, to } = windowOf(input.year, input.period, input.asOf);
      const { inputs, parent, kids, siblingCount } = await inputsFor(org, input.year, from, to);
      // The org's own records are a row of the children's table ("（本级）"); 从各单位看 names the units below it.
      const children = kids.filter((c) => c.orgId !== org.id).map((c) => ({ orgId: c.orgId, name: c.name, values: c.values }));
      const draft = draftSummary(
        {
          orgName: org.name,
          orgLevel: org.level,
          parentLevel: parent?.level ?? null,
          siblingCount,
          year: input.year,
          period: input.period,
          asOf: to,
          children,
        },
        inputs,
        summaryThemes,
      );
      return db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          orgId: org.id,
          year: input.year,
          period: input.period,
          asOf: to,
          title: draft.title,
          sections: draft.sections.map((s) => ({ heading: s.heading, level: s.level, paragraphs: s.source })),
          figures: stored(draft.figures, inputs, from, to) as unknown as Record<string, unknown>[],
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, originOf(ctx), {
          action: 'report.create',
          orgId: org.id,
          orgPath: org.path,
          entityType: 'work_summary',
          entityId: row.id,
          after: { title: row.title, asOf: to },
        });
        return { id: row.id };
      });
    },
    get: async (ctx: Ctx, id: number) => {
      const row = await load(ctx, id);
      return presentSummary(row, recordsOf(row.orgId));
    },
    list: async (ctx: Ctx, q: { orgId?: number; page: number; pageSize: number }) => {
      const scope = q.orgId ? (await stats.orgOf(ctx, q.orgId)).path : ctx.actor.orgPath;
      const res = await repo.list(db, scope, q.orgId, q.page, q.pageSize);
      return { items: res.items.map(presentSummaryItem), total: res.total, page: q.page, pageSize: q.pageSize };
    },
    update: async (ctx: Ctx, id: number, patch: TSummaryUpdate) => {
      return db.transaction(async (tx) => {
        const before = await repo.findInScope(tx, ctx.actor.orgPath, id);
        if (!before) throw notFound('工作总结');
        if (before.status === 'final' && patch.status !== 'draft') throw conflict('工作总结已定稿，请先退回草稿再修改');
        const sections = patch.sections?.map((s) => ({ heading: s.heading, level: s.level, paragraphs: s.source }));
        const after = await repo.update(tx, id, {
          ...(patch.title ? { title: patch.title } : {}),
          ...(sections ? { sections } : {}),
          ...(patch.status ? { status: patch.status } : {}),
        });
        await recordAudit(tx, originOf(ctx), {
          action: 'report.update',
          orgId: before.orgId,
          orgPath: before.orgPath,
          entityType: 'work_summary',
          entityId: id,
          before: { title: before.title, status: before.status },
          after: { title: after.title, status: after.status, sectionsEdited: Boolean(sections) },
        });
        return presentSummary({ ...before, ...after }, recordsOf(before.orgId));
      });
    },
    refresh: async (ctx: Ctx, id: number) => {
      const row = await load(ctx, id);
      const org = await stats.orgOf(ctx, row.orgId);
      const { from, to } = windowOf(row.year, row.period === 'year' ? 'year' : 'H1', row.asOf);
      const { inputs } = await inputsFor(org, row.year, from, to);
      const figures = stored(row.figures as unknown as FigureSpec[], inputs, from, to);
      return db.transaction(async (tx) => {
        const after = await repo.update(tx, id, { figures: figures as unknown as Record<string, unknown>[] });
        await recordAudit(tx, originOf(ctx), {
          action: 'report.refresh',
          orgId: row.orgId,
          orgPath: row.orgPath,
          entityType: 'work_summary',
          entityId: id,
          after: { figures: figures.length },
        });
        return presentSummary({ ...row, ...after }, recordsOf(row.orgId));
      });
    },
    document: async (ctx: Ctx, id: number, format: 'docx' | 'pdf') => {
      const row = await load(ctx, id);
      const org = await stats.orgOf(ctx, row.orgId);
      const summary = presentSummary(row, recordsOf(row.orgId));
      // Dated at the period's end (or the day it was counted to, if written before the period ended).
      const file = await summaryDocument({ stats, targets }, org, summary, format, row.asOf);
      return { file, title: summary.title || titleOf({ orgName: org.name, year: row.year, period: summary.period }) };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
