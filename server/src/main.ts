// `npm start`: open the database, migrate, bootstrap (and seed the demo on a fresh embedded database), serve.
import { loadConfig } from './platform/config.ts';
import { appRoleProblem, asSystem, openDatabase, runMigrations, runMigrationsAsOwner, type Database } from './platform/db/index.ts';
import { bootstrap } from './bootstrap/bootstrap.ts';
import { seedDemo } from './bootstrap/demo.ts';
import { buildServer, defaultWebDist } from './server.ts';
import { keysOrExit, masterKeyOrExit } from './bootstrap/keys.ts';
import { loadDataKeys } from './platform/crypto/index.ts';
import { bindAuditSeals, configureAuditChain, openSealStore, startAuditSealer } from './platform/audit/index.ts';
import { createCaseKernel } from './platform/cases/index.ts';

const config = loadConfig();
const master = masterKeyOrExit(config);

/** Stops the start with one line on stderr: the reason, in Chinese and English. */
async function refuse(database: Database, reason: string): Promise<never> {
  process.stderr.write(`${reason}\n`);
  await database.close();
  process.exit(1);
}

// The app connects as its own role and the schema owner migrates (docs/SECURITY.md). In production the app's
// role must be bound by row-level security; checked before and after migrating (a migration may create tables).
async function openAndMigrate(): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (database.kind === 'pglite') {
    await runMigrations(database.db);
    return database;
  }
  const check = async () => {
    const problem = config.production ? await appRoleProblem(database.db) : null;
    if (problem) await refuse(database, problem);
  };
  await check();
  if (!config.databaseMigrationUrl) {
    await refuse(
      database,
      '拒绝启动：生产环境须设置 DATABASE_MIGRATION_URL（表的所有者）（refusing to start: set DATABASE_MIGRATION_URL to the schema owner in production）',
    );
  } else {
    await runMigrationsAsOwner(config.databaseMigrationUrl);
  }
  await check();
  return database;
}

const database = await openAndMigrate();

const { crypto, provider } = await asSystem(() => keysOrExit(database.db, master, () => database.close()));
// The audit chain's key and its seal file: before the first audit row (the bootstrap's).
configureAuditChain(crypto);
bindAuditSeals(database.db, openSealStore(config.auditSealDir));
// In the demo the security admin and the auditor share the demo password unless given their own.
const demoDefault = config.demo ? config.demoPassword : undefined;
const boot = await asSystem(() =>
  bootstrap(database.db, {
    adminPassword: config.adminPassword,
    secadminPassword: config.secadminPassword ?? demoDefault,
    auditorPassword: config.auditorPassword ?? demoDefault,
    rootOrgName: config.demo ? '示范市总工会' : config.rootOrgName,
  }),
);
const banner: string[] = [];
if (boot.accounts.length) {
  banner.push('三员分立账号已创建（separated root accounts created: system admin, security admin, auditor）：');
  for (const a of boot.accounts) {
    banner.push(
      `  ${a.displayName.padEnd(6, '　')} ${a.username.padEnd(10)} ${a.generated ? `一次性初始密码 / one-time password: ${a.password}（首次登录后须修改）` : '密码取自环境变量 / password from the environment'}`,
    );
  }
}
if (boot.created && config.demo && boot.rootOrgId) {
  const rootOrgId = boot.rootOrgId;
  const accounts = await asSystem(() => seedDemo(database.db, crypto, rootOrgId, config.demoPassword));
  await database.pool.query('VACUUM ANALYZE');
  banner.push('演示数据已生成，各级演示账号（demo accounts）：');
  for (const a of accounts) banner.push(`  ${a.level.padEnd(6, '　')} ${a.username.padEnd(16)} ${a.password}  ${a.orgName}`);
}

const cases = createCaseKernel({ db: database.db });
const app = await buildServer(database.db, {
  cases,
  transferExpiryWorkingDays: config.transferExpiryWorkingDays,
  joinDeadlineDays: config.joinDeadlineDays,
  logLevel: config.logLevel,
  cookieSecure: config.cookieSecure,
  loginRateLimit: config.loginRateLimit,
  crypto,
  trustProxy: config.trustProxy,
  passwordMaxAgeDays: config.passwordMaxAgeDays,
  dormantDays: config.dormantDays,
  exportUnmaskedMaxRows: config.exportUnmaskedMaxRows,
  attachmentMaxBytes: config.attachmentMaxBytes,
  webDist: config.webDist ?? defaultWebDist,
  dataDir: config.dataDir,
  jobLeaseMs: config.jobLeaseMs,
  // Sessions, login throttle, dormant accounts and overdue cases: scheduled kinds of the job service (sweeps.ts).
  sweeps: true,
  embeddedDb: database.kind === 'pglite',
});
const sealer = await startAuditSealer(database.db, {
  log: app.log,
  intervalMs: config.auditSealIntervalSeconds * 1000,
  everyRows: config.auditSealEveryRows,
});
await app.listen({ port: config.port, host: config.host });
// Printed once to the terminal, never logged through pino.
for (const line of banner) process.stdout.write(`${line}\n`);
process.stdout.write(
  `工会工作平台已启动：http://localhost:${config.port}  （数据库：${database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'}）\n`,
);

// Picks up a data key created by `npm run keys:rotate` (reads also reload on demand when they meet a new version).
const keyReload = setInterval(() => {
  asSystem(() => loadDataKeys(database.db, crypto, provider)).catch((err: unknown) => app.log.error({ err }, 'data key reload failed'));
}, 60_000);
keyReload.unref();

// A running import lets go within a few seconds (its job resumes at the next start); nothing may hold the exit
// longer than this.
const SHUTDOWN_LIMIT_MS = 5000;
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  setTimeout(() => {
    app.log.error({ signal }, 'shutdown took too long, exiting');
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  await app.close();
  await sealer.stop().catch((err: unknown) => app.log.error({ err }, 'final audit seal failed'));
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
