// ECharts option builders shared by the console (echarts-for-react) and the server (charts rendered into summary
// documents), so both show the same chart. Plain objects only: common/ never imports echarts.
import type { TTrend } from './stats.ts';

/** An ECharts option as a plain, JSON-like object. */
export type ChartOption = Record<string, unknown>;

/** Union red and gold first, then warm tones that stay distinguishable in print. */
export const CHART_PALETTE = ['#C8161D', '#D4A017', '#E8743B', '#8B1A1A', '#F2C94C', '#A0522D', '#5470C6', '#91CC75', '#73C0DE', '#9A60B4'];
const GRID_LINE = '#E8E0D8';
const AXIS_TEXT = '#4A4A4A';
const TITLE_TEXT = '#8B1A1A';
const BELOW_PROGRESS = '#D4A017';
const AT_OR_ABOVE_PROGRESS = '#C8161D';

/** '2026-03' or '3' → '3月'; anything else stays as it is. */
export function monthLabel(month: string): string {
  const m = /(?:^|-)(\d{1,2})$/.exec(month);
  const n = m?.[1] === undefined ? NaN : Number(m[1]);
  return n >= 1 && n <= 12 ? `${n}月` : month;
}

function baseOption(title: string): ChartOption {
  return {
    color: CHART_PALETTE,
    backgroundColor: '#FFFFFF',
    animation: false,
    ...(title
      ? { title: { text: title, left: 'center', top: 8, textStyle: { color: TITLE_TEXT, fontSize: 18, fontWeight: 'bold' } } }
      : {}),
    textStyle: { color: AXIS_TEXT },
  };
}

const valueAxis = (name: string): ChartOption => ({
  type: 'value',
  name,
  nameTextStyle: { color: AXIS_TEXT },
  axisLabel: { color: AXIS_TEXT },
  splitLine: { lineStyle: { color: GRID_LINE } },
});

export interface TrendChartOptions {
  /** 'line' (default) or 'bar'. */
  type?: 'line' | 'bar';
  title?: string;
  /** Units per key, shown in the tooltip and the axis name when all series share one. */
  units?: Record<string, string>;
}

/** Monthly series per key ('1月'…'12月'); a key without a label shows as itself. */
export function trendChartOption(trend: TTrend, labels: Record<string, string>, options: TrendChartOptions = {}): ChartOption {
  const type = options.type ?? 'line';
  const keys = Object.keys(trend.series);
  const months = trend.months.length > 0 ? trend.months.map(monthLabel) : Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const units = [...new Set(keys.map((k) => options.units?.[k] ?? ''))];
  const title = options.title ?? `${trend.year}年逐月趋势`;
  return {
    ...baseOption(title),
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 8, data: keys.map((k) => labels[k] ?? k) },
    grid: { left: 64, right: 32, top: 64, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      data: months,
      boundaryGap: type === 'bar',
      axisLabel: { color: AXIS_TEXT },
      axisLine: { lineStyle: { color: AXIS_TEXT } },
    },
    yAxis: valueAxis(units.length === 1 ? (units[0] ?? '') : ''),
    series: keys.map((k) => ({
      name: labels[k] ?? k,
      type,
      data: trend.series[k] ?? [],
      smooth: false,
      symbolSize: 6,
      barMaxWidth: 28,
      lineStyle: { width: 3 },
      label: { show: type === 'bar' && keys.length === 1, position: 'top' },
    })),
  };
}

/** Children ranked by one indicator: horizontal bars, the largest at the top. */
export function childrenRankChartOption(rows: { name: string; value: number }[], title: string, unit: string): ChartOption {
  const sorted = [...rows].sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    ...baseOption(title),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 24, right: 72, top: 56, bottom: 24, containLabel: true },
    xAxis: valueAxis(unit),
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((r) => r.name),
      axisLabel: { color: AXIS_TEXT, width: 160, overflow: 'truncate' },
      axisLine: { lineStyle: { color: AXIS_TEXT } },
    },
    series: [
      {
        name: title,
        type: 'bar',
        data: sorted.map((r, i) => ({ value: r.value, itemStyle: { color: i < 3 ? AT_OR_ABOVE_PROGRESS : BELOW_PROGRESS } })),
        barMaxWidth: 24,
        label: { show: true, position: 'right', formatter: `{c}${unit}`, color: AXIS_TEXT },
      },
    ],
  };
}

/** A height in pixels that gives each child of a ranking a readable bar. */
export function rankChartHeight(count: number): number {
  return Math.max(360, Math.min(2400, 120 + count * 36));
}

/**
 * Completion (完成率) per item as bars with a dashed markLine at the time progress (时间进度): bars at or above it in
 * red, below it in gold; an item without a target has no bar.
 */
export function completionChartOption(
  items: { label: string; percent: number | null }[],
  timeProgress: number,
  title = '目标任务完成情况',
): ChartOption {
  const max = Math.max(100, timeProgress, ...items.map((i) => i.percent ?? 0));
  return {
    ...baseOption(title),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { show: false },
    grid: { left: 56, right: 128, top: 64, bottom: 32, containLabel: true },
    xAxis: {
      type: 'category',
      data: items.map((i) => (i.percent === null ? `${i.label}\n（未设目标）` : i.label)),
      axisLabel: { color: AXIS_TEXT, interval: 0, width: 96, overflow: 'break' },
      axisLine: { lineStyle: { color: AXIS_TEXT } },
    },
    yAxis: { ...valueAxis('完成率（%）'), max: Math.ceil(max / 20) * 20 },
    series: [
      {
        name: '完成率',
        type: 'bar',
        barMaxWidth: 40,
        data: items.map((i) =>
          i.percent === null
            ? '-'
            : {
                value: i.percent,
                itemStyle: { color: i.percent >= timeProgress ? AT_OR_ABOVE_PROGRESS : BELOW_PROGRESS },
                label: { formatter: `${i.percent.toFixed(2)}%` },
              },
        ),
        label: { show: true, position: 'top', formatter: '{c}%', color: AXIS_TEXT },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: TITLE_TEXT, width: 2 },
          label: { formatter: `时间进度 ${timeProgress.toFixed(2)}%`, position: 'end', color: TITLE_TEXT },
          data: [{ yAxis: timeProgress }],
        },
      },
    ],
  };
}
