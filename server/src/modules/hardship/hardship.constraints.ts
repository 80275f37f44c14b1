// The hardship tables' constraints, named for the error handler; the service's pre-check reuses the rule so a
// duplicate reads the same whether the service or the unique index caught it.
import { registerConstraints, type ConstraintRule } from '../../platform/db/index.ts';

/** One file per person in the whole federation while it is drafted, waiting, 在档 or due for review. */
export const HARDSHIP_ID_UNIQUE: ConstraintRule = {
  constraint: 'hardship_files_id_hash_active_uq',
  field: 'idNumber',
  label: '身份证号',
  // The existing file may lie in another union's subtree: say no more than that it exists.
  detail: '该职工已有困难职工档案（在建或在档），不能重复建档',
};

registerConstraints(HARDSHIP_ID_UNIQUE);
