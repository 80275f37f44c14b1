// 公民身份号码 (GB 11643-1999): 6-digit division code, 8-digit birth date, 3-digit sequence (odd = male), MOD 11-2
// check char. Policy: input is normalised (NFKC, spaces removed, x → X); a 15-digit legacy number is converted to
// 18 digits (insert "19", compute the check char) and the caller is told; 81/82/83 (港澳台居民居住证) and a leading 9
// (外国人永久居留身份证, 2023 format) are accepted like mainland numbers.
import { todayCst } from './dates.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export function normalizeIdNumber(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK.charAt(sum % 11);
}

export interface IdParse {
  ok: true;
  idNumber: string;
  birthDate: string;
  gender: 'male' | 'female';
  /** Set when a 15-digit number was converted. */
  notice?: string;
}
export interface IdError {
  ok: false;
  message: string;
}

function birthError(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return '身份证号中的出生日期不存在';
  if (y < 1900) return '身份证号中的出生日期早于1900年';
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (iso > todayCst()) return '身份证号中的出生日期晚于今天';
  return null;
}

export function parseIdNumber(raw: string): IdParse | IdError {
  let id = normalizeIdNumber(raw);
  let notice: string | undefined;
  if (/^\d{15}$/.test(id)) {
    const body = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = body + idCheckChar(body);
    notice = `15位身份证号已转换为18位：${id.slice(0, 3)}***********${id.slice(-4)}`;
  }
  if (id.length !== 18) return { ok: false, message: `身份证号应为18位（现为${id.length}位）` };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: '身份证号只能由数字和末位X组成' };
  if (!PROVINCES.has(id.slice(0, 2)) && id.charAt(0) !== '9') return { ok: false, message: '身份证号前两位不是有效的地区代码' };
  const err = birthError(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)));
  if (err) return { ok: false, message: err };
  if (idCheckChar(id.slice(0, 17)) !== id.charAt(17)) return { ok: false, message: '身份证号校验位不正确，请核对' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const gender = Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return notice ? { ok: true, idNumber: id, birthDate, gender, notice } : { ok: true, idNumber: id, birthDate, gender };
}
