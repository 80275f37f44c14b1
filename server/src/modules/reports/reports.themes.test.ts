// Summary themes as registered by modules: assembled in canonical order with their own numbers, left out when
// their indicators count nothing, and every number they write is a figure that follows the records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFigureText, type TTargetItem } from '@gonghui/common';
import type { SummaryTheme } from '../../platform/summary/index.ts';
import { orderThemes } from '../../platform/summary/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, type Client, type Loose } from '../../test/http.ts';
import { newIdNumber } from '../../test/factories.ts';
import { seedHalfYear, type Scenario } from '../../test/half-year.ts';
import { orgSummaryThemes } from '../orgs/index.ts';
import { memberSummaryThemes } from '../members/index.ts';
import { draftSummary, type DraftContext } from './reports.draft.ts';
import { evaluate, type FigureInputs } from './reports.figures.ts';

const real = [...orgSummaryThemes, ...memberSummaryThemes];

/** A theme of a module that does not exist yet: 思想引领 stands between 会员 and 自身建设. */
const guidance: SummaryTheme = {
  key: 'test.guidance',
  place: '思想引领',
  heading: '思想引领更加有力',
  indicators: ['members.in_new_orgs'],
  opening: (_ctx, f) => ({ work: '职工思想政治引领', headline: `新建工会会员${f.fig('members.in_new_orgs', '新建工会会员', '人')}` }),
  draft: (ctx, f) => [`${ctx.half}，向新建工会的${f.fig('members.in_new_orgs', '新建工会会员', '人')}会员开展入会第一课。`],
  shortfalls: () => ['思想引领的方式方法还需创新'],
  plan: () => '深化职工思想政治引领，持续开展入会第一课。',
};
/** Reads only what counted nothing in the period: left out everywhere. */
const idle: SummaryTheme = {
  key: 'test.idle',
  place: '维权',
  heading: '维权服务扎实有效',
  indicators: ['orgs.dissolved', 'orgs.renamed'],
  opening: () => ({ work: '维权服务' }),
  draft: () => ['不应出现的段落。'],
  usualShortfall: '不应出现的不足',
  plan: () => '不应出现的计划。',
};

const ctx: DraftContext = {
  orgName: '东湖区总工会',
  orgLevel: 'district',
  year: 2026,
  period: 'H1',
  asOf: '2026-06-30',
  parentLevel: 'city',
  siblingCount: 12,
  children: [],
};
const target = (key: string, label: string, unit: string, t: number, actual: number): TTargetItem =>
  ({ key, label, unit, target: t, actual, percent: Math.round((actual / t) * 10000) / 100 }) as TTargetItem;
const inputs: FigureInputs = {
  values: {
    'orgs.total': { value: 5 },
    'orgs.founded': { value: 3 },
    'members.in_new_orgs': { value: 10 },
    'members.total': { value: 12 },
    'members.joined': { value: 11 },
    'members.net_new': { value: 9 },
  },
  lastYear: {},
  targets: [target('members.joined', '发展会员', '人', 30, 11), target('members.total', '会员总数', '人', 30, 12)],
  timeProgress: 49.59,
  ranks: {},
  children: {},
};

function drafted(themes: SummaryTheme[]) {
  const d = draftSummary(ctx, inputs, themes);
  const figures = d.figures.map((f) => ({ ...f, value: evaluate(f, inputs) }));
  const render = (p: string) => renderFigureText(p, figures);
  const plan = (d.sections.find((s) => s.heading.endsWith('工作计划'))?.source ?? []).map(render);
  return { d, render, plan, headings: d.sections.filter((s) => s.level === 2).map((s) => s.heading) };
}

describe('summary themes', () => {
  it('assembles a test theme between two real ones in canonical order, with its own number, whatever the registration order', () => {
    const [development, registry] = memberSummaryThemes as [SummaryTheme, SummaryTheme];
    const { d, render, plan, headings } = drafted([idle, registry, guidance, ...orgSummaryThemes, development]);
    expect(headings).toEqual([
      '（一）组织建设不断夯实',
      '（二）会员发展稳步推进',
      '（三）思想引领更加有力',
      '（四）目标任务有序推进',
      '（五）会员实名制管理更加规范',
    ]);
    expect(render(d.sections[0]?.source[0] ?? '')).toContain(
      '扎实推进工会组织建设、会员发展、职工思想政治引领和会员实名制管理等工作，新建工会组织3家、发展会员11人、新建工会会员10人，各项工作取得一定进展',
    );
    // One plan item per theme in the same order; the target no theme names comes before 自身建设.
    expect(plan.slice(1).map((p) => p.slice(0, 6))).toEqual([
      '一是持续推进',
      '二是扎实做好',
      '三是深化职工',
      '四是对照年度',
      '五是加强工会',
    ]);
    expect(plan[4]).toContain('会员总数尚需完成18人');
    const shortfalls = render(d.sections.find((s) => s.heading.endsWith('存在的不足'))?.source[0] ?? '');
    expect(shortfalls).toMatch(/一是发展会员完成全年任务的.+；二是会员总数完成全年任务的.+；三是思想引领的方式方法还需创新。/);
    // The idle theme's indicators count nothing: no heading, no work in the opening, no plan item, no 不足.
    const all = d.sections.flatMap((s) => [s.heading, ...s.source]).join('\n');
    expect(all).not.toMatch(/维权|不应出现/);
  });

  it('numbers by what is present: without the test theme the real ones close up', () => {
    const { headings, plan } = drafted(real);
    expect(headings).toEqual([
      '（一）组织建设不断夯实',
      '（二）会员发展稳步推进',
      '（三）目标任务有序推进',
      '（四）会员实名制管理更加规范',
    ]);
    expect(plan.slice(1).map((p) => p.slice(0, 4))).toEqual(['一是持续', '二是扎实', '三是对照', '四是加强']);
  });

  it('refuses a theme registered twice', () => {
    expect(() => orderThemes([guidance, guidance])).toThrow(/test\.guidance/);
  });
});

/** Chinese characters only, so that no digit of a test's org names is mistaken for a number in a sentence. */
const tag = () => Array.from({ length: 4 }, () => '甲乙丙丁戊己庚辛壬癸'[Math.floor(Math.random() * 10)]).join('');

/** What is left of the text when figures, dates and the title's year are taken out: no digit may remain. */
function digitsLeft(doc: Loose): string[] {
  const strip = (s: string) =>
    s
      .replace(/\{\{f\d+\}\}/g, '')
      .replace(/\d{4}年\d{1,2}月\d{1,2}日/g, '')
      .replace(/\d{1,2}月\d{1,2}日/g, '')
      .replace(new RegExp(`${doc.year}年`, 'g'), '');
  const texts: string[] = [doc.title, ...doc.sections.flatMap((s: Loose) => [s.heading, ...s.source])];
  return texts.filter((t) => /\d/.test(strip(t))).map(strip);
}

describe.each(engines())('summary themes over records on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let s: Scenario;
  const org = async (parentId: number, name: string, kind: string, foundedAt: string) => {
    const r = await admin.post('/api/v1/orgs', { parentId, name: `${name}${tag()}`, level: 'grassroots', kind, foundedAt });
    expect(r.status).toBe(201);
    return r.body.id as number;
  };
  const member = async (orgId: number, joinedAt: string, categories: string[] = []) => {
    const r = await admin.post('/api/v1/members', { orgId, name: '王芳', idNumber: newIdNumber('19920412', true), joinedAt, categories });
    expect(r.status).toBe(201);
    return r.body.id as number;
  };
  const draft = async (orgId: number, period: 'H1' | 'year', asOf?: string) => {
    const created = await admin.post('/api/v1/reports/work-summaries', {
      orgId,
      year: 2026,
      period,
      ...(asOf ? { asOf } : {}),
      again: true,
    });
    expect(created.status).toBe(201);
    return (await admin.get(`/api/v1/reports/work-summaries/${created.body.id}`)).body;
  };
  const text = (doc: Loose) => doc.sections.flatMap((x: Loose) => [x.heading, ...x.paragraphs]).join('\n');

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
    s = await seedHalfYear(admin, t.rootOrgId, tag());
    // Four unions founded in H1 last year: 新建工会组织 fell behind the same period (4 → 3).
    for (const m of ['03', '04', '05', '06']) await org(s.street, '老城纺织厂工会', 'enterprise_private', `2025-${m}-10`);
    // The other district founds a union with members too: two units to name 从各单位看 at the root.
    const west = await org(s.otherDistrict, '西山快递员工会', 'new_forms', '2026-03-01');
    for (const d of ['2026-03-02', '2026-03-03']) await member(west, d, ['new_forms']);
    // Targets: members behind time progress, a target no theme's plan names (会员总数), a rank to the district's credit.
    const targets = await admin.put(`/api/v1/orgs/${s.district}/targets/2026`, {
      'orgs.founded': 5,
      'members.joined': 40,
      'members.total': 100,
    });
    expect(targets.status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('writes every number of every section as a figure token: no digit is left but dates and the title’s year', async () => {
    const district = await draft(s.district, 'H1', '2026-06-30');
    const root = await draft(t.rootOrgId, 'H1', '2026-06-30');
    const year = await draft(s.district, 'year');
    for (const doc of [district, root, year]) {
      expect(digitsLeft(doc)).toEqual([]);
      expect(text(doc)).not.toContain('{{');
    }
    // The sentences that carry numbers are all there: 同比, rank, 不足 from targets and from last year, the plan's
    // remainders, the opening's headline and the units named at the root.
    const d = text(district);
    expect(d).toContain('新建工会组织3家、发展会员11人，各项工作取得一定进展');
    expect(d).toContain('共新建工会组织3家（去年同期4家，同比下降25.00%）');
    expect(d).toContain('完成全年任务的60.00%，完成率位列全市第1名');
    // Targets in the catalogue's order (会员总数 before 发展会员), then what fell behind last year.
    expect(d).toMatch(
      /一是会员总数完成全年任务的12.00%，低于时间进度（49.59%）.+；二是发展会员完成全年任务的27.50%.+；三是新建工会组织同比下降25.00%/,
    );
    expect(d).toContain('三是对照年度目标逐项盯办，会员总数尚需完成88人');
    expect(text(root)).toMatch(/从各单位看，东湖区总工会.+新建工会\d+家、发展会员11人，西山区总工会.+新建工会1家、发展会员2人，走在前列/);
    expect(year.sections.map((x: Loose) => x.heading)).toEqual(expect.arrayContaining(['一、2026年工作回顾', '三、明年工作计划']));
  });

  it('after the records change, 重新计算数据 brings every figure to what a fresh draft counts', async () => {
    const before = await draft(s.district, 'H1', '2026-06-30');
    // A union founded in April with a member, two more members in May, and a quit in June.
    const april = await org(s.street, '新桥物业公司工会', 'enterprise_private', '2026-04-08');
    await member(april, '2026-04-09');
    await member(s.unions.migrant, '2026-05-05', ['migrant']);
    const leaving = await member(s.unions.private, '2026-05-06');
    expect((await admin.post(`/api/v1/members/${leaving}/leave`, { date: '2026-06-01', kind: 'quit', reason: '离职' })).status).toBe(200);

    const refreshed = await admin.post(`/api/v1/reports/work-summaries/${before.id}/refresh`);
    expect(refreshed.status).toBe(200);
    const fresh = await draft(s.district, 'H1', '2026-06-30');
    const byLabel = new Map(fresh.figures.map((f: Loose) => [`${f.key}|${f.label}`, f.value]));
    const was = new Map(before.figures.map((f: Loose) => [f.id, f.value]));
    let changed = 0;
    for (const f of refreshed.body.figures) {
      const k = `${f.key}|${f.label}`;
      // A fresh draft words equal figures 与去年同期持平 and quotes no change: the refreshed change is then 0.
      const expected = byLabel.has(k) ? byLabel.get(k) : String(f.label).endsWith('（同比变化）') ? 0 : undefined;
      expect({ label: f.label, value: f.value }).toEqual({ label: f.label, value: expected });
      if (was.get(f.id) !== f.value) changed++;
    }
    expect(changed).toBeGreaterThanOrEqual(10);
    // The prose stays the cadre's; the numbers in it are the new ones.
    expect(refreshed.body.sections.map((x: Loose) => x.source)).toEqual(before.sections.map((x: Loose) => x.source));
    const now = text(refreshed.body);
    expect(now).toContain('新建工会组织4家、发展会员14人，各项工作取得一定进展');
    expect(now).toContain('全区共有各级工会组织10家');
    expect(now).toContain('办理退会2人，净增会员11人');
  });
});
