// Number formats of the statistics pages: figures as reports write them, completion with two decimals.
import { formatFigure } from '@gonghui/common';

/** 3581 → "3,581" on screen (figures in summaries keep the report form without grouping). */
export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return Number.isInteger(v) ? v.toLocaleString('zh-CN') : formatFigure(v);
}

/** An amount in 元 with grouping and two decimals: 34560 → "34,560.00". */
export function formatYuanAmount(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** 58.46 → "58.46%"; no target → "—". */
export function formatPercent(p: number | null | undefined): string {
  return p === null || p === undefined ? '—' : `${p.toFixed(2)}%`;
}

/** Completion below the time progress (时间进度) is behind schedule. */
export function isBehind(percent: number | null | undefined, timeProgress: number): boolean {
  return percent !== null && percent !== undefined && percent < timeProgress;
}
