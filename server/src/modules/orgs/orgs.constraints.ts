// The org table's constraints, named for the error handler. Org names are not unique (two unions under one
// parent may share a name); the 统一社会信用代码 is, across the federation.
import { registerConstraints, type ConstraintRule } from '../../platform/db/index.ts';

export const ORG_USCC_UNIQUE: ConstraintRule = { constraint: 'orgs_uscc_uq', field: 'uscc', detail: '已被其他组织使用' };
export const ORG_MFA_POLICY_CHECK: ConstraintRule = { constraint: 'orgs_mfa_policy_ck', field: 'mfaPolicy', detail: '取值无效' };

registerConstraints(ORG_USCC_UNIQUE, ORG_MFA_POLICY_CHECK);
