import { pinyin } from 'pinyin-pro';
import { textGrams } from '../../platform/text/index.ts';

/**
 * Search fields derived from an org name: full pinyin and initials (lower case, no tones) for sorting and
 * search, and the grams of all three for the GIN-indexed search (see docs/decisions/0002-org-tree-path.md).
 */
export function nameSearchFields(name: string): { pinyin: string; pinyinInitials: string; searchGrams: string[] } {
  const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
  const clean = (parts: string[]) =>
    parts
      .join('')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  const full = clean(pinyin(name, opts)).slice(0, 600);
  const initials = clean(pinyin(name, { ...opts, pattern: 'first' })).slice(0, 100);
  return { pinyin: full, pinyinInitials: initials, searchGrams: textGrams(name, initials, full) };
}
