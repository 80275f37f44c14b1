// `npm start`: open the database, migrate, bootstrap (and seed the demo on a fresh embedded database), serve.
import { loadConfig } from './platform/config.ts';
import { openDatabase, runMigrations } from './platform/db/index.ts';
import { bootstrap } from './bootstrap/bootstrap.ts';
import { seedDemo } from './bootstrap/demo.ts';
import { buildServer, defaultWebDist } from './server.ts';
import { createFieldCrypto, loadMasterKey } from './platform/crypto/index.ts';
import { IDLE_TIMEOUT_MS, sessionRepo } from './platform/authz/index.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await runMigrations(database.db);

const crypto = createFieldCrypto(loadMasterKey(config.dataDir, config.masterKey));
// In the demo the security admin and the auditor share the demo password unless given their own.
const demoDefault = config.demo ? config.demoPassword : undefined;
const boot = await bootstrap(database.db, {
  adminPassword: config.adminPassword,
  secadminPassword: config.secadminPassword ?? demoDefault,
  auditorPassword: config.auditorPassword ?? demoDefault,
  rootOrgName: config.demo ? '示范市总工会' : config.rootOrgName,
});
const banner: string[] = [];
if (boot.accounts.length) {
  banner.push('三员分立账号已创建（separated root accounts created: system admin, security admin, auditor）：');
  for (const a of boot.accounts) {
    banner.push(`  ${a.displayName.padEnd(6, '　')} ${a.username.padEnd(10)} ${a.generated ? `一次性初始密码 / one-time password: ${a.password}（首次登录后须修改）` : '密码取自环境变量 / password from the environment'}`);
  }
}
if (boot.created && config.demo && boot.rootOrgId) {
  const accounts = await seedDemo(database.db, crypto, boot.rootOrgId, config.demoPassword);
  await database.pool.query('VACUUM ANALYZE');
  banner.push('演示数据已生成，各级演示账号（demo accounts）：');
  for (const a of accounts) banner.push(`  ${a.level.padEnd(6, '　')} ${a.username.padEnd(16)} ${a.password}  ${a.orgName}`);
}

const app = await buildServer(database.db, {
  logLevel: config.logLevel,
  cookieSecure: config.cookieSecure,
  loginRateLimit: config.loginRateLimit,
  crypto,
  trustProxy: config.trustProxy,
  exportUnmaskedMaxRows: config.exportUnmaskedMaxRows,
  webDist: config.webDist ?? defaultWebDist,
});
await app.listen({ port: config.port, host: config.host });
// Printed once to the terminal, never logged through pino.
for (const line of banner) process.stdout.write(`${line}\n`);
process.stdout.write(`工会工作平台已启动：http://localhost:${config.port}  （数据库：${database.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'}）\n`);

// Sessions idle past the timeout are refused on use; this sweep keeps the table small.
const sweep = setInterval(() => {
  sessionRepo.deleteExpiredSessions(database.db, new Date(Date.now() - IDLE_TIMEOUT_MS)).catch((err: unknown) => app.log.warn({ err }, 'session sweep failed'));
}, 15 * 60_000);
sweep.unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
