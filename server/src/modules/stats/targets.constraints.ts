// The targets table's key, named for the error handler. Saves upsert (ON CONFLICT DO UPDATE), so this only shows
// if a write path ever inserts without it.
import { registerConstraints, type ConstraintRule } from '../../platform/db/index.ts';

export const TARGET_UNIQUE: ConstraintRule = {
  constraint: 'targets_org_id_year_key_pk',
  field: 'key',
  label: '指标',
  detail: '该组织本年度已有此项目标，请刷新后重试',
};

registerConstraints(TARGET_UNIQUE);
