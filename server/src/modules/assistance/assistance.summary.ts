// The 帮扶服务 theme of the work summary: 帮扶 in 人次 and money by fund source, then the campaigns (送温暖, 送清凉,
// 金秋助学, 救灾). Every number is a figure token; money of 1万元 or more is quoted in 万元 with two decimals, less in
// 元. The hardship files' sentence (在档困难职工 by tier, 新建档, 解困脱困) reads the hardship module's indicators and
// is written only when they count something, so this theme starts with or without that module.
import { CAMPAIGN_KIND_LABELS, FUND_SOURCES, FUND_SOURCE_LABELS, type CampaignKind } from '@gonghui/common';
import { cnDate, type SummaryContext, type SummaryFigures, type SummaryTheme } from '../../platform/summary/index.ts';

const TIMES = 'assistance.times';
const PEOPLE = 'assistance.people';
const AMOUNT = 'assistance.amount';
const GOODS = 'assistance.goods';

/** 1万元 or more in 万元 (two decimals), less in 元: the unit decides how the token is written. */
const moneyUnit = (yuan: number) => (yuan >= 10_000 ? '万元' : '元');
const money = (f: SummaryFigures, key: string, label: string) => f.fig(key, label, moneyUnit(f.value(key)));
const moneyPart = (f: SummaryFigures, key: string, dim: string, member: string, label: string) =>
  f.part(key, dim, member, label, moneyUnit(f.partValue(key, dim, member)));

const TIER_LABELS: Record<string, string> = { national: '全国级', provincial: '省级', city: '市级', district: '区级' };

/** 「截至6月30日，全区在档困难职工X户，其中全国级X户、…。上半年新建档X户，解困脱困X户。」 (hardship.* indicators). */
function hardshipSentence(ctx: SummaryContext, f: SummaryFigures): string | null {
  if (!f.has('hardship.households')) return null;
  const tiers = f
    .parts('hardship.households', 'tier')
    .map((t) => `${TIER_LABELS[t] ?? t}${f.part('hardship.households', 'tier', t, `在档困难职工：${TIER_LABELS[t] ?? t}`, '户')}`);
  let text = `截至${cnDate(ctx.asOf)}，${ctx.scope}在档困难职工${f.fig('hardship.households', '在档困难职工', '户')}${tiers.length ? `，其中${tiers.join('、')}` : ''}。`;
  const flows = [
    f.has('hardship.registered') ? `新建档${f.fig('hardship.registered', '新建档困难职工', '户')}` : '',
    f.has('hardship.exited') ? `解困脱困${f.fig('hardship.exited', '解困脱困', '户')}` : '',
  ].filter(Boolean);
  if (flows.length) text += `${ctx.half}${flows.join('，')}。`;
  return text;
}

/** 「上半年累计帮扶困难职工X人次（X人），发放帮扶资金X万元，其中工会经费X万元、…；发放物资折价X元。」 */
function totalSentence(ctx: SummaryContext, f: SummaryFigures): string | null {
  if (!f.has(TIMES)) return null;
  const people = f.has(PEOPLE) ? `（${f.fig(PEOPLE, '帮扶人数', '人')}）` : '';
  let text = `${ctx.half}累计帮扶困难职工${f.fig(TIMES, '帮扶人次', '人次')}${people}`;
  if (f.has(AMOUNT)) {
    const funds = FUND_SOURCES.filter((s) => f.partValue(AMOUNT, 'fundSource', s) > 0).map(
      (s) => `${FUND_SOURCE_LABELS[s]}${moneyPart(f, AMOUNT, 'fundSource', s, `帮扶资金：${FUND_SOURCE_LABELS[s]}`)}`,
    );
    text += `，发放帮扶资金${money(f, AMOUNT, '发放帮扶资金')}${funds.length > 1 ? `，其中${funds.join('、')}` : ''}`;
  }
  if (f.has(GOODS)) text += `${f.has(AMOUNT) ? '；' : '，'}发放慰问物资折价${money(f, GOODS, '发放物资折价')}`;
  return `${text}。`;
}

/** Each campaign kind's clause: who was reached and what was paid. */
const CAMPAIGN_WORDS: Record<CampaignKind, { lead: string; reached: string; unit: string; paid: string }> = {
  warmth: { lead: '开展春节送温暖活动，', reached: '慰问困难职工', unit: '人次', paid: '发放慰问金' },
  cool: { lead: '开展夏季送清凉活动，', reached: '慰问一线职工', unit: '人次', paid: '发放慰问金' },
  golden_autumn: { lead: '', reached: '金秋助学资助困难职工子女', unit: '名', paid: '发放助学金' },
  disaster: { lead: '开展救灾帮扶，', reached: '救助受灾职工', unit: '人次', paid: '发放救灾资金' },
};

/** 「开展春节送温暖活动，慰问困难职工X人次，发放慰问金X万元；金秋助学资助困难职工子女X名，发放助学金X万元。」 */
function campaignSentence(f: SummaryFigures): string | null {
  const clauses = (Object.keys(CAMPAIGN_WORDS) as CampaignKind[])
    .filter((k) => f.partValue(TIMES, 'campaignKind', k) > 0)
    .map((k) => {
      const w = CAMPAIGN_WORDS[k];
      const name = CAMPAIGN_KIND_LABELS[k];
      let text = `${w.lead}${w.reached}${f.part(TIMES, 'campaignKind', k, `${name}：帮扶人次`, w.unit)}`;
      if (f.partValue(AMOUNT, 'campaignKind', k) > 0) text += `，${w.paid}${moneyPart(f, AMOUNT, 'campaignKind', k, `${name}：发放资金`)}`;
      if (f.partValue(GOODS, 'campaignKind', k) > 0) text += `，发放物资折价${moneyPart(f, GOODS, 'campaignKind', k, `${name}：物资折价`)}`;
      return text;
    });
  return clauses.length ? `${clauses.join('；')}。` : null;
}

export const assistanceTheme: SummaryTheme = {
  key: 'assistance.service',
  place: '帮扶服务',
  heading: '困难职工帮扶扎实有效',
  // The hardship module's figures open the section (在档、新建档、解困脱困); both modules are always listed together.
  indicators: [TIMES, PEOPLE, AMOUNT, GOODS, 'hardship.households', 'hardship.registered', 'hardship.exited'],
  opening: (_ctx, f) => ({
    work: '困难职工帮扶',
    ...(f.has(TIMES) ? { headline: `帮扶困难职工${f.fig(TIMES, '帮扶人次', '人次')}` } : {}),
  }),
  draft: (ctx, f) => [hardshipSentence(ctx, f), totalSentence(ctx, f), campaignSentence(f)].filter((s): s is string => s !== null),
  shortfalls: (_ctx, f) => {
    const lag = f.lagging(TIMES, '帮扶困难职工人次');
    return lag ? [`${lag}，帮扶工作覆盖面还需进一步扩大`] : [];
  },
  usualShortfall: '困难职工帮扶的精准度还需进一步提高，常态化帮扶机制有待完善',
  plan: () => '持续开展送温暖、金秋助学等帮扶活动，做好困难职工精准帮扶，确保帮扶资金及时足额发放到位。',
};

export const assistanceSummaryThemes: SummaryTheme[] = [assistanceTheme];
