export { openDatabase, type Database, type Db, type Tx, type DbOrTx } from './connect.ts';
export { runMigrations } from './migrate.ts';
export * from './schema.ts';
