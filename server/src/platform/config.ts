// Configuration comes from the environment only; see README for each variable.
import net from 'node:net';
import path from 'node:path';
import {
  ATTACHMENT_MAX_BYTES_DEFAULT,
  EXPORT_UNMASKED_MAX_ROWS_DEFAULT,
  JOIN_DEADLINE_DAYS_DEFAULT,
  TRANSFER_EXPIRY_WORKING_DAYS_DEFAULT,
} from '@gonghui/common';

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
  /** The security admin's and the auditor's first passwords (三员分立); generated and printed once when unset. */
  secadminPassword: string | undefined;
  auditorPassword: string | undefined;
  masterKey: string | undefined;
  /** GONGHUI_MASTER_KEY_FILE: a file holding the base64 master key (in production: outside DATA_DIR). */
  masterKeyFile: string | undefined;
  demo: boolean;
  demoPassword: string | undefined;
  rootOrgName: string;
  cookieSecure: boolean;
  /** Reverse proxies (addresses/CIDRs) whose X-Forwarded-For names the client; empty: use the TCP peer. */
  trustProxy: string[];
  loginRateLimit: number;
  /** Days after which a password must be changed at next login; 0 = never. */
  passwordMaxAgeDays: number;
  /** Accounts with no login for this many days are disabled; 0 = never. */
  dormantDays: number;
  /** Rows one unmasked export request may hold (EXPORT_UNMASKED_MAX_ROWS, default 5,000). */
  exportUnmaskedMaxRows: number;
  /** Largest attachment accepted, in bytes (ATTACHMENT_MAX_BYTES, default 10 MB). */
  attachmentMaxBytes: number;
  webDist: string | undefined;
  logLevel: string;
  /** Signed heads of the audit chain, outside the database: AUDIT_SEAL_DIR (default DATA_DIR/audit-seals). */
  auditSealDir: string;
  auditSealIntervalSeconds: number;
  auditSealEveryRows: number;
  /** Lease of background jobs: a job whose process died resumes at the next start after at most this long. */
  jobLeaseMs: number;
  /** Working days a 会员接转 request waits before it expires (TRANSFER_EXPIRY_WORKING_DAYS, default 10). */
  transferExpiryWorkingDays: number;
  /** Working days a union has to decide an online join application (JOIN_DEADLINE_DAYS, default 10). */
  joinDeadlineDays: number;
}

function positiveInt(v: string | undefined, fallback: number): number {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`EXPORT_UNMASKED_MAX_ROWS 须为正整数：${v}`);
  return n;
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
    secadminPassword: env.SECADMIN_PASSWORD || undefined,
    auditorPassword: env.AUDITOR_PASSWORD || undefined,
    masterKey: env.GONGHUI_MASTER_KEY || undefined,
    masterKeyFile: env.GONGHUI_MASTER_KEY_FILE ? path.resolve(env.INIT_CWD ?? process.cwd(), env.GONGHUI_MASTER_KEY_FILE) : undefined,
    // DEMO defaults on for the embedded database; the bootstrap only seeds an empty one.
    demo: env.DEMO === undefined ? !env.DATABASE_URL : truthy(env.DEMO),
    demoPassword: env.DEMO_PASSWORD || undefined,
    rootOrgName: env.ROOT_ORG_NAME ?? '市总工会',
    cookieSecure: truthy(env.COOKIE_SECURE),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    passwordMaxAgeDays: days('PASSWORD_MAX_AGE_DAYS', env.PASSWORD_MAX_AGE_DAYS),
    dormantDays: days('DORMANT_DAYS', env.DORMANT_DAYS),
    exportUnmaskedMaxRows: positiveInt(env.EXPORT_UNMASKED_MAX_ROWS, EXPORT_UNMASKED_MAX_ROWS_DEFAULT),
    attachmentMaxBytes: attachmentMaxBytes(env.ATTACHMENT_MAX_BYTES),
    webDist: env.WEB_DIST,
    logLevel: env.LOG_LEVEL ?? 'info',
    auditSealDir: env.AUDIT_SEAL_DIR ? path.resolve(env.INIT_CWD ?? process.cwd(), env.AUDIT_SEAL_DIR) : path.join(dataDir, 'audit-seals'),
    auditSealIntervalSeconds: positive(env.AUDIT_SEAL_INTERVAL_SECONDS, 300),
    auditSealEveryRows: positive(env.AUDIT_SEAL_EVERY_ROWS, 1000),
    jobLeaseMs: Number(env.JOB_LEASE_MS ?? 30_000),
    transferExpiryWorkingDays: positive(env.TRANSFER_EXPIRY_WORKING_DAYS, TRANSFER_EXPIRY_WORKING_DAYS_DEFAULT),
    joinDeadlineDays: positive(env.JOIN_DEADLINE_DAYS, JOIN_DEADLINE_DAYS_DEFAULT),
  };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `1`/`true` trust only a proxy on this machine (loopback); otherwise a comma-separated list of addresses,
 * CIDRs or the names loopback/linklocal/uniquelocal. Trusting every sender would let any client choose the
 * IP that rate limits, login throttling and the audit log see.
 */
export function parseTrustProxy(v: string | undefined): string[] {
  const raw = (v ?? '').trim();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return [];
  if (truthy(raw)) return ['loopback'];
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of list) {
    const [addr = '', bits, extra] = entry.split('/');
    const family = net.isIP(addr);
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(entry) && (family === 0 || !bitsOk || extra !== undefined)) {
      throw new Error(`TRUST_PROXY：无效的代理地址「${entry}」（expected addresses or CIDRs, comma-separated）`);
    }
  }
  return list;
}

/** Bytes, at most 100 MB: attachments are held in memory while they are checked. */
function attachmentMaxBytes(v: string | undefined): number {
  if (v === undefined || v.trim() === '') return ATTACHMENT_MAX_BYTES_DEFAULT;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100 * 1024 * 1024) {
    throw new Error(`ATTACHMENT_MAX_BYTES：应为 1 到 104857600 之间的整数字节数（bytes, at most 100 MB）：${v}`);
  }
  return n;
}

function days(name: string, v: string | undefined): number {
  if (v === undefined || v.trim() === '') return 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 36_500) throw new Error(`${name}：应为非负整数天数（a whole number of days, 0 = off）`);
  return n;
}
