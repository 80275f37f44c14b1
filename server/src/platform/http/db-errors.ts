// Database errors a request can cause without any bug: a lost race for a unique value, a row removed meanwhile,
// a check the input fails, a deadlock. Mapped here once, so no module answers 500 for a conflict.
import { ERRORS } from '@gonghui/common';
import { constraintRule, pgErrorOf, type ConstraintRule } from '../db/index.ts';
import { AppError, labelOf } from './errors.ts';

/** The message a rule gives, naming its field: 「身份证号：已登记为会员」. */
export function ruleMessage(rule: ConstraintRule): string {
  const label = rule.label ?? (rule.field ? labelOf(rule.field) : undefined);
  return label ? `${label}：${rule.detail}` : rule.detail;
}

/** The service's pre-check and the database's unique index answer alike. */
export const duplicate = (rule: ConstraintRule, detail = rule.detail) =>
  new AppError('DUPLICATE', ruleMessage({ ...rule, detail }), rule.field);

/** An AppError for a PostgreSQL error a client may cause, or undefined (a real fault: 500). */
export function appErrorFromDb(err: unknown): AppError | undefined {
  const pg = pgErrorOf(err);
  if (!pg) return undefined;
  const rule = constraintRule(pg.constraint);
  switch (pg.code) {
    case '23505': // unique_violation
    case '23P01': // exclusion_violation
      return rule ? duplicate(rule) : new AppError('DUPLICATE');
    case '23503': // foreign_key_violation: PostgreSQL's message says which side failed (not localised by the app).
      if (rule) return new AppError('REFERENCE', ruleMessage(rule), rule.field);
      return pg.message.startsWith('update or delete')
        ? new AppError('REFERENCE', '该数据仍被其他数据引用，不能删除或更改')
        : new AppError('REFERENCE');
    case '23514': // check_violation
      return new AppError('VALIDATION', rule ? ruleMessage(rule) : `${ERRORS.VALIDATION.message}：不符合数据规则`, rule?.field);
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
    case '55P03': // lock_not_available
      return new AppError('RETRY');
    default:
      return undefined;
  }
}
