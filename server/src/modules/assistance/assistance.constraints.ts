// The assistance tables' constraints, named for the error handler; the service's pre-check reuses the rule, so a
// lost race reads like the pre-check (without the earlier entry's number, which only the pre-check can name).
import { registerConstraints, type ConstraintRule } from '../../platform/db/index.ts';

/** A person is paid at most once per campaign: one standing entry per (campaign, ID number). */
export const CAMPAIGN_PERSON_UNIQUE: ConstraintRule = {
  constraint: 'assistance_entries_campaign_person_uq',
  field: 'idNumber',
  label: '身份证号',
  detail: '该职工在本次活动中已登记帮扶，同一活动每人只能帮扶一次',
};

registerConstraints(CAMPAIGN_PERSON_UNIQUE);
