// Routes a row to the union named in its 所在工会 cell: the upload org or one of its descendants, by exact
// name or 统一社会信用代码. Only the upload org's subtree is loaded, so a union elsewhere reads as unknown.
import { normalizeUscc } from '@gonghui/common';
import type { OrgEntry } from './member-imports.repo.ts';
import type { OrgResolver, OrgTarget } from './member-imports.rows.ts';

const nameKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export function orgResolver(upload: OrgTarget, subtree: readonly OrgEntry[]): OrgResolver {
  const byName = new Map<string, OrgEntry[]>();
  const byUscc = new Map<string, OrgEntry>();
  for (const o of subtree) {
    const k = nameKey(o.name);
    byName.set(k, [...(byName.get(k) ?? []), o]);
    if (o.uscc) byUscc.set(o.uscc, o);
  }
  const target = (o: OrgEntry): OrgTarget | string =>
    o.status === 'active' ? { id: o.id, path: o.path, name: o.name } : `「${o.name}」已注销，不能登记会员`;
  const cache = new Map<string, OrgTarget | string>();

  return (text) => {
    if (text === '') return upload;
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    let out: OrgTarget | string;
    const code = normalizeUscc(text);
    const byCode = /^[0-9A-Z]{18}$/.test(code) ? byUscc.get(code) : undefined;
    const named = byName.get(nameKey(text)) ?? [];
    if (byCode) out = target(byCode);
    else if (named.length === 1 && named[0]) out = target(named[0]);
    else if (named.length > 1) out = `名为「${text.slice(0, 50)}」的工会不止一个，请改填该工会的统一社会信用代码`;
    else out = `未找到「${text.slice(0, 50)}」，应填写本工会或下级工会的准确名称或统一社会信用代码`;
    if (cache.size < 10_000) cache.set(text, out);
    return out;
  };
}
