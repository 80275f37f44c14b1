// Drafts a 上半年工作总结 / 年度工作总结 in the genre of real union reports: title, opening, numbered themes built
// from the indicators that have data, a shortcomings paragraph and the plan for what remains. Every number is a
// figure token ({{f3}}), so the prose stays editable while the figures stay linked to the records.
import { MEMBER_CATEGORY_LABELS, ORG_KIND_LABELS, type MemberCategory, type OrgKind, type TStatValue } from '@gonghui/common';
import { FigureSet, type FigureInputs, type FigureSpec } from './reports.figures.ts';

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
  /** Direct children with a figure each, largest first, for "从各单位看" sentences. */
  leaders: { orgId: number; name: string; founded: number; joined: number }[];
}

export interface DraftSection {
  heading: string;
  level: 1 | 2 | 3;
  source: string[];
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const SCOPE_WORD: Record<string, string> = { province: '全省', city: '全市', district: '全区', street: '全街道', federation: '本联合会' };

export const cnDate = (d: string, withYear = false) => {
  const [y, m, day] = d.split('-').map(Number);
  return withYear ? `${y}年${m}月${day}日` : `${m}月${day}日`;
};

export function titleOf(ctx: Pick<DraftContext, 'orgName' | 'year' | 'period'>): string {
  return ctx.period === 'H1' ? `${ctx.year}年${ctx.orgName}上半年工作总结` : `${ctx.year}年${ctx.orgName}工作总结`;
}

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
const categoryLabel = (k: string) => MEMBER_CATEGORY_LABELS[k as MemberCategory] ?? k;

/** Breakdown members with a count, largest first. */
function parts(v: TStatValue | undefined, dim: string): string[] {
  return Object.entries(v?.breakdown?.[dim] ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([m]) => m);
}

export function draftSummary(ctx: DraftContext, inputs: FigureInputs): { title: string; sections: DraftSection[]; figures: FigureSpec[] } {
  const f = new FigureSet(inputs);
  const v = inputs.values;
  const has = (key: string) => (v[key]?.value ?? 0) !== 0;
  const fig = (key: string, label: string, unit: string) => f.add({ key, measure: 'value', label, unit });
  const part = (key: string, dim: string, member: string, label: string, unit: string) =>
    f.add({ key, measure: 'part', dim, member, label, unit });
  const scope = SCOPE_WORD[ctx.orgLevel] ?? '本会';
  const half = ctx.period === 'H1' ? '上半年' : '今年以来';
  const cutoff = `截至${cnDate(ctx.asOf, true)}`;
  /** "（去年同期X人，同比增长Y%）": the change is worded by its sign when drafted; both numbers stay figures. */
  const versusLastYear = (key: string, label: string, unit: string) => {
    const last = f.value({ key, measure: 'lastYear' });
    if (last <= 0) return '';
    const word = f.value({ key, measure: 'value' }) >= last ? '同比增长' : '同比下降';
    const lastFig = f.add({ key, measure: 'lastYear', label: `${label}（去年同期）`, unit });
    return `（去年同期${lastFig}，${word}${f.add({ key, measure: 'yoy', label: `${label}（同比变化）`, unit: '%' })}）`;
  };

  // (一) Organisation building.
  const orgText: string[] = [];
  if (has('orgs.total')) {
    // By level, so that the parts add up to the total (kinds are listed for the new unions below).
    const levels = parts(v['orgs.total'], 'level').sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b));
    const list = levels.map((l) => `${levelLabel(l)}${part('orgs.total', 'level', l, `工会组织总数：${levelLabel(l)}`, '家')}`).join('、');
    orgText.push(
      `${cutoff}，${scope}共有各级工会组织${fig('orgs.total', '工会组织总数', '家')}${levels.length > 1 ? `，其中${list}` : ''}。`,
    );
  }
  if (has('orgs.founded')) {
    const kinds = parts(v['orgs.founded'], 'kind');
    const detail = kinds
      .map((k) => {
        const members =
          f.value({ key: 'members.in_new_orgs', measure: 'part', dim: 'kind', member: k }) > 0
            ? `，会员${part('members.in_new_orgs', 'kind', k, `新建工会会员：${kindLabel(k)}`, '人')}`
            : '';
        return `${kindLabel(k)}${part('orgs.founded', 'kind', k, `新建工会组织：${kindLabel(k)}`, '家')}${members}`;
      })
      .join('；');
    const members = has('members.in_new_orgs') ? `，新建工会会员${fig('members.in_new_orgs', '新建工会会员', '人')}` : '';
    orgText.push(
      `${half}，${scope}共新建工会组织${fig('orgs.founded', '新建工会组织', '家')}${versusLastYear('orgs.founded', '新建工会组织', '家')}${members}。${detail ? `其中${detail}。` : ''}`,
    );
  }
  const life: string[] = [];
  if (has('orgs.reelected')) life.push(`指导${fig('orgs.reelected', '换届选举工会', '家')}工会按期完成换届选举`);
  if (has('orgs.renamed')) life.push(`办理工会更名${fig('orgs.renamed', '更名工会组织', '家')}`);
  if (has('orgs.dissolved')) life.push(`依规注销工会组织${fig('orgs.dissolved', '注销工会组织', '家')}`);
  if (life.length) orgText.push(`规范工会组织管理，${life.join('，')}。`);

  // (二) Membership.
  const memberText: string[] = [];
  if (has('members.total')) {
    const male = part('members.total', 'gender', 'male', '会员总数：男性', '人');
    const female = part('members.total', 'gender', 'female', '会员总数：女性', '人');
    const cats = parts(v['members.total'], 'category').map(
      (c) => `${categoryLabel(c)}会员${part('members.total', 'category', c, `会员总数：${categoryLabel(c)}`, '人')}`,
    );
    memberText.push(
      `${cutoff}，${scope}实名制会员${fig('members.total', '会员总数', '人')}，其中男性会员${male}、女性会员${female}${cats.length ? `；${cats.join('、')}` : ''}。`,
    );
  }
  if (has('members.joined') || has('members.left')) {
    const cats = parts(v['members.joined'], 'category').map(
      (c) => `${categoryLabel(c)}${part('members.joined', 'category', c, `发展会员：${categoryLabel(c)}`, '人')}`,
    );
    const left = has('members.left') ? `，办理退会${fig('members.left', '退会会员', '人')}` : '';
    const lastYear = versusLastYear('members.joined', '发展会员', '人');
    memberText.push(
      `${half}发展会员${fig('members.joined', '发展会员', '人')}${lastYear}${cats.length ? `，其中${cats.join('、')}` : ''}${left}，净增会员${fig('members.net_new', '净增会员', '人')}。`,
    );
  }
  const leaders = ctx.leaders.filter((l) => l.joined > 0 || l.founded > 0).slice(0, 3);
  // Only what each leader achieved: "新建工会0家" is not a reason to be named.
  const child = (key: string, l: DraftContext['leaders'][number], label: string, unit: string) =>
    f.add({ key, measure: 'child', member: String(l.orgId), label: `${label}：${l.name}`, unit });
  const achieved = (l: DraftContext['leaders'][number]) =>
    [
      l.founded > 0 ? `新建工会${child('orgs.founded', l, '新建工会组织', '家')}` : '',
      l.joined > 0 ? `发展会员${child('members.joined', l, '发展会员', '人')}` : '',
    ]
      .filter(Boolean)
      .join('、');
  if (leaders.length > 1) memberText.push(`从各单位看，${leaders.map((l) => `${l.name}${achieved(l)}`).join('，')}，走在前列。`);

  // (三) Targets.
  const targetText = inputs.targets.map((t) => {
    const tgt = f.add({ key: t.key, measure: 'target', label: `${t.label}（全年任务）`, unit: t.unit });
    const pct = f.add({ key: t.key, measure: 'percent', label: `${t.label}（完成率）`, unit: '%' });
    // A rank is worth naming only when it is to the unit's credit: the first three, or the top third of many.
    const r = inputs.ranks[t.key] ?? 0;
    const credit = r > 0 && (r <= 3 || r <= Math.ceil(ctx.siblingCount / 3));
    const rank =
      ctx.parentLevel && credit
        ? `，完成率位列${SCOPE_WORD[ctx.parentLevel] ?? '上级'}第${f.add({ key: t.key, measure: 'rank', label: `${t.label}（完成率排名）`, unit: '名' })}`
        : '';
    return `${t.label}全年任务${tgt}，已完成${fig(t.key, t.label, t.unit)}，完成全年任务的${pct}${rank}`;
  });

  const sections: DraftSection[] = [];
  const opening = `${half}，${ctx.orgName}在上级工会的正确领导下，围绕发展和谐劳动关系、服务职工、维护职工合法权益这条主线，扎实推进工会组织建设和会员发展各项工作，各项工作取得一定进展。现将${ctx.period === 'H1' ? '上半年' : '全年'}工作情况汇报如下：`;
  sections.push({ heading: '', level: 1, source: [opening] });
  const themes: [string, string[]][] = [
    ['组织建设不断夯实', orgText],
    ['会员发展稳步推进', memberText],
    [
      '目标任务有序推进',
      targetText.length
        ? [
            `${targetText.join('；')}。时间进度为${f.add({ key: inputs.targets[0]?.key ?? 'orgs.total', measure: 'timeProgress', label: '时间进度', unit: '%' })}。`,
          ]
        : [],
    ],
  ];
  let n = 0;
  sections.push({ heading: `${NUMERALS[n++]}、${ctx.period === 'H1' ? '上半年' : `${ctx.year}年`}工作回顾`, level: 1, source: [] });
  let sub = 0;
  for (const [heading, text] of themes)
    if (text.length) sections.push({ heading: `（${NUMERALS[sub++]}）${heading}`, level: 2, source: text });

  sections.push({ heading: `${NUMERALS[n++]}、存在的不足`, level: 1, source: [shortcomings(f, inputs)] });
  const next = ctx.period === 'H1' ? '下半年' : `${ctx.year + 1}年`;
  sections.push({ heading: `${NUMERALS[n++]}、${next}工作计划`, level: 1, source: planFor(f, inputs, next) });
  return { title: titleOf(ctx), sections, figures: f.specs };
}

const GENERIC_SHORTCOMINGS = [
  '部分基层工会作用发挥还不够充分，工作活力有待增强',
  '服务职工的精准度还需进一步提高，职工群众的获得感有待提升',
  '会员实名制信息维护还不够及时，数据质量有待提高',
];

/** 3–4 shortcomings: targets behind time progress first, then themes that fell behind last year, then the usual ones. */
function shortcomings(f: FigureSet, inputs: FigureInputs): string {
  const items: string[] = [];
  for (const t of inputs.targets.filter((x) => x.percent !== null && x.percent < inputs.timeProgress).slice(0, 2)) {
    const pct = f.add({ key: t.key, measure: 'percent', label: `${t.label}（完成率）`, unit: '%' });
    const time = f.add({ key: t.key, measure: 'timeProgress', label: '时间进度', unit: '%' });
    items.push(`${t.label}完成全年任务的${pct}，低于时间进度（${time}），未实现时间过半、任务过半`);
  }
  for (const [key, label] of [
    ['members.joined', '发展会员'],
    ['orgs.founded', '新建工会组织'],
  ] as const) {
    const last = f.value({ key, measure: 'lastYear' });
    if (items.length < 4 && last > 0 && f.value({ key, measure: 'value' }) < last)
      items.push(`${label}同比下降${f.add({ key, measure: 'yoy', label: `${label}（同比变化）`, unit: '%' })}，工作力度还需进一步加大`);
  }
  for (const g of GENERIC_SHORTCOMINGS) if (items.length < 3) items.push(g);
  const listed = items.slice(0, 4).map((x, i) => `${NUMERALS[i]}是${x}`);
  return `在充分肯定成绩的同时，我们也清醒地看到工作中存在的不足和薄弱环节：${listed.join('；')}。对此，我们将在今后的工作中认真加以解决。`;
}

/** One plan item per theme, in the order of the review: 组织建设 → 会员发展 → 目标任务 → 自身建设. */
function planFor(f: FigureSet, inputs: FigureInputs, next: string): string[] {
  const remaining = (key: string) => {
    const t = inputs.targets.find((x) => x.key === key && x.target > x.actual);
    if (!t) return '';
    const target = f.add({ key, measure: 'target', label: `${t.label}（全年任务）`, unit: t.unit });
    return `，${t.label}全年任务${target}，尚需完成${f.add({ key, measure: 'remaining', label: `${t.label}（尚需完成）`, unit: t.unit })}`;
  };
  const others = inputs.targets
    .filter((t) => t.key !== 'orgs.founded' && t.key !== 'members.joined' && t.target > t.actual)
    .map((t) => `${t.label}尚需完成${f.add({ key: t.key, measure: 'remaining', label: `${t.label}（尚需完成）`, unit: t.unit })}`);
  const items = [
    `持续推进基层工会组建，聚焦新就业形态劳动者和中小微企业扩大组织覆盖${remaining('orgs.founded')}。`,
    `扎实做好会员发展，推动应入尽入${remaining('members.joined')}。`,
    others.length ? `对照年度目标逐项盯办，${others.join('，')}，确保全面完成全年任务。` : '',
    '加强工会自身建设，持续推进会员实名制管理，做好会员接转和信息维护，确保会员数据真实准确。',
  ].filter(Boolean);
  return [`${next}，我们将按照上级工会的部署要求，重点做好以下几方面工作：`, ...items.map((x, i) => `${NUMERALS[i]}是${x}`)];
}
