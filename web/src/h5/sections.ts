// Turns the my-data "sections" payload into titled label/value rows. Accepts either a list
// ([{title, items|fields: [{label, value}] | {k: v}}]) or a map ({title: {label: value}}); nested values are joined.
export interface Row {
  label: string;
  value: string;
}
export interface Section {
  title: string;
  rows: Row[];
}

function text(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(text).join('、');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${text(x)}`)
      .join('；');
  }
  return '—';
}

function rowsOf(items: unknown): Row[] {
  if (Array.isArray(items)) {
    return items.map((it, i) => {
      if (typeof it === 'object' && it !== null && 'label' in it) {
        const r = it as { label: unknown; value?: unknown };
        return { label: String(r.label), value: text(r.value) };
      }
      return { label: String(i + 1), value: text(it) };
    });
  }
  if (typeof items === 'object' && items !== null) {
    return Object.entries(items as Record<string, unknown>).map(([label, value]) => ({ label, value: text(value) }));
  }
  return [];
}

export function flattenSections(sections: unknown): Section[] {
  if (Array.isArray(sections)) {
    return sections.map((s, i) => {
      const o = (typeof s === 'object' && s !== null ? s : {}) as {
        title?: unknown;
        label?: unknown;
        items?: unknown;
        fields?: unknown;
        rows?: unknown;
      };
      const title = typeof o.title === 'string' ? o.title : typeof o.label === 'string' ? o.label : `#${i + 1}`;
      return { title, rows: rowsOf(o.items ?? o.fields ?? o.rows) };
    });
  }
  if (typeof sections === 'object' && sections !== null) {
    return Object.entries(sections as Record<string, unknown>).map(([title, items]) => ({ title, rows: rowsOf(items) }));
  }
  return [];
}
