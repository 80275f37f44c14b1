import { pinyin } from 'pinyin-pro';

/** 1- and 2-character pieces of a name: a GIN index over them answers 2–3 character Chinese name queries. */
export function nameGrams(name: string): string[] {
  const chars = [...name.normalize('NFKC').replace(/\s+/g, '')];
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + (chars[i + 1] ?? ''));
  return [...grams];
}

/** The grams a query must contain: itself when 1–2 characters, otherwise its bigrams. */
export function queryGrams(q: string): string[] {
  const chars = [...q.normalize('NFKC').replace(/\s+/g, '')];
  if (chars.length <= 2) return chars.length ? [chars.join('')] : [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + (chars[i + 1] ?? ''));
  return [...out];
}

export function namePinyin(name: string): { namePinyin: string; nameInitials: string } {
  const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
  const clean = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z]/g, '');
  return {
    namePinyin: clean(pinyin(name, opts)).slice(0, 300),
    nameInitials: clean(pinyin(name, { ...opts, pattern: 'first' })).slice(0, 50),
  };
}
