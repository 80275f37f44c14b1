// The 组织建设 theme of a work summary: unions standing by level, unions founded with their members, and the
// life events (换届, 更名, 注销) of the period. Every number is a figure token.
import { ORG_KIND_LABELS, type OrgKind } from '@gonghui/common';
import type { SummaryTheme } from '../../platform/summary/index.ts';

const kindLabel = (k: string) => ORG_KIND_LABELS[k as OrgKind] ?? k;
const LEVEL_ORDER = ['province', 'city', 'district', 'street', 'federation', 'grassroots'];
const LEVEL_WORDS: Record<string, string> = {
  province: '省总工会',
  city: '市总工会',
  district: '区（县）总工会',
  street: '街道（乡镇）总工会',
  federation: '工会联合会',
  grassroots: '基层工会',
};
const levelLabel = (l: string) => LEVEL_WORDS[l] ?? l;

export const orgBuildingTheme: SummaryTheme = {
  key: 'orgs.building',
  place: '组织建设',
  heading: '组织建设不断夯实',
  indicators: ['orgs.total', 'orgs.founded', 'orgs.reelected', 'orgs.renamed', 'orgs.dissolved', 'members.in_new_orgs'],
  opening: (_ctx, f) => ({
    work: '工会组织建设',
    ...(f.has('orgs.founded') ? { headline: `新建工会组织${f.fig('orgs.founded', '新建工会组织', '家')}` } : {}),
  }),
  draft: (ctx, f) => {
    const text: string[] = [];
    if (f.has('orgs.total')) {
      // By level, so that the parts add up to the total (kinds are listed for the new unions below).
      const levels = f.parts('orgs.total', 'level').sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b));
      const list = levels
        .map((l) => `${levelLabel(l)}${f.part('orgs.total', 'level', l, `工会组织总数：${levelLabel(l)}`, '家')}`)
        .join('、');
      text.push(
        `${ctx.cutoff}，${ctx.scope}共有各级工会组织${f.fig('orgs.total', '工会组织总数', '家')}${levels.length > 1 ? `，其中${list}` : ''}。`,
      );
    }
    if (f.has('orgs.founded')) {
      const detail = f
        .parts('orgs.founded', 'kind')
        .map((k) => {
          const members =
            f.partValue('members.in_new_orgs', 'kind', k) > 0
              ? `，会员${f.part('members.in_new_orgs', 'kind', k, `新建工会会员：${kindLabel(k)}`, '人')}`
              : '';
          return `${kindLabel(k)}${f.part('orgs.founded', 'kind', k, `新建工会组织：${kindLabel(k)}`, '家')}${members}`;
        })
        .join('；');
      const members = f.has('members.in_new_orgs') ? `，新建工会会员${f.fig('members.in_new_orgs', '新建工会会员', '人')}` : '';
      const founded = f.fig('orgs.founded', '新建工会组织', '家');
      text.push(
        `${ctx.half}，${ctx.scope}共新建工会组织${founded}${f.versusLastYear('orgs.founded', '新建工会组织', '家')}${members}。${detail ? `其中${detail}。` : ''}`,
      );
    }
    const life: string[] = [];
    if (f.has('orgs.reelected')) life.push(`指导${f.fig('orgs.reelected', '换届选举工会', '家')}工会按期完成换届选举`);
    if (f.has('orgs.renamed')) life.push(`办理工会更名${f.fig('orgs.renamed', '更名工会组织', '家')}`);
    if (f.has('orgs.dissolved')) life.push(`依规注销工会组织${f.fig('orgs.dissolved', '注销工会组织', '家')}`);
    if (life.length) text.push(`规范工会组织管理，${life.join('，')}。`);
    return text;
  },
  shortfalls: (_ctx, f) => {
    const lag = f.lagging('orgs.founded', '新建工会组织');
    return lag ? [`${lag}，工作力度还需进一步加大`] : [];
  },
  usualShortfall: '部分基层工会作用发挥还不够充分，工作活力有待增强',
  plan: (_ctx, f) => `持续推进基层工会组建，聚焦新就业形态劳动者和中小微企业扩大组织覆盖${f.remaining('orgs.founded')}。`,
};

/** The orgs module's summary themes, registered with the reports module like its indicator provider. */
export const orgSummaryThemes: SummaryTheme[] = [orgBuildingTheme];
