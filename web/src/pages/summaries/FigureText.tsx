// A paragraph's source with each {{f3}} figure token shown as a highlighted tag: its value and unit, the label
// and period on hover, and the records behind it on click.
import { Fragment } from 'react';
import { Tag, Tooltip } from 'antd';
import { renderFigureText, type TFigure } from '@gonghui/common';

const TOKEN = /\{\{(f\d+)\}\}/g;

interface FigureTextProps {
  source: string;
  figures: Map<string, TFigure>;
  onDrill: (figure: TFigure) => void;
}

export function FigureText({ source, figures, onDrill }: FigureTextProps) {
  const parts: { text?: string; id?: string }[] = [];
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    if (m.index > last) parts.push({ text: source.slice(last, m.index) });
    parts.push({ id: m[1] });
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push({ text: source.slice(last) });
  return (
    <>
      {parts.map((p, i) => {
        if (p.text !== undefined) return <Fragment key={i}>{p.text}</Fragment>;
        const f = p.id === undefined ? undefined : figures.get(p.id);
        if (!f) {
          return (
            <Tag key={i} color="error" style={{ marginInline: 2 }}>
              {`{{${p.id ?? ''}}}`}
            </Tag>
          );
        }
        return (
          <Tooltip key={i} title={`${f.id} · ${f.label}（${f.from} — ${f.to}）`}>
            <span
              className="figure-token"
              data-testid="figure-token"
              data-figure={f.id}
              role={f.records ? 'link' : undefined}
              onClick={f.records ? () => onDrill(f) : undefined}
              style={{
                padding: '0 3px',
                margin: '0 1px',
                borderRadius: 3,
                background: '#fff1e6',
                color: '#a8071a',
                fontWeight: 600,
                borderBottom: '1px dashed #d4a017',
                cursor: f.records ? 'pointer' : 'default',
              }}
            >
              {renderFigureText(`{{${f.id}}}`, [f])}
            </span>
          </Tooltip>
        );
      })}
    </>
  );
}
