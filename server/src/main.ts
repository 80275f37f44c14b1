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
const boot = await bootstrap(database.db, { adminPassword: config.adminPassword, rootOrgName: config.demo ? '示范市总工会' : config.rootOrgName });
const banner: string[] = [];
if (boot.created) {
  banner.push(`管理员账号 admin 已创建（administrator account created）`);
  if (boot.generated) banner.push(`  一次性初始密码 / one-time password: ${boot.adminPassword}（首次登录后须修改）`);
  if (config.demo && boot.rootOrgId) {
    const accounts = await seedDemo(database.db, crypto, boot.rootOrgId, config.demoPassword);
    await database.pool.query('VACUUM ANALYZE');
    banner.push('演示数据已生成，各级演示账号（demo accounts）：');
    for (const a of accounts) banner.push(`  ${a.level.padEnd(6, '　')} ${a.username.padEnd(16)} ${a.password}  ${a.orgName}`);
  }
}

const app = await buildServer(database.db, {
  logLevel: config.logLevel,
  cookieSecure: config.cookieSecure,
  loginRateLimit: config.loginRateLimit,
  crypto,
  trustProxy: config.trustProxy,
  webDist: config.webDist ?? defaultWebDist,
  dataDir: config.dataDir,
  jobLeaseMs: config.jobLeaseMs,
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
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
