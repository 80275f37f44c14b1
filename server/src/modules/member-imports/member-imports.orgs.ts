// Routes a row to the union named in its 所在工会 cell: the upload org or one of its descendants, by exact name or
// 统一社会信用代码. Only the upload org's subtree is loaded, so a union elsewhere reads as unknown. A city has many
// unions of the same name (a generated city of 5,000 unions had 1,865 distinct names), so a row may say which one:
// an optional 上级工会 / 所在街道 column (any ancestor's name or USCC), or a path in the cell itself
// (「城东街道/华信电子工会」, also with ／ or >). An ambiguous name is refused with the candidates' parents and the
// USCC to use instead.
import { normalizeUscc } from '@gonghui/common';
import type { OrgEntry } from './member-imports.repo.ts';
import type { OrgResolver, OrgTarget } from './member-imports.rows.ts';

const nameKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const PATH_SEPARATOR = /\s*[/／>＞]\s*/;

export function orgResolver(upload: OrgTarget, subtree: readonly OrgEntry[]): OrgResolver {
  const byName = new Map<string, OrgEntry[]>();
  const byUscc = new Map<string, OrgEntry>();
  const byId = new Map<number, OrgEntry>();
  for (const o of subtree) {
    const k = nameKey(o.name);
    byName.set(k, [...(byName.get(k) ?? []), o]);
    if (o.uscc) byUscc.set(o.uscc, o);
    byId.set(o.id, o);
  }
  const target = (o: OrgEntry): OrgTarget | string =>
    o.status === 'active' ? { id: o.id, path: o.path, name: o.name } : `「${o.name}」已注销，不能登记会员`;
  const codeOf = (text: string) => {
    const code = normalizeUscc(text);
    return /^[0-9A-Z]{18}$/.test(code) ? code : null;
  };
  /** Ancestors of an org within the loaded subtree, nearest first. */
  const ancestors = (o: OrgEntry): OrgEntry[] =>
    o.path
      .split('.')
      .filter(Boolean)
      .map(Number)
      .slice(0, -1)
      .reverse()
      .flatMap((id) => byId.get(id) ?? []);
  const isNamed = (o: OrgEntry, text: string) => {
    const code = codeOf(text);
    return code ? o.uscc === code : nameKey(o.name) === nameKey(text);
  };
  const parentName = (o: OrgEntry) => ancestors(o)[0]?.name ?? '本工会以上';
  const cache = new Map<string, OrgTarget | string>();

  function resolve(text: string, parentText: string): OrgTarget | string {
    const parts = text.split(PATH_SEPARATOR).filter(Boolean);
    const name = parts.at(-1) ?? '';
    const within = [...parts.slice(0, -1), ...(parentText ? [parentText] : [])];
    const code = codeOf(name);
    const byCode = code ? byUscc.get(code) : undefined;
    if (byCode) return target(byCode);
    let named = byName.get(nameKey(name)) ?? [];
    // Each named ancestor must be above the union (in any order, at any distance).
    for (const p of within) named = named.filter((o) => ancestors(o).some((a) => isNamed(a, p)));
    const shown = name.slice(0, 50);
    if (named.length === 1 && named[0]) return target(named[0]);
    if (named.length > 1) {
      const which = named
        .slice(0, 5)
        .map((o) => `${parentName(o)}下的${o.uscc ? `（${o.uscc}）` : '（未登记信用代码）'}`)
        .join('、');
      return (
        `名为「${shown}」的工会不止一个：${which}${named.length > 5 ? '等' : ''}；请改填该工会的统一社会信用代码，` +
        '或在「上级工会」列填写上级工会名称，或写成「上级工会/工会名称」'
      );
    }
    if (within.length > 0 && (byName.get(nameKey(name)) ?? []).length > 0)
      return `在「${within.join('、').slice(0, 50)}」下未找到「${shown}」，请核对上级工会`;
    return `未找到「${shown}」，应填写本工会或下级工会的准确名称或统一社会信用代码`;
  }

  return (text, parentText = '') => {
    if (text === '') return upload;
    const key = `${parentText}\u0000${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const out = resolve(text, parentText.trim());
    if (cache.size < 10_000) cache.set(key, out);
    return out;
  };
}
