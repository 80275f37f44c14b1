// The summary's sections: headings and paragraphs, read with figures highlighted, or edited as source text in
// which {{f3}} keeps the place of a figure (so 重新计算数据 updates the numbers without losing the wording).
import { Button, Input, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFigure } from '@gonghui/common';
import { FigureText } from './FigureText.tsx';

export interface SectionDraft {
  heading: string;
  level: number;
  source: string[];
}

interface SectionsEditorProps {
  sections: SectionDraft[];
  figures: Map<string, TFigure>;
  editing: boolean;
  onChange: (sections: SectionDraft[]) => void;
  onDrill: (f: TFigure) => void;
}

const HEADING_SIZE: Record<number, number> = { 1: 20, 2: 17, 3: 15 };

export function SectionsEditor({ sections, figures, editing, onChange, onDrill }: SectionsEditorProps) {
  const { t } = useTranslation();
  const update = (i: number, next: Partial<SectionDraft>) => onChange(sections.map((s, j) => (j === i ? { ...s, ...next } : s)));
  const setParagraph = (i: number, p: number, text: string) => {
    const section = sections[i];
    if (section) update(i, { source: section.source.map((x, q) => (q === p ? text : x)) });
  };

  return (
    <div data-testid="summary-text" style={{ fontSize: 15, lineHeight: 1.9 }}>
      {sections.map((s, i) => (
        <section key={i} style={{ marginBottom: 16 }}>
          {editing ? (
            <Input
              value={s.heading}
              onChange={(e) => update(i, { heading: e.target.value })}
              style={{ fontWeight: 700, fontSize: HEADING_SIZE[s.level] ?? 15, marginBottom: 8 }}
              data-testid="section-heading-input"
            />
          ) : (
            s.heading && (
              <div
                style={{
                  fontWeight: 700,
                  fontSize: HEADING_SIZE[s.level] ?? 15,
                  color: s.level === 1 ? '#8b1a1a' : undefined,
                  margin: '8px 0',
                }}
              >
                {s.heading}
              </div>
            )
          )}
          {s.source.map((p, q) =>
            editing ? (
              <div key={q} style={{ marginBottom: 12 }}>
                <Space.Compact style={{ width: '100%' }}>
                  <Input.TextArea
                    value={p}
                    autoSize={{ minRows: 2, maxRows: 12 }}
                    onChange={(e) => setParagraph(i, q, e.target.value)}
                    data-testid="paragraph-input"
                  />
                  <Button
                    icon={<DeleteOutlined />}
                    title={t('summary.removeParagraph')}
                    onClick={() => update(i, { source: s.source.filter((_, r) => r !== q) })}
                  />
                </Space.Compact>
                <div style={{ padding: '4px 8px', background: '#fafafa', fontSize: 13, lineHeight: 1.8 }}>
                  <FigureText source={p} figures={figures} onDrill={onDrill} />
                </div>
              </div>
            ) : (
              <p key={q} style={{ textIndent: '2em', margin: '0 0 8px' }}>
                <FigureText source={p} figures={figures} onDrill={onDrill} />
              </p>
            ),
          )}
          {editing && (
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => update(i, { source: [...s.source, ''] })}>
              {t('summary.addParagraph')}
            </Button>
          )}
        </section>
      ))}
      {sections.length === 0 && <Typography.Text type="secondary">{t('summary.empty')}</Typography.Text>}
    </div>
  );
}
