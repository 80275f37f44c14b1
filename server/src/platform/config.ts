// Configuration comes from the environment only; see README for each variable.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** The app's role: not the owner, not a superuser, no BYPASSRLS (checked at start in production). */
  databaseUrl: string | undefined;
  /** The schema owner that runs migrations; defaults to DATABASE_URL outside production. */
  databaseMigrationUrl: string | undefined;
  production: boolean;
  adminPassword: string | undefined;
  masterKey: string | undefined;
  demo: boolean;
  demoPassword: string | undefined;
  rootOrgName: string;
  cookieSecure: boolean;
  /** Behind a reverse proxy: take the client IP from X-Forwarded-For (for rate limits and audit). */
  trustProxy: boolean;
  loginRateLimit: number;
  webDist: string | undefined;
  logLevel: string;
  /** Signed heads of the audit chain, outside the database: AUDIT_SEAL_DIR (default DATA_DIR/audit-seals). */
  auditSealDir: string;
  auditSealIntervalSeconds: number;
  auditSealEveryRows: number;
}

const truthy = (v: string | undefined) => v === '1' || v === 'true' || v === 'yes';

function positive(v: string | undefined, fallback: number): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`配置项应为正整数：${v}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // npm runs workspace scripts inside the workspace; INIT_CWD is where the user typed the command.
  const dataDir = path.resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR ?? './data');
  const production = env.NODE_ENV === 'production';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL || (production ? undefined : env.DATABASE_URL || undefined),
    production,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    masterKey: env.GONGHUI_MASTER_KEY || undefined,
    // DEMO defaults on for the embedded database; the bootstrap only seeds an empty one.
    demo: env.DEMO === undefined ? !env.DATABASE_URL : truthy(env.DEMO),
    demoPassword: env.DEMO_PASSWORD || undefined,
    rootOrgName: env.ROOT_ORG_NAME ?? '市总工会',
    cookieSecure: truthy(env.COOKIE_SECURE),
    trustProxy: truthy(env.TRUST_PROXY),
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    webDist: env.WEB_DIST,
    logLevel: env.LOG_LEVEL ?? 'info',
    auditSealDir: env.AUDIT_SEAL_DIR ? path.resolve(env.INIT_CWD ?? process.cwd(), env.AUDIT_SEAL_DIR) : path.join(dataDir, 'audit-seals'),
    auditSealIntervalSeconds: positive(env.AUDIT_SEAL_INTERVAL_SECONDS, 300),
    auditSealEveryRows: positive(env.AUDIT_SEAL_EVERY_ROWS, 1000),
  };
}
