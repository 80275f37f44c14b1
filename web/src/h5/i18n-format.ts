// Message templates: {name} placeholders filled from vars.
/** Replaces {name} placeholders; unknown placeholders stay as they are. */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
