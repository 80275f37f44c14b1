// The module contract (docs/decisions/0007-module-contract.md). A module declares in one place what it owns —
// its shared catalogue (permissions, audit actions, audited objects and error codes with their zh-CN labels, in
// common/src/modules/), its tables, its indicators and its start-up — and the platform assembles the rest. Modules
// reach each other only through the services they provide here (never repositories).
import type { ModuleCatalogue } from '@gonghui/common';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ScopeResolve } from '../authz/index.ts';
import type { CaseKernel } from '../cases/index.ts';
import type { FieldCrypto } from '../crypto/index.ts';
import type { Db } from '../db/index.ts';
import type { HttpApp } from '../http/index.ts';
import type { IndicatorProvider } from '../indicators/index.ts';
import type { JobService } from '../jobs/index.ts';
import type { MessageSender, SmsSettings } from '../sms/index.ts';
import type { SummaryTheme } from '../summary/index.ts';

/** The services modules provide, by module name. Each module adds its own entry by declaration merging:
 *  `declare module '../../platform/contract/contract.ts' { interface ModuleServices { orgs: OrgService } }`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleServices {}

/** Settings the server is built with (from the environment in main.ts; chosen by tests). */
export interface ServerSettings {
  logLevel: string;
  cookieSecure: boolean;
  loginRateLimit: number;
  crypto: FieldCrypto;
  /** Proxy addresses/CIDRs whose X-Forwarded-For is believed. */
  trustProxy?: string[];
  /** 0 or absent: passwords never expire / accounts are never disabled for dormancy. */
  passwordMaxAgeDays?: number;
  dormantDays?: number;
  /** DATA_DIR: uploads wait in DATA_DIR/uploads, attachments live in DATA_DIR/files; omitted in route tests (temporary
   *  directories removed at close). */
  dataDir?: string;
  /** Lease of background jobs (JOB_LEASE_MS); how soon a restart resumes a job whose process died. */
  jobLeaseMs?: number;
  /** Cap on the rows of one unmasked export request (EXPORT_UNMASKED_MAX_ROWS). */
  exportUnmaskedMaxRows?: number;
  /** TRANSFER_EXPIRY_WORKING_DAYS: working days a 会员接转 request waits before it expires (default 10). */
  transferExpiryWorkingDays?: number;
  /** Largest attachment in bytes (ATTACHMENT_MAX_BYTES). */
  attachmentMaxBytes?: number;
  /** JOIN_DEADLINE_DAYS: working days a union has to decide an online join application (default 10). */
  joinDeadlineDays?: number;
  /** How text messages are sent (SMS_SENDER …); the log sender when omitted. */
  sms?: SmsSettings;
  /** A ready sender instead of `sms` (tests capture what would be sent). */
  messageSender?: MessageSender;
  /** PUBLIC_BASE_URL: the origin in links the server hands out (e-card QR); the request's own when omitted. */
  publicBaseUrl?: string;
  /** The embedded database (PGlite, one connection): bulk jobs commit in short parts, and the sweeps stand in for autovacuum. */
  embeddedDb?: boolean;
}

/** What a module's register() is given. */
export interface ModuleContext {
  app: HttpApp;
  db: Db;
  settings: ServerSettings;
  cases: CaseKernel;
  /** The one job service: modules define their kinds on it and enqueue in their transactions. */
  jobs: JobService;
  /** Sends text messages (SMS codes, notices to applicants); see platform/sms. */
  messages: MessageSender;
  /** A service another module provides; that module must be listed earlier (server/src/modules/index.ts). */
  service: <K extends keyof ModuleServices>(name: K) => ModuleServices[K];
  /** Every module's indicator providers (the catalogue the statistics are computed from). */
  indicators: readonly IndicatorProvider[];
  /** Every module's work-summary themes (platform/summary), which the report assembles in canonical order. */
  summaryThemes: readonly SummaryTheme[];
}

export interface ServerModule<K extends string = string> {
  /** The module's folder under server/src/modules. */
  name: K;
  /** Its shared declarations (common/src/modules/<name>.ts); its key equals `name`. */
  catalogue: ModuleCatalogue;
  /** The tables it owns: only its own repositories read or write them. */
  tables: readonly PgTable[];
  /** What it counts for statistics, targets and summaries. */
  indicators?: IndicatorProvider;
  /** How the platform finds the org(s) of each kind of object its routes name (`config.scope`): one indexed query,
   *  and the word the 404 uses. */
  scopes?: Record<string, { label: string; resolve: ScopeResolve }>;
  /** Its sections of the work summary (组织建设, 会员 …), written from its indicators. */
  summaryThemes?: readonly SummaryTheme[];
  /** Registers routes, hooks and case types; returns the service other modules may use. */
  register(ctx: ModuleContext): K extends keyof ModuleServices ? ModuleServices[K] | Promise<ModuleServices[K]> : void | Promise<void>;
}

/** Identity with a checked shape: one call per module, in its index.ts. */
export function defineModule<K extends string>(m: ServerModule<K>): ServerModule<K> {
  return m;
}
