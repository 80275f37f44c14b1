// Field labels per schema: a field whose generic label (FIELD_LABELS) does not fit its schema carries its own
// (a member's `name` is 姓名, an org's 名称). The server names the field of a validation error with the label found
// on the schema at the error's path, and falls back to FIELD_LABELS.
import type { z } from 'zod';

/** The schema with its field label attached (a new schema: the shared one keeps no label). */
export function labelled<T extends z.ZodType>(schema: T, label: string): T {
  return schema.meta({ title: label });
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const titleOf = (s: z.ZodType): string | undefined => {
  const t = s.meta()?.title;
  return typeof t === 'string' ? t : undefined;
};

/** Strips optional/nullable/default/pipe wrappers, collecting the first title met on the way. */
function unwrap(s: z.ZodType): { schema: z.ZodType; title: string | undefined } {
  let title = titleOf(s);
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    const next = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    if (!next) break;
    cur = next;
    title ??= titleOf(cur);
  }
  return { schema: cur, title };
}

/** The label a schema gives the field at `path` (object keys and array indexes), if it gives one. */
export function fieldLabelAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string | undefined {
  let cur: z.ZodType | undefined = schema;
  let title: string | undefined;
  for (const key of path) {
    if (!cur) return undefined;
    const { schema: inner } = unwrap(cur);
    const d = defOf(inner);
    if (d.type === 'object' && typeof key === 'string') cur = d.shape?.[key];
    else if (d.type === 'array') cur = d.element;
    else return undefined;
    if (cur) title = unwrap(cur).title ?? (typeof key === 'string' ? undefined : title);
  }
  return title;
}
