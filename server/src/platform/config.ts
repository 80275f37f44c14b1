// Configuration comes from the environment only; see README for each variable.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
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
  /** Lease of background jobs: a job whose process died resumes at the next start after at most this long. */
  jobLeaseMs: number;
}

const truthy = (v: string | undefined) => v === '1' || v === 'true' || v === 'yes';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // npm runs workspace scripts inside the workspace; INIT_CWD is where the user typed the command.
  const dataDir = path.resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
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
    jobLeaseMs: Number(env.JOB_LEASE_MS ?? 30_000),
  };
}
