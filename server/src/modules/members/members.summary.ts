// The members module's work-summary themes: 会员发展 (members on the roll, joined, left, the units that led) and,
// under 自身建设, 会员实名制管理 (the registry every join, transfer and quit goes through). Every number is a
// figure token.
import { MEMBER_CATEGORY_LABELS, type MemberCategory } from '@gonghui/common';
import type { SummaryChild, SummaryFigures, SummaryTheme } from '../../platform/summary/index.ts';

const categoryLabel = (k: string) => MEMBER_CATEGORY_LABELS[k as MemberCategory] ?? k;
const joinedOf = (c: SummaryChild) => c.values['members.joined'] ?? 0;
const foundedOf = (c: SummaryChild) => c.values['orgs.founded'] ?? 0;

/** 从各单位看: the (up to) three units that joined the most members, with only what each achieved — "新建工会0家" is
 *  not a reason to be named. Said only when more than one unit achieved something. */
function leadersSentence(children: SummaryChild[], f: SummaryFigures): string | null {
  const leaders = children
    .filter((c) => joinedOf(c) > 0 || foundedOf(c) > 0)
    .sort((a, b) => joinedOf(b) - joinedOf(a) || foundedOf(b) - foundedOf(a))
    .slice(0, 3);
  if (leaders.length < 2) return null;
  const achieved = (c: SummaryChild) =>
    [
      foundedOf(c) > 0 ? `新建工会${f.child('orgs.founded', c.orgId, `新建工会组织：${c.name}`, '家')}` : '',
      joinedOf(c) > 0 ? `发展会员${f.child('members.joined', c.orgId, `发展会员：${c.name}`, '人')}` : '',
    ]
      .filter(Boolean)
      .join('、');
  return `从各单位看，${leaders.map((c) => `${c.name}${achieved(c)}`).join('，')}，走在前列。`;
}

export const memberDevelopmentTheme: SummaryTheme = {
  key: 'members.development',
  place: '会员',
  heading: '会员发展稳步推进',
  indicators: ['members.total', 'members.joined', 'members.left', 'members.net_new'],
  childKeys: ['orgs.founded', 'members.joined'],
  opening: (_ctx, f) => ({
    work: '会员发展',
    ...(f.has('members.joined') ? { headline: `发展会员${f.fig('members.joined', '发展会员', '人')}` } : {}),
  }),
  draft: (ctx, f) => {
    const text: string[] = [];
    if (f.has('members.total')) {
      const male = f.part('members.total', 'gender', 'male', '会员总数：男性', '人');
      const female = f.part('members.total', 'gender', 'female', '会员总数：女性', '人');
      const cats = f
        .parts('members.total', 'category')
        .map((c) => `${categoryLabel(c)}会员${f.part('members.total', 'category', c, `会员总数：${categoryLabel(c)}`, '人')}`);
      text.push(
        `${ctx.cutoff}，${ctx.scope}实名制会员${f.fig('members.total', '会员总数', '人')}，其中男性会员${male}、女性会员${female}${cats.length ? `；${cats.join('、')}` : ''}。`,
      );
    }
    if (f.has('members.joined') || f.has('members.left')) {
      const cats = f
        .parts('members.joined', 'category')
        .map((c) => `${categoryLabel(c)}${f.part('members.joined', 'category', c, `发展会员：${categoryLabel(c)}`, '人')}`);
      const left = f.has('members.left') ? `，办理退会${f.fig('members.left', '退会会员', '人')}` : '';
      const lastYear = f.versusLastYear('members.joined', '发展会员', '人');
      text.push(
        `${ctx.half}发展会员${f.fig('members.joined', '发展会员', '人')}${lastYear}${cats.length ? `，其中${cats.join('、')}` : ''}${left}，净增会员${f.fig('members.net_new', '净增会员', '人')}。`,
      );
    }
    const leaders = leadersSentence(ctx.children, f);
    if (leaders) text.push(leaders);
    return text;
  },
  shortfalls: (_ctx, f) => {
    const lag = f.lagging('members.joined', '发展会员');
    return lag ? [`${lag}，工作力度还需进一步加大`] : [];
  },
  plan: (_ctx, f) => `扎实做好会员发展，推动应入尽入${f.remaining('members.joined')}。`,
};

export const memberRegistryTheme: SummaryTheme = {
  key: 'members.registry',
  place: '自身建设',
  heading: '会员实名制管理更加规范',
  indicators: ['members.total'],
  opening: () => ({ work: '会员实名制管理' }),
  draft: () => [
    '坚持把会员实名制管理作为工会自身建设的基础工作，会员入会、组织关系接转和退会均在会员管理平台登记办理，会员信息随变随改、动态更新，做到底数清、情况明。',
  ],
  usualShortfall: '会员实名制信息维护还不够及时，数据质量有待提高',
  plan: () => '加强工会自身建设，持续推进会员实名制管理，做好会员接转和信息维护，确保会员数据真实准确。',
};

/** The members module's summary themes, registered with the reports module like its indicator provider. */
export const memberSummaryThemes: SummaryTheme[] = [memberDevelopmentTheme, memberRegistryTheme];
