// The account tables' constraints, named for the error handler; the service's pre-checks reuse the same rules so
// a duplicate reads the same whether the service or the unique index caught it.
import { registerConstraints, type ConstraintRule } from '../../platform/db/index.ts';

/** Usernames are unique across the federation, whatever their case (`lower(username)`). */
export const USERNAME_UNIQUE: ConstraintRule = { constraint: 'users_username_uq', field: 'username', detail: '已被使用（不区分大小写）' };
export const ROLE_KEY_UNIQUE: ConstraintRule = { constraint: 'roles_pkey', field: 'key', label: '角色标识', detail: '已存在' };

registerConstraints(USERNAME_UNIQUE, ROLE_KEY_UNIQUE);
