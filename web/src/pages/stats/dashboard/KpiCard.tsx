// One headline figure of the dashboard: label, big number with its unit, and a footnote.
import type { ReactNode } from 'react';
import { Skeleton } from 'antd';

interface KpiCardProps {
  label: string;
  value: string;
  unit?: string;
  foot?: ReactNode;
  gold?: boolean;
  loading?: boolean;
  testId?: string;
  onClick?: () => void;
}

export function KpiCard({ label, value, unit, foot, gold, loading, testId, onClick }: KpiCardProps) {
  return (
    <div className={gold ? 'dash-kpi gold' : 'dash-kpi'} data-testid={testId}>
      <div className="dash-kpi-label">{label}</div>
      {loading ? (
        <Skeleton active paragraph={false} title={{ width: '60%' }} style={{ marginTop: 16 }} />
      ) : (
        <div className="dash-kpi-value" style={onClick ? { cursor: 'pointer' } : undefined} onClick={onClick}>
          {value}
          {unit && <span className="dash-kpi-unit">{unit}</span>}
        </div>
      )}
      {foot && <div className="dash-kpi-foot">{foot}</div>}
    </div>
  );
}

/** Completion as a bar with a tick at the time progress (时间进度): red when on schedule, gold when behind. */
export function CompletionBar({ percent, timeProgress }: { percent: number | null; timeProgress: number }) {
  const behind = percent !== null && percent < timeProgress;
  return (
    <div className="dash-bar" data-testid="completion-bar">
      <div className="dash-bar-fill" style={{ width: `${Math.min(100, percent ?? 0)}%`, background: behind ? '#d4a017' : '#c8161d' }} />
      <div className="dash-bar-tick" style={{ left: `${Math.min(100, timeProgress)}%` }} />
    </div>
  );
}
