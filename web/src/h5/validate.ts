// Client-side checks before a call; the server validates again. The ID check is the GB 11643 check char only
// (common's parseIdNumber would pull its whole index into the bundle).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Full-width digits, spaces and a lower-case x are what phones most often produce. */
export function normalizeInput(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

export function isValidIdNumber(raw: string): boolean {
  const id = normalizeInput(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] === id[17];
}

export function normalizePhone(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\-()（）]/g, '')
    .replace(/^(\+86|0086)/, '');
}

export const isValidPhone = (raw: string) => /^1[3-9]\d{9}$/.test(normalizePhone(raw));
export const isValidCode = (raw: string) => /^\d{6}$/.test(raw.trim());
export const isValidUscc = (raw: string) => /^[0-9A-HJ-NP-RTUWXY]{18}$/.test(normalizeInput(raw));
