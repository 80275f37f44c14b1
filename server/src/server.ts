// Wires platform and modules into one Fastify app. Each module registers itself; nothing here holds rules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES_DEFAULT } from '@gonghui/common';
import { registerAuth } from './platform/authz/index.ts';
import type { Db } from './platform/db/index.ts';
import { createHttpApp, type HttpApp, type LogStream } from './platform/http/index.ts';
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
import { startModules, type ServerSettings } from './platform/contract/index.ts';
import { MODULES } from './modules.ts';
import { createJobService, type JobService } from './platform/jobs/index.ts';
import { defineSweeps } from './sweeps.ts';
import { createMessageSender } from './platform/sms/index.ts';

export interface ServerOptions extends ServerSettings {
  /** Log destination instead of stdout; tests read what was logged. */
  logStream?: LogStream;
  /** The one job service; a fresh one when omitted. Started when the app is ready, stopped when it closes. */
  jobs?: JobService;
  /** Run the recurring sweeps (sessions, login throttle, dormant accounts, overdue cases): main.ts only. */
  sweeps?: boolean;
  /** The case kernel (its overdue sweep is a scheduled job with `sweeps`); a fresh one when omitted. */
  cases?: CaseKernel;
  /** Built console to serve at /; omitted in route tests. */
  webDist?: string;
}

const ASSET_FILE = /[\\/]assets[\\/][^\\/]+$/;

export const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

const H5_INDEX = 'h5/index.html';

/** /h5, /h5/ and every client-side route below it (query string ignored). */
export function isH5Path(url: string): boolean {
  return /^\/h5(\/|$|\?)/.test(url);
}

export async function buildServer(db: Db, opts: ServerOptions): Promise<HttpApp> {
  configureAuditChain(opts.crypto);
  const app = await createHttpApp({ logLevel: opts.logLevel, trustProxy: opts.trustProxy, logStream: opts.logStream });
  registerAuth(app, db);

  app.get('/api/v1/health', {
    schema: { operationId: 'health', tags: ['system'], response: { 200: z.object({ ok: z.boolean() }) } },
    config: { public: true },
    handler: async () => ({ ok: true }),
  });

  // On the embedded database, jobs let the API requests in flight finish before each transaction (at most 100 ms).
  const jobs =
    opts.jobs ?? createJobService({ db, log: app.log, leaseMs: opts.jobLeaseMs, yieldToRequestsMs: opts.embeddedDb ? 100 : undefined });
  const cases = opts.cases ?? createCaseKernel({ db });
  const messages = opts.messageSender ?? createMessageSender(opts.sms, app.log);
  const { services } = await startModules(MODULES, { app, db, settings: opts, cases, jobs, messages });
  registerCaseRoutes(app, cases, createCalendarService({ db }));
  if (opts.sweeps) defineSweeps(jobs, { db, cases, log: app.log, dormantDays: opts.dormantDays ?? 0, embedded: opts.embeddedDb });
  const filesTemp = opts.dataDir ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-files-'));
  const attachments = await registerAttachments(app, db, {
    filesDir: opts.dataDir ? filesDirOf(opts.dataDir) : (filesTemp as string),
    maxBytes: opts.attachmentMaxBytes ?? ATTACHMENT_MAX_BYTES_DEFAULT,
  });
  await registerCaseFileRoutes(app, cases.attachFiles(attachments.service), attachments.service.maxBytes);
  services.orgs?.onSubtreeMoved(rewriteAttachmentOrgPaths);
  if (filesTemp) app.addHook('onClose', async () => fs.rmSync(filesTemp, { recursive: true, force: true }));
  registerLedgerRoutes(app, db);

  // After every module has defined its kinds; stopped before the onClose hooks (imports remove their temp directory).
  app.addHook('onReady', async () => jobs.start());
  app.addHook('preClose', async () => jobs.stop());

  const serveConsole = Boolean(opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html')));
  if (serveConsole) {
    await app.register(fastifyStatic, {
      root: opts.webDist as string,
      wildcard: true,
      // The build writes a .gz beside each script and stylesheet (web/vite.config.ts): sent to browsers that take it.
      preCompressed: true,
      // Build files under /assets/ carry a content hash in their name: cached for a year without asking again. The
      // pages (index.html) are asked for each time, so a new release is picked up at once.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        res.setHeader('cache-control', ASSET_FILE.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const serveH5 = serveConsole && fs.existsSync(path.join(opts.webDist as string, H5_INDEX));
  // Client-side routes fall back to the console's index.html, or to the member H5 page's under /h5; unknown API paths
  // stay JSON 404s.
  app.setNotFoundHandler((req, reply) => {
    if (!serveConsole || req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
    }
    return reply.sendFile(serveH5 && isH5Path(req.url) ? H5_INDEX : 'index.html');
  });
  return app;
}
