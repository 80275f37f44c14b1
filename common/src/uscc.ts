// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet with a mod-31 check char.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n));

export function normalizeUscc(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Returns null when valid, otherwise a Chinese reason. */
export function usccError(code: string): string | null {
  if (code.length !== 18) return '统一社会信用代码应为18位';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return '统一社会信用代码含有无效字符（不使用 I、O、Z、S、V）';
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) return '统一社会信用代码第3–8位应为行政区划码';
  if (usccCheckChar(code.slice(0, 17)) !== code.charAt(17)) return '统一社会信用代码校验位不正确';
  return null;
}

export const isValidUscc = (code: string): boolean => usccError(code) === null;
