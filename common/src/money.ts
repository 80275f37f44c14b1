// Money (decision 0006): amounts are integers of 分 everywhere they are stored or summed; 元 exists only at the edges
// (an API field "in 元" or a formatted string). Conversions go through decimal strings, never `× 100` on a float,
// so 0.1 + 0.2 or 1.005 never drift. Range: |分| < 10^15 (10^13 元, 15 significant digits: every such value
// round-trips through a JavaScript number exactly).
import { z } from 'zod';

/** The largest amount in 分 the helpers accept (999 999 999 999 999 分 ≈ 10^13 元). */
export const MONEY_MAX_FEN = 999_999_999_999_999;

function checkFen(fen: number): number {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额（分）应为整数：${fen}`);
  if (Math.abs(fen) > MONEY_MAX_FEN) throw new RangeError('金额超出范围');
  return fen;
}

// A number's shortest round-trip form, in plain decimal notation (1e-7 → "0.0000001", 1e21 is out of range anyway).
function plainDecimal(v: number): string {
  const s = String(v);
  if (!/e/i.test(s)) return s;
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) throw new RangeError(`无法识别的金额：${s}`);
  const [, sign, lead, frac = '', expStr] = m;
  const exp = Number(expStr);
  const digits = `${lead}${frac}`;
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  return `${sign}${digits.padEnd(exp + 1, '0')}`;
}

/**
 * 元 → 分, rounded half away from zero on the third decimal (1.005 元 → 101 分, −1.005 → −101). Accepts a number
 * or a decimal string ("1234.56", "-0.1"); the conversion is done on the decimal digits, so 0.1 + 0.2 (a float
 * 0.30000000000000004) gives 30 分.
 */
export function yuanToFen(yuan: number | string): number {
  let s: string;
  if (typeof yuan === 'number') {
    if (!Number.isFinite(yuan)) throw new RangeError(`无法识别的金额：${yuan}`);
    s = plainDecimal(yuan);
  } else {
    s = yuan.trim();
  }
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) throw new RangeError(`无法识别的金额：${String(yuan)}`);
  const [, sign, whole = '0', frac = ''] = m;
  if (whole.replace(/^0+/, '').length > 14) throw new RangeError('金额超出范围');
  const cents = Number(whole) * 100 + Number(frac.slice(0, 2).padEnd(2, '0'));
  const up = (frac[2] ?? '0') >= '5' ? 1 : 0;
  const fen = cents + up;
  return checkFen(sign === '-' && fen !== 0 ? -fen : fen);
}

/** 分 → 元 as a number (123456 → 1234.56): exact in the sense that String() of it is the two-decimal value. */
export function fenToYuan(fen: number): number {
  return Number(fenToYuanString(fen));
}

/** 分 → "1234.56" (always two decimals, no grouping): for API fields and exports that must not lose a 分. */
export function fenToYuanString(fen: number): string {
  checkFen(fen);
  const abs = Math.abs(fen);
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${cents}`;
}

function group(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 分 → "1,234.56元" (grouped thousands, two decimals, "-" before a negative amount). */
export function formatYuan(fen: number): string {
  checkFen(fen);
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${group(Math.trunc(abs / 100))}.${String(abs % 100).padStart(2, '0')}元`;
}

/** 分 → "12.35万元" (万元 with two decimals, half away from zero; a value that rounds to zero has no sign). */
export function formatWanYuan(fen: number): string {
  checkFen(fen);
  const abs = Math.abs(fen);
  // Hundredths of 万元 are 100 元 = 10 000 分.
  const hundredths = Math.trunc(abs / 10_000) + (abs % 10_000 >= 5_000 ? 1 : 0);
  const sign = fen < 0 && hundredths > 0 ? '-' : '';
  return `${sign}${group(Math.trunc(hundredths / 100))}.${String(hundredths % 100).padStart(2, '0')}万元`;
}

/** True when a number has at most two decimals as written (12.3, 12.34; not 12.345 or 0.1 + 0.2). */
export function hasAtMostTwoDecimals(v: number): boolean {
  return Number.isFinite(v) && /^-?\d+(\.\d{1,2})?$/.test(plainDecimal(v));
}

/** An amount in 元 from a client: a number with at most two decimals, within range. */
export const zYuan = z
  .number()
  .refine(hasAtMostTwoDecimals, '金额最多保留两位小数（精确到分）')
  .refine((v) => Math.abs(v) <= MONEY_MAX_FEN / 100, '金额超出范围');

/** An amount in 分 from a client: a safe integer within range. */
export const zFen = z.number().int('金额（分）应为整数').min(-MONEY_MAX_FEN, '金额超出范围').max(MONEY_MAX_FEN, '金额超出范围');
