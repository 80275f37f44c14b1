// The ledger's keys, named for the error handler. disburse/reverse insert with ON CONFLICT DO NOTHING and check
// first, so these show only if a write path ever inserts without that.
import { registerConstraints, type ConstraintRule } from '../db/index.ts';

export const LEDGER_IDEMPOTENCY_UNIQUE: ConstraintRule = {
  constraint: 'ledger_entries_idempotency_key_uq',
  field: 'idempotencyKey',
  detail: '已被另一笔发放使用',
};
export const LEDGER_REVERSAL_UNIQUE: ConstraintRule = {
  constraint: 'ledger_entries_reverses_entry_id_uq',
  field: 'reversesEntryId',
  label: '冲正',
  detail: '该笔发放已冲正，不能重复冲正',
};

registerConstraints(LEDGER_IDEMPOTENCY_UNIQUE, LEDGER_REVERSAL_UNIQUE);
