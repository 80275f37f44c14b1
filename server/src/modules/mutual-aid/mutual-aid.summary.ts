// The 互助保障 theme of the work summary: 「全区X家单位X名职工参加医疗互助，缴纳互助金X万元；为X人次职工报销医疗费用
// X万元。」 Every number is a figure token; money of 1万元 or more is quoted in 万元 with two decimals, less in 元 (as
// the 帮扶服务 theme does).
import type { SummaryContext, SummaryFigures, SummaryTheme } from '../../platform/summary/index.ts';

const UNITS = 'mutual_aid.units';
const MEMBERS = 'mutual_aid.members';
const PREMIUM = 'mutual_aid.premium';
const CLAIMS = 'mutual_aid.claims';
const PAID = 'mutual_aid.paid';

const moneyUnit = (yuan: number) => (yuan >= 10_000 ? '万元' : '元');
const money = (f: SummaryFigures, key: string, label: string) => f.fig(key, label, moneyUnit(f.value(key)));

function sentence(ctx: SummaryContext, f: SummaryFigures): string | null {
  const parts: string[] = [];
  if (f.has(MEMBERS) || f.has(UNITS)) {
    let text = `${ctx.scope}`;
    if (f.has(UNITS)) text += `${f.fig(UNITS, '参加医疗互助单位', '家')}单位`;
    text += f.has(MEMBERS) ? `${f.fig(MEMBERS, '参加医疗互助职工', '名')}职工参加医疗互助` : '参加医疗互助';
    if (f.has(PREMIUM)) text += `，缴纳互助金${money(f, PREMIUM, '缴纳医疗互助金')}`;
    parts.push(text);
  }
  if (f.has(CLAIMS)) {
    let text = `为${f.fig(CLAIMS, '医疗互助报销人次', '人次')}职工报销医疗费用`;
    if (f.has(PAID)) text += money(f, PAID, '医疗互助报销金额');
    parts.push(text);
  }
  return parts.length ? `${parts.join('；')}。` : null;
}

export const mutualAidTheme: SummaryTheme = {
  key: 'mutual_aid.protection',
  place: '互助保障',
  heading: '职工医疗互助保障持续加强',
  indicators: [UNITS, MEMBERS, PREMIUM, CLAIMS, PAID],
  opening: (_ctx, f) => ({
    work: '职工医疗互助',
    ...(f.has(MEMBERS) ? { headline: `${f.fig(MEMBERS, '参加医疗互助职工', '名')}职工参加医疗互助` } : {}),
  }),
  draft: (ctx, f) => [sentence(ctx, f)].filter((s): s is string => s !== null),
  shortfalls: (_ctx, f) => {
    const lag = f.lagging(MEMBERS, '参加医疗互助职工人数');
    return lag ? [`${lag}，医疗互助覆盖面还需进一步扩大`] : [];
  },
  usualShortfall: '职工医疗互助的覆盖面还不够广，部分非公企业职工参保意愿不强',
  plan: () => '扩大职工医疗互助覆盖面，简化报销流程，确保互助金及时足额赔付到位。',
};

export const mutualAidSummaryThemes: SummaryTheme[] = [mutualAidTheme];
