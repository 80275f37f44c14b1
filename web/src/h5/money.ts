// Money at the H5 edge (decision 0006): the API speaks integer 分, the member reads and types 元 with two decimals.
// Parsing goes through the decimal string, never `× 100` on a float.

/** The largest amount a member may type (matches common's MONEY_MAX_FEN). */
export const MAX_FEN = 999_999_999_999_999;

export type YuanError = 'empty' | 'format' | 'decimals' | 'range';

/**
 * 元 typed on a phone → 分. Accepts full-width digits, 「，」/「,」 thousands separators, a leading ¥/￥ and a trailing
 * 元; at most two decimals. Returns the error kind instead of guessing.
 */
export function parseYuan(raw: string): { fen: number } | { error: YuanError } {
  const s = raw
    .normalize('NFKC')
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
    .replace(/。/g, '.');
  if (s === '') return { error: 'empty' };
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return { error: 'format' };
  const [, whole = '0', frac = ''] = m;
  if (frac.length > 2) return { error: 'decimals' };
  const digits = `${whole}${frac.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return { error: 'range' };
  const fen = Number(digits);
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return { error: 'range' };
  return { fen };
}

/** 分 → 「1,234.56」 (grouped, two decimals); null/undefined → 「—」. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const neg = fen < 0;
  const abs = String(Math.abs(Math.trunc(fen))).padStart(3, '0');
  const whole = abs.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${whole}.${abs.slice(-2)}`;
}
