export { openDatabase, type Database, type Db, type Tx, type DbOrTx } from './connect.ts';
export { onCommit, withCommitHooks } from './commit.ts';
export { quietForMs, requestStarted, requestEnded, yieldToRequests } from './foreground.ts';
export { runMigrations, runMigrationsAsOwner } from './migrate.ts';
export { appRoleProblem } from './role-check.ts';
export { maintainAfterBulk, maintainEmbedded, BULK_TABLES, type BulkTable, type MaintenanceRun } from './maintenance.ts';
export { asSystem, enterScope, runInScope, withoutScope, currentScope, currentUser, SCOPE_SETTING, USER_SETTING } from './rls.ts';
export * from './schema.ts';
export {
  registerConstraints,
  constraintRule,
  registeredConstraints,
  pgErrorOf,
  type ConstraintRule,
  type PgErrorInfo,
} from './constraints.ts';
