import type { Db } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { registerUserRoutes } from './users.routes.ts';
import { createUserService } from './users.service.ts';

export function registerUsersModule(app: HttpApp, db: Db) {
  const svc = createUserService({ db });
  registerUserRoutes(app, svc);
  return svc;
}
export { hashPassword } from './users.service.ts';
export {
  findUserByUsername,
  findUserInScope,
  permissionsOfRoles,
  recordUserLogin,
  setOwnPassword,
  disableUser,
  disableDormantAccounts,
  countUsers,
  insertUser,
  syncBuiltinRoles,
  setUserRoles,
  usersHoldingPermission,
  type UserRow,
  type UserInsert,
  type UserWithOrg,
} from './users.queries.ts';
export { presentUser } from './users.presenter.ts';
export { loadUserInScope } from './users.policy.ts';
