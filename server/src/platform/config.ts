// Configuration comes from the environment only; see README for each variable.
import path from 'node:path';
import { EXPORT_UNMASKED_MAX_ROWS_DEFAULT } from '@gonghui/common';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  /** The security admin's and the auditor's first passwords (三员分立); generated and printed once when unset. */
  secadminPassword: string | undefined;
  auditorPassword: string | undefined;
  masterKey: string | undefined;
  demo: boolean;
  demoPassword: string | undefined;
  rootOrgName: string;
  cookieSecure: boolean;
  /** Behind a reverse proxy: take the client IP from X-Forwarded-For (for rate limits and audit). */
  trustProxy: boolean;
  loginRateLimit: number;
  /** Rows one unmasked export request may hold (EXPORT_UNMASKED_MAX_ROWS, default 5,000). */
  exportUnmaskedMaxRows: number;
  webDist: string | undefined;
  logLevel: string;
}

function positiveInt(v: string | undefined, fallback: number): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`EXPORT_UNMASKED_MAX_ROWS 须为正整数：${v}`);
  return n;
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
    secadminPassword: env.SECADMIN_PASSWORD || undefined,
    auditorPassword: env.AUDITOR_PASSWORD || undefined,
    masterKey: env.GONGHUI_MASTER_KEY || undefined,
    // DEMO defaults on for the embedded database; the bootstrap only seeds an empty one.
    demo: env.DEMO === undefined ? !env.DATABASE_URL : truthy(env.DEMO),
    demoPassword: env.DEMO_PASSWORD || undefined,
    rootOrgName: env.ROOT_ORG_NAME ?? '市总工会',
    cookieSecure: truthy(env.COOKIE_SECURE),
    trustProxy: truthy(env.TRUST_PROXY),
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    exportUnmaskedMaxRows: positiveInt(env.EXPORT_UNMASKED_MAX_ROWS, EXPORT_UNMASKED_MAX_ROWS_DEFAULT),
    webDist: env.WEB_DIST,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
