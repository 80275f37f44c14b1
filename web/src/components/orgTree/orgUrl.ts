// The org a browse page's address names (?orgId=); the root leaves no parameter.
export const ORG_PARAM = 'orgId';

/** The org id a URL names, or undefined when it names none (or garbage). */
export function orgIdOf(params: URLSearchParams): number | undefined {
  const id = Number(params.get(ORG_PARAM));
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
