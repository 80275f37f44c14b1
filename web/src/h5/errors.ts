// A friendly Chinese (or English) message for a failed call: the server's own message when it sent one, else by status.
import { H5ApiError } from './api.ts';
import type { Translate } from './i18n.tsx';

export function friendlyError(err: unknown, t: Translate): string {
  if (!(err instanceof H5ApiError)) return t('errServer');
  if (err.status === 0) return t('errNetwork');
  if (err.status >= 500) return t('errServer');
  if (err.status === 429) return err.message || t('errTooMany');
  if (err.message) return err.message;
  if (err.status === 401) return t('errUnauthorized');
  if (err.status === 403) return t('errForbidden');
  if (err.status === 404) return t('errNotFound');
  return t('errServer');
}

export const isUnauthorized = (err: unknown) => err instanceof H5ApiError && err.status === 401;
export const isNotFound = (err: unknown) => err instanceof H5ApiError && err.status === 404;
