// The allow-list of what a work summary shows: prose with current figures put in, and each figure's drill-down.
import { renderFigureText, type TFigure, type TSummary, type TSummaryListItem } from '@gonghui/common';
import type { SummaryWithOrg } from './reports.repo.ts';

export interface StoredFigure {
  id: string;
  key: string;
  label: string;
  unit: string;
  value: number;
  from: string;
  to: string;
  measure: string;
  dim?: string;
  member?: string;
}

export function presentSummary(row: SummaryWithOrg, records: (f: StoredFigure) => string | null): TSummary {
  const figures = row.figures as unknown as StoredFigure[];
  const shown: TFigure[] = figures.map((f) => ({
    id: f.id,
    key: f.key,
    label: f.label,
    value: f.value,
    unit: f.unit,
    from: f.from,
    to: f.to,
    records: records(f),
  }));
  return {
    ...presentSummaryItem(row),
    sections: row.sections.map((s) => ({
      heading: s.heading,
      level: s.level,
      source: s.paragraphs,
      paragraphs: s.paragraphs.map((p) => renderFigureText(p, figures)),
    })),
    figures: shown,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentSummaryItem(row: SummaryWithOrg): TSummaryListItem & { createdAt: string } {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    year: row.year,
    period: row.period === 'year' ? 'year' : 'H1',
    asOf: row.asOf,
    status: row.status === 'final' ? 'final' : 'draft',
    title: row.title,
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
