// The summary's language, on hand-made figures: 同比 worded as a change, ranks named only to the unit's credit,
// units' figures kept as tokens (so a refresh updates them), and shortcomings drawn from what fell behind.
import { describe, expect, it } from 'vitest';
import { renderFigureText, type TTargetItem } from '@gonghui/common';
import { draftSummary, type DraftContext } from './reports.draft.ts';
import { evaluate, type FigureInputs } from './reports.figures.ts';
import { orgSummaryThemes } from '../orgs/index.ts';
import { memberSummaryThemes } from '../members/index.ts';

const themes = [...orgSummaryThemes, ...memberSummaryThemes];

const ctx = (o: Partial<DraftContext> = {}): DraftContext => ({
  orgName: '东湖区总工会',
  orgLevel: 'district',
  year: 2026,
  period: 'H1',
  asOf: '2026-06-30',
  parentLevel: 'city',
  siblingCount: 12,
  children: [
    { orgId: 11, name: '甲街道总工会', values: { 'orgs.founded': 2, 'members.joined': 31 } },
    { orgId: 12, name: '乙街道总工会', values: { 'orgs.founded': 0, 'members.joined': 12 } },
  ],
  ...o,
});

const target = (key: string, label: string, unit: string, t: number, actual: number): TTargetItem =>
  ({ key, label, unit, target: t, actual, percent: Math.round((actual / t) * 10000) / 100 }) as TTargetItem;

const inputs = (o: Partial<FigureInputs> = {}): FigureInputs => ({
  values: { 'members.joined': { value: 43 }, 'orgs.founded': { value: 2 }, 'members.net_new': { value: 40 } },
  lastYear: { 'members.joined': { value: 50 }, 'orgs.founded': { value: 1 } },
  targets: [target('members.joined', '发展会员', '人', 100, 43), target('orgs.founded', '新建工会组织', '家', 4, 2)],
  timeProgress: 49.59,
  ranks: { 'members.joined': 8, 'orgs.founded': 2 },
  children: { 'members.joined': { '11': 31, '12': 12 }, 'orgs.founded': { '11': 2, '12': 0 } },
  ...o,
});

function textOf(c: DraftContext, i: FigureInputs) {
  const d = draftSummary(c, i, themes);
  const figures = d.figures.map((f) => ({ ...f, value: evaluate(f, i) }));
  const paragraphs = d.sections.flatMap((s) => [s.heading, ...s.source]);
  return { source: paragraphs.join('\n'), text: paragraphs.map((p) => renderFigureText(p, figures)).join('\n'), figures };
}

describe('work summary language', () => {
  it('words last year as a change: 同比下降 / 同比增长 with the percentage as a figure', () => {
    const { text } = textOf(ctx(), inputs());
    expect(text).toContain('发展会员43人（去年同期50人，同比下降14.00%');
    expect(text).toContain('新建工会组织2家（去年同期1家，同比增长100.00%');
    const level = textOf(ctx(), inputs({ lastYear: { 'members.joined': { value: 43 } } })).text;
    expect(level).toContain('发展会员43人（去年同期43人，与去年同期持平）');
    expect(level).not.toContain('同比增长0.00%');
  });

  it('names a rank only when it is to the unit’s credit', () => {
    const { text } = textOf(ctx(), inputs());
    expect(text).toContain('新建工会组织全年任务4家，已完成2家，完成全年任务的50.00%，完成率位列全市第2名');
    expect(text).not.toContain('第8名');
  });

  it('keeps each unit’s figures as tokens, so they follow a refresh', () => {
    const first = textOf(ctx(), inputs());
    expect(first.source).toMatch(/甲街道总工会新建工会\{\{f\d+\}\}、发展会员\{\{f\d+\}\}/);
    expect(first.text).toContain('甲街道总工会新建工会2家、发展会员31人');
    const later = inputs({ children: { 'members.joined': { '11': 35, '12': 12 }, 'orgs.founded': { '11': 2, '12': 0 } } });
    const refreshed = first.figures.map((f) => ({ ...f, value: evaluate(f, later) }));
    expect(renderFigureText(first.source, refreshed)).toContain('甲街道总工会新建工会2家、发展会员35人');
  });

  it('draws 3–4 shortcomings from targets behind time progress and themes behind last year', () => {
    const behind = inputs({
      targets: [target('members.joined', '发展会员', '人', 100, 43), target('orgs.founded', '新建工会组织', '家', 10, 2)],
    });
    const { text } = textOf(ctx(), behind);
    const para = text.split('\n').find((p) => p.startsWith('在充分肯定成绩的同时')) ?? '';
    expect(para).toMatch(/一是发展会员完成全年任务的43.00%，低于时间进度（49.59%）/);
    expect(para).toMatch(/二是新建工会组织完成全年任务的20.00%/);
    expect(para).toMatch(/三是发展会员同比下降14.00%/);
    expect(para).not.toContain('五是');
  });
});
