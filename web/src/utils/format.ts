// Display formats for instants and calendar dates.
import dayjs from 'dayjs';

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';
}

export function formatDate(date: string | null | undefined): string {
  return date ?? '—';
}

export function toIsoDate(value: unknown): string | undefined {
  if (dayjs.isDayjs(value)) return value.format('YYYY-MM-DD');
  return typeof value === 'string' && value ? value.slice(0, 10) : undefined;
}
