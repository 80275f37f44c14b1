// The 职工诉求 theme of the work summary, under 维权 (after the rights cases' theme of that place):
// 「上半年共受理职工诉求X件，办结X件，按时办结率X%。」 Every number is a figure token; the wording follows the figures
// (nothing closed yet, every closed appeal on time, appeals closed in the period but received earlier).
import type { SummaryFigures, SummaryTheme } from '../../platform/summary/index.ts';

const RECEIVED = 'appeals.received';
const CLOSED = 'appeals.closed';
const ON_TIME = 'appeals.closed_on_time';
const RATE = 'appeals.on_time_rate';

/** 「办结X件，按时办结率X%」 or 「办结X件，均在规定时限内办结」 (`what`: 职工诉求 when the sentence opens with it). */
function closedClause(f: SummaryFigures, what = ''): string {
  const closed = `办结${what}${f.fig(CLOSED, '办结职工诉求', '件')}`;
  if (f.value(ON_TIME) === f.value(CLOSED)) return `${closed}，均在规定时限内办结`;
  return `${closed}，按时办结率${f.fig(RATE, '职工诉求按时办结率', '%')}`;
}

export function appealsSentence(half: string, f: SummaryFigures): string | null {
  if (!f.has(RECEIVED)) return f.has(CLOSED) ? `${half}${closedClause(f, '职工诉求')}。` : null;
  const received = `${half}共受理职工诉求${f.fig(RECEIVED, '受理职工诉求', '件')}`;
  if (!f.has(CLOSED)) return `${received}，均在按时限办理中。`;
  return `${received}，${closedClause(f)}。`;
}

export const appealsTheme: SummaryTheme = {
  key: 'appeals.handling',
  place: '维权',
  heading: '职工诉求办理及时有效',
  indicators: [RECEIVED, CLOSED, ON_TIME, RATE],
  opening: (_ctx, f) => ({
    work: '职工诉求办理',
    ...(f.has(RECEIVED) ? { headline: `受理职工诉求${f.fig(RECEIVED, '受理职工诉求', '件')}` } : {}),
  }),
  draft: (ctx, f) => {
    const s = appealsSentence(ctx.half, f);
    return s ? [s] : [];
  },
  shortfalls: (_ctx, f) =>
    f.has(CLOSED) && f.value(RATE) < 90
      ? [`职工诉求按时办结率为${f.fig(RATE, '职工诉求按时办结率', '%')}，部分诉求未能在规定时限内办结，办理时效有待提高`]
      : [],
  usualShortfall: '职工诉求办理的时效和质量还需进一步提高',
  plan: () => '畅通职工诉求表达渠道，严格落实诉求办理时限，做到件件有回音、事事有着落。',
};

export const appealsSummaryThemes: SummaryTheme[] = [appealsTheme];
