// The 维护职工合法权益 theme of the work summary (place 维权): cases received by type, the workers involved, those
// accepted and closed with the 结案率, the money recovered, and 工伤探视. Every number is a figure token; money of
// 1万元 or more is quoted in 万元 with two decimals, less in 元. Other modules' themes at the same place (职工诉求)
// follow this one as sections of their own, in registration order.
import { RIGHTS_TYPES, RIGHTS_TYPE_LABELS } from '@gonghui/common';
import type { SummaryContext, SummaryFigures, SummaryTheme } from '../../platform/summary/index.ts';

const RECEIVED = 'rights.received';
const WORKERS = 'rights.workers';
const ACCEPTED = 'rights.accepted';
const ACCEPTED_CLOSED = 'rights.accepted_closed';
const CLOSE_RATE = 'rights.close_rate';
const RECOVERED = 'rights.recovered';
const REPORTED = 'injury.reported';
const VISITED = 'injury.visited';
const VISIT_RATE = 'injury.visit_rate';

const moneyUnit = (yuan: number) => (yuan >= 10_000 ? '万元' : '元');

/** 「上半年，全区各级工会共接待职工维权案件X件，其中法律援助X件、…，涉及职工X人；受理X件，结案X件，结案率X%，为职工挽回经济损失X万元。」 */
function casesSentence(ctx: SummaryContext, f: SummaryFigures): string | null {
  if (!f.has(RECEIVED)) return null;
  const types = RIGHTS_TYPES.filter((t) => f.partValue(RECEIVED, 'type', t) > 0).map(
    (t) => `${RIGHTS_TYPE_LABELS[t]}${f.part(RECEIVED, 'type', t, `接待维权案件：${RIGHTS_TYPE_LABELS[t]}`, '件')}`,
  );
  let text = `${ctx.half}，${ctx.scope}各级工会共接待职工维权案件${f.fig(RECEIVED, '接待维权案件', '件')}`;
  if (types.length > 1) text += `，其中${types.join('、')}`;
  text += `，涉及职工${f.fig(WORKERS, '维权案件涉及职工', '人')}`;
  if (f.has(ACCEPTED)) {
    text += `；受理${f.fig(ACCEPTED, '受理维权案件', '件')}，结案${f.fig(ACCEPTED_CLOSED, '受理案件已结案', '件')}，结案率${f.fig(CLOSE_RATE, '结案率', '%')}`;
  }
  if (f.has(RECOVERED)) text += `，为职工挽回经济损失${f.fig(RECOVERED, '挽回经济损失', moneyUnit(f.value(RECOVERED)))}`;
  return `${text}。`;
}

/** 「坚持有伤即报、逢伤必探，上报工伤职工X人，探视工伤职工X人次，探视率X%。」 */
function injurySentence(f: SummaryFigures): string | null {
  if (!f.has(REPORTED)) return null;
  return `坚持有伤即报、逢伤必探，上报工伤职工${f.fig(REPORTED, '上报工伤职工', '人')}，探视工伤职工${f.fig(VISITED, '探视工伤职工', '人次')}，探视率${f.fig(VISIT_RATE, '工伤探视率', '%')}。`;
}

export const rightsTheme: SummaryTheme = {
  key: 'rights.protection',
  place: '维权',
  heading: '维护职工合法权益',
  indicators: [RECEIVED, WORKERS, ACCEPTED, ACCEPTED_CLOSED, CLOSE_RATE, RECOVERED, REPORTED, VISITED, VISIT_RATE],
  opening: (_ctx, f) => ({
    work: '职工维权',
    ...(f.has(ACCEPTED) ? { headline: `受理职工维权案件${f.fig(ACCEPTED, '受理维权案件', '件')}` } : {}),
  }),
  draft: (ctx, f) => [casesSentence(ctx, f), injurySentence(f)].filter((s): s is string => s !== null),
  shortfalls: (_ctx, f) => {
    const lag = f.lagging(ACCEPTED, '受理维权案件');
    return lag ? [`${lag}，维权服务的覆盖面和知晓度还需提高`] : [];
  },
  usualShortfall: '劳动争议多元化解机制还不够健全，基层工会维权能力有待提升',
  plan: () => '健全劳动争议调解和法律援助工作机制，依法维护职工合法权益，坚持有伤即报、逢伤必探。',
};

export const rightsSummaryThemes: SummaryTheme[] = [rightsTheme];
