// Wires platform and modules into one Fastify app. Each module registers itself; nothing here holds rules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES_DEFAULT, EXPORT_UNMASKED_MAX_ROWS_DEFAULT, TRANSFER_EXPIRY_WORKING_DAYS_DEFAULT } from '@gonghui/common';
import { registerAuth } from './platform/authz/index.ts';
import type { Db } from './platform/db/index.ts';
import { createHttpApp, type HttpApp, type LogStream } from './platform/http/index.ts';
import { orgIndicatorProvider, registerOrgsModule } from './modules/orgs/index.ts';
import { registerUsersModule } from './modules/users/index.ts';
import { registerAuthModule } from './modules/auth/index.ts';
import { registerAuditRoutes } from './modules/audit/index.ts';
import { memberIndicatorProvider, registerMembersModule } from './modules/members/index.ts';
import { registerStatsModule } from './modules/stats/index.ts';
import { registerReportsModule } from './modules/reports/index.ts';
import { registerMemberImportsModule } from './modules/member-imports/index.ts';
import type { FieldCrypto } from './platform/crypto/index.ts';
import { configureAuditChain } from './platform/audit/index.ts';
import {
  createCalendarService,
  createCaseKernel,
  registerCaseFileRoutes,
  registerCaseRoutes,
  type CaseKernel,
} from './platform/cases/index.ts';
import { registerLedgerRoutes } from './platform/ledger/index.ts';
import { filesDirOf, registerAttachments, rewriteAttachmentOrgPaths } from './platform/files/index.ts';

export interface ServerOptions {
  logLevel: string;
  cookieSecure: boolean;
  loginRateLimit: number;
  crypto: FieldCrypto;
  /** Proxy addresses/CIDRs whose X-Forwarded-For is believed. */
  trustProxy?: string[];
  /** 0 or absent: passwords never expire / accounts are never disabled for dormancy. */
  passwordMaxAgeDays?: number;
  dormantDays?: number;
  /** Log destination instead of stdout; tests read what was logged. */
  logStream?: LogStream;
  /** DATA_DIR: uploads wait in DATA_DIR/uploads, attachments live in DATA_DIR/files; omitted in route tests (temporary
   *  directories removed at close). */
  dataDir?: string;
  /** Lease of background jobs (JOB_LEASE_MS); how soon a restart resumes a job whose process died. */
  jobLeaseMs?: number;
  /** Cap on the rows of one unmasked export request (EXPORT_UNMASKED_MAX_ROWS). */
  exportUnmaskedMaxRows?: number;
  /** The case kernel whose overdue sweep main.ts schedules; a fresh one when omitted. */
  cases?: CaseKernel;
  /** TRANSFER_EXPIRY_WORKING_DAYS: working days a 会员接转 request waits before it expires (default 10). */
  transferExpiryWorkingDays?: number;
  /** Largest attachment in bytes (ATTACHMENT_MAX_BYTES). */
  attachmentMaxBytes?: number;
  /** Built console to serve at /; omitted in route tests. */
  webDist?: string;
}

export const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildServer(db: Db, opts: ServerOptions): Promise<HttpApp> {
  configureAuditChain(opts.crypto);
  const app = await createHttpApp({ logLevel: opts.logLevel, trustProxy: opts.trustProxy, logStream: opts.logStream });
  registerAuth(app, db);

  app.get('/api/v1/health', {
    schema: { operationId: 'health', tags: ['system'], response: { 200: z.object({ ok: z.boolean() }) } },
    config: { public: true },
    handler: async () => ({ ok: true }),
  });

  const orgs = registerOrgsModule(app, db);
  const cases = opts.cases ?? createCaseKernel({ db });
  orgs.onSubtreeMoved(cases.rewriteCasePaths);
  registerUsersModule(app, db);
  registerAuthModule(app, db, orgs, {
    cookieSecure: opts.cookieSecure,
    loginRateLimit: opts.loginRateLimit,
    passwordMaxAgeDays: opts.passwordMaxAgeDays ?? 0,
    dormantDays: opts.dormantDays ?? 0,
    crypto: opts.crypto,
  });
  const indicatorProviders = [orgIndicatorProvider, memberIndicatorProvider];
  const indicatorLabels = Object.fromEntries(indicatorProviders.flatMap((p) => p.indicators.map((i) => [i.key, i.label])));
  registerAuditRoutes(app, db, { indicatorLabels });
  registerMembersModule(app, db, opts.crypto, orgs, cases, {
    exportUnmaskedMaxRows: opts.exportUnmaskedMaxRows ?? EXPORT_UNMASKED_MAX_ROWS_DEFAULT,
    transferExpiryWorkingDays: opts.transferExpiryWorkingDays ?? TRANSFER_EXPIRY_WORKING_DAYS_DEFAULT,
  });
  registerCaseRoutes(app, cases, createCalendarService({ db }));
  await registerMemberImportsModule(app, db, opts);
  const filesTemp = opts.dataDir ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-files-'));
  const attachments = await registerAttachments(app, db, {
    filesDir: opts.dataDir ? filesDirOf(opts.dataDir) : (filesTemp as string),
    maxBytes: opts.attachmentMaxBytes ?? ATTACHMENT_MAX_BYTES_DEFAULT,
  });
  await registerCaseFileRoutes(app, cases.attachFiles(attachments.service), attachments.service.maxBytes);
  orgs.onSubtreeMoved(rewriteAttachmentOrgPaths);
  if (filesTemp) app.addHook('onClose', async () => fs.rmSync(filesTemp, { recursive: true, force: true }));
  const stats = registerStatsModule(app, db, orgs, indicatorProviders);
  registerReportsModule(app, db, stats);
  registerLedgerRoutes(app, db);

  const serveConsole = Boolean(opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html')));
  if (serveConsole) await app.register(fastifyStatic, { root: opts.webDist as string, wildcard: true });
  // Client-side routes fall back to the console's index.html; unknown API paths stay JSON 404s.
  app.setNotFoundHandler((req, reply) => {
    if (!serveConsole || req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
    }
    return reply.sendFile('index.html');
  });
  return app;
}
