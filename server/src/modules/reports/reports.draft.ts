// Drafts a 上半年工作总结 / 年度工作总结 in the genre of real union reports from the registered summary themes
// (platform/summary): title; an opening naming each theme's work and headline; the review, one numbered part per
// theme with records in canonical order, the targets' completion before 自身建设; 3–4 不足; one plan item per
// theme. Every number is a figure token ({{f3}}), so the prose stays editable while the figures stay linked to the
// records.
import {
  cnDate,
  orderThemes,
  type SummaryChild,
  type SummaryContext,
  type SummaryFigures,
  type SummaryTheme,
} from '../../platform/summary/index.ts';
import { FigureSet, summaryFigures, type FigureInputs, type FigureSpec } from './reports.figures.ts';

export { cnDate };

export interface DraftContext {
  orgName: string;
  orgLevel: string;
  year: number;
  period: 'H1' | 'year';
  asOf: string;
  /** Level of the parent org, for "位列全市第X名"; null at the root. */
  parentLevel: string | null;
  /** How many orgs share the parent: a rank is named only when it is to the org's credit. */
  siblingCount: number;
  /** Direct children (not the org itself) with their values of the themes' child keys. */
  children: SummaryChild[];
}

export interface DraftSection {
  heading: string;
  level: 1 | 2 | 3;
  source: string[];
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (section numbers and 一是、二是). */
export function cnNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}
const listed = (items: string[]) => items.map((x, i) => `${cnNumeral(i + 1)}是${x}`);
const SCOPE_WORD: Record<string, string> = { province: '全省', city: '全市', district: '全区', street: '全街道', federation: '本联合会' };

export function titleOf(ctx: Pick<DraftContext, 'orgName' | 'year' | 'period'>): string {
  return ctx.period === 'H1' ? `${ctx.year}年${ctx.orgName}上半年工作总结` : `${ctx.year}年${ctx.orgName}工作总结`;
}

/** 甲和乙; 甲、乙和丙. */
const joinWorks = (w: string[]) => (w.length < 2 ? (w[0] ?? '') : `${w.slice(0, -1).join('、')}和${w.at(-1)}`);

/** The keys of every theme's per-child figures (从各单位看). */
export const childKeysOf = (themes: readonly SummaryTheme[]) => new Set(themes.flatMap((t) => t.childKeys ?? []));

export function draftSummary(
  ctx: DraftContext,
  inputs: FigureInputs,
  themes: readonly SummaryTheme[],
): { title: string; sections: DraftSection[]; figures: FigureSpec[] } {
  const f = new FigureSet(inputs);
  const planned = new Set<string>();
  const figs = summaryFigures(f, inputs, planned);
  const half = ctx.period === 'H1' ? '上半年' : '今年以来';
  const sctx: SummaryContext = {
    orgName: ctx.orgName,
    orgLevel: ctx.orgLevel,
    year: ctx.year,
    period: ctx.period,
    asOf: ctx.asOf,
    scope: SCOPE_WORD[ctx.orgLevel] ?? '本会',
    half,
    cutoff: `截至${cnDate(ctx.asOf, true)}`,
    children: ctx.children,
  };
  // A theme whose indicators count nothing has nothing to report.
  const present = orderThemes(themes).filter((t) => t.indicators.some((k) => figs.has(k)));
  // 自身建设 closes the review and the plan; the targets go right before it.
  const closing = (t: SummaryTheme) => t.place === '自身建设';

  const sections: DraftSection[] = [{ heading: '', level: 1, source: [opening(ctx, sctx, figs, present)] }];
  let n = 0;
  sections.push({ heading: `${cnNumeral(++n)}、${ctx.period === 'H1' ? '上半年' : `${ctx.year}年`}工作回顾`, level: 1, source: [] });
  let sub = 0;
  const review = (heading: string, text: string[]) => {
    if (text.length) sections.push({ heading: `（${cnNumeral(++sub)}）${heading}`, level: 2, source: text });
  };
  const reviewed = present.map((t) => ({ t, text: t.draft(sctx, figs) }));
  const targets = targetsText(ctx, f, inputs);
  const firstClosing = reviewed.findIndex((r) => closing(r.t));
  for (const [i, r] of reviewed.entries()) {
    if (i === firstClosing) review('目标任务有序推进', targets);
    review(r.t.heading, r.text);
  }
  if (firstClosing < 0) review('目标任务有序推进', targets);

  sections.push({ heading: `${cnNumeral(++n)}、存在的不足`, level: 1, source: [shortcomings(f, inputs, sctx, figs, present)] });
  const next = ctx.period === 'H1' ? '下半年' : '明年';
  sections.push({
    heading: `${cnNumeral(++n)}、${next}工作计划`,
    level: 1,
    source: planFor(f, inputs, sctx, figs, present, planned, next),
  });
  const texts = sections.flatMap((s) => s.source);
  return { title: titleOf(ctx), sections, figures: f.quotedIn(texts) };
}

function opening(ctx: DraftContext, sctx: SummaryContext, figs: SummaryFigures, present: SummaryTheme[]): string {
  const parts = present.flatMap((t) => (t.opening ? [t.opening(sctx, figs)] : []));
  const works = joinWorks(parts.map((p) => p.work));
  const headlines = parts.flatMap((p) => (p.headline ? [p.headline] : []));
  return (
    `${sctx.half}，${ctx.orgName}在上级工会的正确领导下，围绕发展和谐劳动关系、服务职工、维护职工合法权益这条主线，` +
    `扎实推进${works ? `${works}等` : '各项'}工作${headlines.length ? `，${headlines.join('、')}` : ''}，各项工作取得一定进展。` +
    `现将${ctx.period === 'H1' ? '上半年' : '全年'}工作情况汇报如下：`
  );
}

/** 目标任务: each target's completion, the rank only when it is to the unit's credit, and time progress. */
function targetsText(ctx: DraftContext, f: FigureSet, inputs: FigureInputs): string[] {
  if (!inputs.targets.length) return [];
  const sentences = inputs.targets.map((t) => {
    const tgt = f.add({ key: t.key, measure: 'target', label: `${t.label}（全年任务）`, unit: t.unit });
    const done = f.add({ key: t.key, measure: 'value', label: t.label, unit: t.unit });
    const pct = f.add({ key: t.key, measure: 'percent', label: `${t.label}（完成率）`, unit: '%' });
    // A rank is worth naming only when it is to the unit's credit: the first three, or the top third of many.
    const r = inputs.ranks[t.key] ?? 0;
    const credit = r > 0 && (r <= 3 || r <= Math.ceil(ctx.siblingCount / 3));
    const rank =
      ctx.parentLevel && credit
        ? `，完成率位列${SCOPE_WORD[ctx.parentLevel] ?? '上级'}第${f.add({ key: t.key, measure: 'rank', label: `${t.label}（完成率排名）`, unit: '名' })}`
        : '';
    return `${t.label}全年任务${tgt}，已完成${done}，完成全年任务的${pct}${rank}`;
  });
  const time = f.add({ key: inputs.targets[0]?.key ?? '', measure: 'timeProgress', label: '时间进度', unit: '%' });
  return [`${sentences.join('；')}。时间进度为${time}。`];
}

const GENERIC_SHORTCOMINGS = ['服务职工的精准度还需进一步提高，职工群众的获得感有待提升'];

/** 3–4 不足: targets behind time progress first, then what the themes' records show, then the themes' usual ones. */
function shortcomings(f: FigureSet, inputs: FigureInputs, sctx: SummaryContext, figs: SummaryFigures, present: SummaryTheme[]): string {
  const items: string[] = [];
  for (const t of inputs.targets.filter((x) => x.percent !== null && x.percent < inputs.timeProgress).slice(0, 2)) {
    const pct = f.add({ key: t.key, measure: 'percent', label: `${t.label}（完成率）`, unit: '%' });
    const time = f.add({ key: t.key, measure: 'timeProgress', label: '时间进度', unit: '%' });
    items.push(`${t.label}完成全年任务的${pct}，低于时间进度（${time}），未实现时间过半、任务过半`);
  }
  for (const t of present) if (items.length < 4) items.push(...(t.shortfalls?.(sctx, figs) ?? []));
  const usual = [...present.flatMap((t) => (t.usualShortfall ? [t.usualShortfall] : [])), ...GENERIC_SHORTCOMINGS];
  for (const g of usual) if (items.length < 3) items.push(g);
  return `在充分肯定成绩的同时，我们也清醒地看到工作中存在的不足和薄弱环节：${listed(items.slice(0, 4)).join('；')}。对此，我们将在今后的工作中认真加以解决。`;
}

/** One item per theme in the order of the review; the targets no theme named come before 自身建设. */
function planFor(
  f: FigureSet,
  inputs: FigureInputs,
  sctx: SummaryContext,
  figs: SummaryFigures,
  present: SummaryTheme[],
  planned: Set<string>,
  next: string,
): string[] {
  const drafted = present.map((t) => ({ closing: t.place === '自身建设', item: t.plan?.(sctx, figs) ?? '' }));
  const others = inputs.targets
    .filter((t) => !planned.has(t.key) && t.target > t.actual)
    .map((t) => `${t.label}尚需完成${f.add({ key: t.key, measure: 'remaining', label: `${t.label}（尚需完成）`, unit: t.unit })}`);
  const othersItem = others.length ? `对照年度目标逐项盯办，${others.join('，')}，确保全面完成全年任务。` : '';
  const at = drafted.findIndex((d) => d.closing);
  const items = drafted.map((d) => d.item);
  items.splice(at < 0 ? items.length : at, 0, othersItem);
  return [`${next}，我们将按照上级工会的部署要求，重点做好以下几方面工作：`, ...listed(items.filter(Boolean))];
}
