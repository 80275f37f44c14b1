import { queryGrams, textGrams } from '../../platform/text/index.ts';
import { pinyin } from 'pinyin-pro';

/** 1- and 2-character pieces of a name: a GIN index over them answers 2–3 character Chinese name queries. */
export const nameGrams = (name: string): string[] => textGrams(name);
export { queryGrams };

export function namePinyin(name: string): { namePinyin: string; nameInitials: string } {
  const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
  const clean = (parts: string[]) => parts.join('').toLowerCase().replace(/[^a-z]/g, '');
  return {
    namePinyin: clean(pinyin(name, opts)).slice(0, 300),
    nameInitials: clean(pinyin(name, { ...opts, pattern: 'first' })).slice(0, 50),
  };
}
