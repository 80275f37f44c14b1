// Date display and the card token's refresh timing.
import type { H5Lang } from './i18n.tsx';

/** Milliseconds until the card token should be fetched again: 15 s before expiry, at least 1 s, at most 10 min. */
export function refreshDelay(expiresAt: string, now: number): number {
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return 60_000;
  return Math.min(600_000, Math.max(1000, at - now - 15_000));
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return iso.slice(0, 10);
}

export function formatTime(iso: string | null | undefined, lang: H5Lang = 'zh'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}
