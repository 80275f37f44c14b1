import { pinyin } from 'pinyin-pro';

/** Full pinyin without tones or spaces, and the initials, both lower case: for search and stable sorting. */
export function pinyinOf(name: string): { pinyin: string; pinyinInitials: string } {
  const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const clean = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  return { pinyin: clean(full).slice(0, 600), pinyinInitials: clean(initials).slice(0, 100) };
}
