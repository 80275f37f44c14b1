import { queryGrams, textGrams } from '../../platform/text/index.ts';
import { pinyin } from 'pinyin-pro';

/** 1- and 2-character pieces of a name: a GIN index over them answers 2–3 character Chinese name queries. */
export const nameGrams = (name: string): string[] => textGrams(name);
export { queryGrams };

type NamePinyin = { namePinyin: string; nameInitials: string };

// Names repeat (a city of two million has about half a million distinct ones) and pinyin costs ~19 µs a name:
// an import of a million rows looks most of them up here. Bounded, and cleared whole when full.
const CACHE_MAX = 200_000;
const cache = new Map<string, NamePinyin>();

export function namePinyin(name: string): NamePinyin {
  const hit = cache.get(name);
  if (hit) return { ...hit };
  const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
  const clean = (parts: string[]) =>
    parts
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  const value = {
    namePinyin: clean(pinyin(name, opts)).slice(0, 300),
    nameInitials: clean(pinyin(name, { ...opts, pattern: 'first' })).slice(0, 50),
  };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(name, value);
  return { ...value };
}
