// Typed application errors mapped to HTTP in one place; 5xx never leaks details.
import { ERRORS, FIELD_LABELS, fieldLabelAt, type ErrorCode } from '@gonghui/common';
import type { z } from 'zod';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly field: string | undefined;
  /** Sent as Retry-After with a 429. */
  readonly retryAfterSec: number | undefined;
  constructor(code: ErrorCode, message?: string, field?: string, opts: { retryAfterSec?: number } = {}) {
    super(message ?? ERRORS[code].message);
    this.code = code;
    this.status = ERRORS[code].status;
    this.field = field;
    this.retryAfterSec = opts.retryAfterSec;
  }
}

export const notFound = (what?: string) => new AppError('NOT_FOUND', what ? `${what}不存在或不在您的管辖范围内` : undefined);
export const forbidden = (msg?: string) => new AppError('FORBIDDEN', msg);
export const invalid = (field: string, msg: string) => new AppError('VALIDATION', `${labelOf(field)}：${msg}`, field);
export const conflict = (msg: string, field?: string) => new AppError('CONFLICT', msg, field);

export function labelOf(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

interface Issue {
  path: PropertyKey[];
  message: string;
  /** Set for an object with fields the schema does not know. */
  keys?: string[] | undefined;
}

/** Turns the first Zod issue into a Chinese message that names the field: by the label the request's schema gives it
 *  (a member's name is 姓名), else by FIELD_LABELS. */
export function validationMessage(issues: readonly Issue[], schema?: z.ZodType): { message: string; field?: string } {
  const first = issues[0];
  if (!first) return { message: ERRORS.VALIDATION.message };
  const unknown = first.keys?.[0];
  // Unknown fields are refused, not dropped: a typo must not silently lose what the caller meant to set.
  if (unknown !== undefined) return { message: `不支持的字段「${unknown.slice(0, 64)}」`, field: unknown.slice(0, 64) };
  const names = first.path.filter((p): p is string => typeof p === 'string');
  const field = names[names.length - 1];
  if (!field) return { message: first.message };
  const label = fieldLabelAt(schema, first.path) ?? labelOf(field);
  return { message: `${label}：${first.message}`, field };
}
