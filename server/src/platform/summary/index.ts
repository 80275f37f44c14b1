// The work-summary themes' contract. A module whose records a 工作总结 reports on registers a theme, the way it
// registers an indicator provider: where the theme stands in the summary, its heading, the indicators it reads and
// how it words its paragraphs, its 不足 and its plan item. The reports module assembles whatever is registered.
// Every number a theme writes is a figure token from SummaryFigures, so a refresh updates it.

/** The usual order of a union summary's themes (组织建设 → 会员 → … → 自身建设); a theme names one of these places. */
export const SUMMARY_PLACES = ['组织建设', '会员', '思想引领', '建功立业', '维权', '帮扶服务', '互助保障', '自身建设'] as const;
export type SummaryPlace = (typeof SUMMARY_PLACES)[number];

export interface SummaryChild {
  orgId: number;
  name: string;
  /** The child's values of every registered theme's `childKeys`. */
  values: Record<string, number>;
}

/** What the summary is about, with the phrases every theme's sentences start from. */
export interface SummaryContext {
  orgName: string;
  orgLevel: string;
  year: number;
  period: 'H1' | 'year';
  /** The day counted to (YYYY-MM-DD). */
  asOf: string;
  /** 全区, 全市 … (本会 for levels without a word). */
  scope: string;
  /** 上半年 or 今年以来. */
  half: string;
  /** 截至2026年6月30日. */
  cutoff: string;
  /** The org's direct children (not the org itself), for 从各单位看 sentences. */
  children: SummaryChild[];
}

/**
 * Numbers to decide the wording with, and tokens to write: a theme never writes a digit itself. Labels name the
 * figure in the console's figure list (发展会员, 会员总数：女性 …); units are the indicator's (家, 人 …).
 */
export interface SummaryFigures {
  value(key: string): number;
  /** Whether the indicator counts anything in the period. */
  has(key: string): boolean;
  /** Members of a breakdown dimension with a count, largest first. */
  parts(key: string, dim: string): string[];
  partValue(key: string, dim: string, member: string): number;
  lastYear(key: string): number;
  /** Token of the indicator's value. */
  fig(key: string, label: string, unit: string): string;
  /** Token of one breakdown member's value. */
  part(key: string, dim: string, member: string, label: string, unit: string): string;
  /** Token of one child org's value (its id among `ctx.children`). */
  child(key: string, orgId: number, label: string, unit: string): string;
  /** 「（去年同期X家，同比增长Y%）」, worded by the sign; '' when last year counted nothing. */
  versusLastYear(key: string, label: string, unit: string): string;
  /** 「发展会员同比下降Y%」 when the value fell behind the same period last year; '' otherwise. */
  lagging(key: string, label: string): string;
  /** 「，发展会员全年任务X人，尚需完成Y人」 when the org has an unfinished target on the key; '' otherwise. Marks the key
   *  as planned, so the summary does not list it again among the other targets. */
  remaining(key: string): string;
}

export interface SummaryTheme {
  /** Unique among themes ("orgs.building"). */
  key: string;
  place: SummaryPlace;
  /** Sub-heading in the review, without its number: 组织建设不断夯实. */
  heading: string;
  /** Indicator keys the theme reads; a theme whose indicators all count zero is left out of the summary. */
  indicators: string[];
  /** Keys the theme quotes per child org; the summary computes them for `ctx.children`. */
  childKeys?: string[];
  /** The work the opening names (工会组织建设) and, optionally, a headline with a figure (新建工会组织{{f1}}). */
  opening?(ctx: SummaryContext, f: SummaryFigures): { work: string; headline?: string };
  /** The theme's paragraphs in the review; none leaves the theme out of the review but keeps its plan item. */
  draft(ctx: SummaryContext, f: SummaryFigures): string[];
  /** 不足 the records show (fell behind last year …), as clauses: 发展会员同比下降Y%，工作力度还需进一步加大. */
  shortfalls?(ctx: SummaryContext, f: SummaryFigures): string[];
  /** A usual 不足 of this area, used when the records show too few. */
  usualShortfall?: string;
  /** One item of the plan for the rest of the year, as a clause: 扎实做好会员发展，推动应入尽入。 */
  plan?(ctx: SummaryContext, f: SummaryFigures): string;
}

/** Registered themes in canonical order (registration order within a place); throws on a repeated key. */
export function orderThemes(themes: readonly SummaryTheme[]): SummaryTheme[] {
  const seen = new Set<string>();
  for (const t of themes) {
    if (seen.has(t.key)) throw new Error(`summary theme registered twice: ${t.key}`);
    seen.add(t.key);
  }
  return themes
    .map((t, i) => ({ t, i }))
    .sort((a, b) => SUMMARY_PLACES.indexOf(a.t.place) - SUMMARY_PLACES.indexOf(b.t.place) || a.i - b.i)
    .map((x) => x.t);
}

/** 2026-06-30 → 6月30日, or 2026年6月30日 with the year. */
export const cnDate = (d: string, withYear = false): string => {
  const [y, m, day] = d.split('-').map(Number);
  return withYear ? `${y}年${m}月${day}日` : `${m}月${day}日`;
};
