// Indicators, targets and work summaries: the API contract shared by the server and the console.
import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { zDate, zId } from './schemas.ts';
import { formatWanYuan, yuanToFen } from './money.ts';
import { zMultilineText, zStr, zText } from './strings.ts';

export const INDICATOR_UNITS = ['家', '个', '人', '人次', '户', '件', '份', '元', '%'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** `period`: counted over from..to; `snapshot`: as of `to`. */
export const INDICATOR_KINDS = ['period', 'snapshot'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const ZIndicator = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  kind: z.enum(INDICATOR_KINDS),
  breakdowns: z.array(z.string()),
  /** The module that registered it (orgs, members …): summaries group themes by it. */
  theme: z.string(),
  /**
   * Console path of the records behind a value, with RECORDS_TOKENS standing for the org and the period
   * (fill it with fillRecordsPath); null when no list shows exactly what the figure counts.
   */
  records: z.string().nullable(),
});
export type TIndicator = z.infer<typeof ZIndicator>;

/** Chinese labels of breakdown dimensions. */
export const DIMENSION_LABELS: Record<string, string> = {
  kind: '组织类型',
  level: '组织层级',
  category: '人员类别',
  gender: '性别',
  status: '会籍状态',
};

const zKeys = zStr()
  .trim()
  .max(2000)
  .regex(/^[a-z_.,]*$/, '指标标识应为小写字母、点和下划线，用逗号分隔')
  .transform((s) => s.split(',').filter(Boolean));

export const ZStatsQuery = z
  .strictObject({ orgId: zId.optional(), from: zDate, to: zDate, keys: zKeys.optional() })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type TStatsQuery = z.infer<typeof ZStatsQuery>;

export const ZBreakdown = z.record(z.string(), z.record(z.string(), z.number()));
export const ZStatValue = z.object({ value: z.number(), breakdown: ZBreakdown.optional() });
export type TStatValue = z.infer<typeof ZStatValue>;
export const ZStats = z.object({ orgId: z.number().int(), from: z.string(), to: z.string(), values: z.record(z.string(), ZStatValue) });
export type TStats = z.infer<typeof ZStats>;

/** The same indicators for every child of an org (rankings, the export, the dashboard). */
export const ZChildStatsQuery = z
  .strictObject({ orgId: zId.optional(), from: zDate, to: zDate, keys: zKeys.optional() })
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export const ZChildStats = z.object({
  orgId: z.number().int(),
  from: z.string(),
  to: z.string(),
  keys: z.array(z.string()),
  total: z.record(z.string(), z.number()),
  children: z.array(z.object({ orgId: z.number().int(), name: z.string(), values: z.record(z.string(), z.number()) })),
});
export type TChildStats = z.infer<typeof ZChildStats>;

/** Monthly series of one org for trends (each month's period value, or the snapshot at its end). */
export const ZTrendQuery = z.strictObject({
  orgId: zId.optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  keys: zKeys.optional(),
});
export const ZTrend = z.object({
  orgId: z.number().int(),
  year: z.number().int(),
  months: z.array(z.string()),
  series: z.record(z.string(), z.array(z.number())),
});
export type TTrend = z.infer<typeof ZTrend>;

// ---- targets (目标任务, 层层分解) ----
export const zYear = z.coerce.number().int().min(2000, '年份无效').max(2100, '年份无效');
export const ZTargetsPut = z.record(
  zStr()
    .regex(/^[a-z_.]+$/, '指标标识无效')
    .max(64),
  z.number().min(0, '目标值不能为负数').max(1e12, '目标值过大'),
);
export type TTargetsPut = z.infer<typeof ZTargetsPut>;
export const ZTargetsQuery = z.strictObject({ asOf: zDate.optional() });
export const ZTargetItem = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  target: z.number(),
  actual: z.number(),
  /** actual / target × 100, two decimals (58.46); null without a target. */
  percent: z.number().nullable(),
  /** Share of the year elapsed at asOf × 100 (时间进度), two decimals. */
  timeProgress: z.number(),
  /** The same period of last year; null for a first year without data. */
  lastYear: z.number().nullable(),
  /** Sum of the children's targets for this key; null when no child has one. */
  childrenTarget: z.number().nullable(),
});
export type TTargetItem = z.infer<typeof ZTargetItem>;
export const ZTargets = z.object({ orgId: z.number().int(), year: z.number().int(), asOf: z.string(), items: z.array(ZTargetItem) });
export type TTargets = z.infer<typeof ZTargets>;

/** Each child's target, actual, completion and rank for one year. */
export const ZChildTargets = z.object({
  orgId: z.number().int(),
  year: z.number().int(),
  asOf: z.string(),
  timeProgress: z.number(),
  keys: z.array(
    z.object({ key: z.string(), label: z.string(), unit: z.string(), parentTarget: z.number().nullable(), childrenTarget: z.number() }),
  ),
  children: z.array(
    z.object({
      orgId: z.number().int(),
      name: z.string(),
      items: z.record(
        z.string(),
        z.object({ target: z.number().nullable(), actual: z.number(), percent: z.number().nullable(), rank: z.number().int().nullable() }),
      ),
    }),
  ),
});
export type TChildTargets = z.infer<typeof ZChildTargets>;

// ---- work summaries (上半年工作总结 / 年度工作总结) ----
export const SUMMARY_PERIODS = ['H1', 'year'] as const;
export const ZSummaryCreate = z.strictObject({
  orgId: zId,
  year: zYear,
  period: z.enum(SUMMARY_PERIODS),
  asOf: zDate.optional(),
  /** Make another summary although one of the same org and period exists (otherwise 409 SUMMARY_EXISTS). */
  again: z.boolean().optional(),
});
export type TSummaryCreate = z.infer<typeof ZSummaryCreate>;

/** A figure quoted in the text, kept with the query that reproduces it (drill-down). */
export const ZFigure = z.object({
  id: z.string(),
  key: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  from: z.string(),
  to: z.string(),
  /** Console path of the records behind the figure, e.g. /members?orgId=2&joinedFrom=… */
  records: z.string().nullable(),
});
export type TFigure = z.infer<typeof ZFigure>;

/**
 * `source` is what cadres edit: text in which `{{f3}}` stands for figure f3 (value + unit); `paragraphs` is the
 * same text with the current values put in, so refreshing the figures updates the prose without losing edits.
 */
export const ZSummarySection = z.object({
  heading: z.string(),
  level: z.number().int().min(1).max(3),
  paragraphs: z.array(z.string()),
  source: z.array(z.string()),
});
export type TSummarySection = z.infer<typeof ZSummarySection>;

export const ZSummary = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  period: z.enum(SUMMARY_PERIODS),
  asOf: z.string(),
  status: z.enum(['draft', 'final']),
  title: z.string(),
  sections: z.array(ZSummarySection),
  figures: z.array(ZFigure),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TSummary = z.infer<typeof ZSummary>;

export const ZSummaryUpdate = z.strictObject({
  title: zText(LIMITS.name).min(1, '不能为空').optional(),
  sections: z
    .array(
      z.strictObject({
        heading: zText(LIMITS.text),
        level: z.number().int().min(1).max(3),
        source: z.array(zMultilineText(LIMITS.longText)).max(50),
      }),
    )
    .max(60)
    .optional(),
  status: z.enum(['draft', 'final']).optional(),
});
export type TSummaryUpdate = z.infer<typeof ZSummaryUpdate>;

export const ZSummaryDownload = z.strictObject({ format: z.enum(['docx', 'pdf']).default('docx') });

export const RECORDS_TOKENS = { orgId: '__org__', from: '__from__', to: '__to__' } as const;

export function fillRecordsPath(template: string | null, orgId: number, from: string, to: string): string | null {
  if (!template) return null;
  return template.replace(RECORDS_TOKENS.orgId, String(orgId)).replace(RECORDS_TOKENS.from, from).replace(RECORDS_TOKENS.to, to);
}

/** Percent with two decimals, as the reports write it: 58.46. */
export function percentOf(actual: number, target: number): number | null {
  if (!(target > 0)) return null;
  return Math.round((actual / target) * 10000) / 100;
}

export const ZSummaryListItem = ZSummary.pick({
  id: true,
  orgId: true,
  orgName: true,
  year: true,
  period: true,
  asOf: true,
  status: true,
  title: true,
  updatedAt: true,
});
export type TSummaryListItem = z.infer<typeof ZSummaryListItem>;
export const ZSummaryListQuery = z.strictObject({
  orgId: zId.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

/** `{{f3}}` → the figure's value and unit ("38家", "58.46%"); unknown ids stay visible as they are. */
export function renderFigureText(source: string, figures: Pick<TFigure, 'id' | 'value' | 'unit'>[]): string {
  const byId = new Map(figures.map((f) => [f.id, f]));
  return source.replace(/\{\{(f\d+)\}\}/g, (all, id: string) => {
    const f = byId.get(id);
    if (!f) return all;
    if (f.unit === '%') return `${f.value.toFixed(2)}%`;
    // Money quoted in 万元 keeps its value in 元 (so a refresh recomputes it) and is written with two decimals.
    if (f.unit === '万元') return formatWanYuan(yuanToFen(f.value)).replace(/,/g, '');
    return `${formatFigure(f.value)}${f.unit}`;
  });
}

/** Integers as written in reports (no grouping: 3581); money in 元 with up to two decimals. */
export function formatFigure(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** Whether a target on this indicator makes sense at this org level: a grassroots union founds no unions, so the
 *  org-building indicators (orgs.*) are not its targets. */
export function targetFitsLevel(key: string, level: string): boolean {
  return !(level === 'grassroots' && key.startsWith('orgs.'));
}
