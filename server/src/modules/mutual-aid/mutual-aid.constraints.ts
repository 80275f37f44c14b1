// The 医疗互助 tables' constraints, named for the error handler; the services' pre-checks reuse the rules, so a
// lost race reads like the pre-check.
import { registerConstraints, type ConstraintRule } from '../../platform/db/index.ts';

/** One plan per org and year. */
export const PLAN_ORG_YEAR_UNIQUE: ConstraintRule = {
  constraint: 'mutual_aid_plans_org_year_uq',
  field: 'year',
  label: '年度',
  detail: '该工会本年度已设立医疗互助计划，每个工会每年只能设立一个',
};

/** One enrolment per (plan, unit, class). */
export const ENROLMENT_UNIT_CLASS_UNIQUE: ConstraintRule = {
  constraint: 'mutual_aid_enrolments_unit_class_uq',
  field: 'classCode',
  label: '互助类别',
  detail: '该单位已登记本计划此类别的参保，请修改原登记',
};

registerConstraints(PLAN_ORG_YEAR_UNIQUE, ENROLMENT_UNIT_CLASS_UNIQUE);
