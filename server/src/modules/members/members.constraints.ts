// The member tables' constraints, named for the error handler; the service's pre-checks reuse the same rules so
// a duplicate reads the same whether the service or the unique index caught it.
import { registerConstraints, type ConstraintRule } from '../../platform/db/index.ts';

/** One member per ID number in the whole federation (blind index `id_hash`). */
export const MEMBER_ID_UNIQUE: ConstraintRule = {
  constraint: 'members_id_hash_uq',
  field: 'idNumber',
  // A lost race cannot tell whether the winner is in the actor's scope: say both.
  detail: '已登记为会员，请勿重复登记；如在其他工会登记，请由原工会办理会员接转',
};
export const MEMBER_CARD_UNIQUE: ConstraintRule = { constraint: 'members_card_no_uq', field: 'cardNo', detail: '已存在，请重试' };
export const EXPORT_NUMBER_UNIQUE: ConstraintRule = {
  constraint: 'export_requests_number_uq',
  label: '申请编号',
  detail: '已被使用，请重试',
};
export const EXPORT_NOT_SELF_CHECK: ConstraintRule = {
  constraint: 'export_requests_not_self_ck',
  detail: '不能审批自己提交的导出申请，须由另一名有审批权限的干部审批',
};

registerConstraints(MEMBER_ID_UNIQUE, MEMBER_CARD_UNIQUE, EXPORT_NUMBER_UNIQUE, EXPORT_NOT_SELF_CHECK);
