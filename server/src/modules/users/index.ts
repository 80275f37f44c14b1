// Public surface of the users module: cadre accounts and roles.
import { usersCatalogue } from '@gonghui/common';
import { roles, users } from '../../platform/db/index.ts';
import { scopePaths } from './users.repo.ts';
import { defineModule } from '../../platform/contract/index.ts';
import { registerUserRoutes } from './users.routes.ts';
import { createUserService, type UserService } from './users.service.ts';

declare module '../../platform/contract/contract.ts' {
  interface ModuleServices {
    users: UserService;
  }
}

export const usersModule = defineModule({
  name: 'users',
  catalogue: usersCatalogue,
  tables: [users, roles],
  scopes: { user: { label: '用户', resolve: scopePaths } },
  register({ app, db }) {
    const svc = createUserService({ db });
    registerUserRoutes(app, svc);
    return svc;
  },
});
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
