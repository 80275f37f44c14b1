import { describe, expect, it } from 'vitest';
import { childrenRankChartOption, completionChartOption, monthLabel, trendChartOption } from '@gonghui/common';
import { renderChartPng } from './index.ts';
import { pngSize } from './layout.ts';

const trend = {
  orgId: 1,
  year: 2026,
  months: Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
  series: { 'members.joined': [12, 30, 45, 22, 18, 60, 70, 15, 20, 33, 41, 52], 'orgs.founded': [2, 3, 1, 0, 4, 5, 2, 1, 0, 3, 2, 1] },
};

describe('chart options', () => {
  it('labels months and series in Chinese', () => {
    const o = trendChartOption(trend, { 'members.joined': '新入会会员' }) as {
      xAxis: { data: string[] };
      series: { name: string; type: string }[];
    };
    expect(o.xAxis.data[0]).toBe('1月');
    expect(o.xAxis.data[11]).toBe('12月');
    expect(o.series.map((s) => s.name)).toEqual(['新入会会员', 'orgs.founded']);
    expect(monthLabel('7')).toBe('7月');
  });

  it('ranks children descending and marks time progress on completion', () => {
    const rank = childrenRankChartOption(
      [
        { name: '乙', value: 3 },
        { name: '甲', value: 9 },
        { name: '丙', value: 5 },
      ],
      '排名',
      '人',
    ) as {
      yAxis: { data: string[]; inverse: boolean };
    };
    expect(rank.yAxis.data).toEqual(['甲', '丙', '乙']);
    expect(rank.yAxis.inverse).toBe(true);
    const done = completionChartOption(
      [
        { label: '新建工会组织', percent: 58.46 },
        { label: '职工之家', percent: null },
      ],
      51.23,
    ) as {
      series: { data: unknown[]; markLine: { data: { yAxis: number }[]; label: { formatter: string } } }[];
    };
    const s = done.series[0];
    expect(s?.markLine.data[0]?.yAxis).toBe(51.23);
    expect(s?.markLine.label.formatter).toBe('时间进度 51.23%');
    expect(s?.data[1]).toBe('-');
  });
});

describe('renderChartPng', () => {
  it('renders each option to a PNG of the asked size', () => {
    const options = [
      trendChartOption(trend, { 'members.joined': '新入会会员', 'orgs.founded': '新建工会组织' }),
      childrenRankChartOption([{ name: '高新区总工会', value: 380 }], '各区县新入会会员排名', '人'),
      completionChartOption([{ label: '新建工会组织', percent: 58.46 }], 51.23),
    ];
    for (const o of options) {
      const png = renderChartPng(o);
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(pngSize(png)).toEqual({ width: 1200, height: 600 });
      expect(png.length).toBeGreaterThan(10_000);
      expect(png.length).toBeLessThan(2_000_000);
    }
    expect(pngSize(renderChartPng(options[2] ?? {}, 760, 420, 2))).toEqual({ width: 1520, height: 840 });
  });

  it('draws the Chinese glyphs (a CJK title adds ink to an otherwise empty chart)', () => {
    const blank = renderChartPng({ backgroundColor: '#fff' }, 400, 100);
    const titled = renderChartPng({ backgroundColor: '#fff', title: { text: '工会组织建设情况', left: 'center', top: 30 } }, 400, 100);
    expect(titled.length).toBeGreaterThan(blank.length + 500);
  });
});
