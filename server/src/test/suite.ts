// The usual test file: per engine, one database and one app opened before its tests, the root admin logged in, both
// closed after. `let t: TestDb, app: HttpApp, admin: Client; useTestApp(engine, (s) => ({ t, app, admin } = s));`
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { HttpApp } from '../platform/http/index.ts';
import { ADMIN_PASSWORD, openTestDb, type Engine, type TestDb } from './db.ts';
import { buildTestApp, loginAs, testCrypto, type Client, type TestAppOptions } from './http.ts';
import { createJobService } from '../platform/jobs/index.ts';
import { createImportRuntime, type ImportRuntimeOptions } from '../modules/member-imports/index.ts';
import type { Db } from '../platform/db/index.ts';

export interface TestApp {
  t: TestDb;
  app: HttpApp;
  /** The root `admin` account, logged in. */
  admin: Client;
}

export function useTestApp(engine: Engine, ready: (s: TestApp) => void, opts: TestAppOptions = {}): void {
  let s: TestApp | undefined;
  beforeAll(async () => {
    const t = await openTestDb(engine);
    const app = await buildTestApp(t.db, opts);
    s = { t, app, admin: await loginAs(app, 'admin', ADMIN_PASSWORD) };
    ready(s);
  });
  afterAll(async () => {
    await s?.app.close();
    await s?.t.close();
  });
}

/** A job service's log that says nothing (tests that run jobs outside HTTP). */
export const silentLog = { error: () => undefined, info: () => undefined };

/**
 * For tests that run jobs outside HTTP: per engine, one database and a scratch directory (uploads, rosters), opened
 * before the file's tests and removed after. `useTestDbAndDir(engine, 'gh-parts-', (s) => ({ t, dir } = s));`
 */
export function useTestDbAndDir(engine: Engine, prefix: string, ready: (s: { t: TestDb; dir: string }) => void): void {
  let s: { t: TestDb; dir: string } | undefined;
  beforeAll(async () => {
    s = { t: await openTestDb(engine), dir: fs.mkdtempSync(path.join(os.tmpdir(), prefix)) };
    ready(s);
  });
  afterAll(async () => {
    await s?.t.close();
    if (s) fs.rmSync(s.dir, { recursive: true, force: true });
  });
}

/** A member-import runtime on its own quiet job service (polling every 20 ms), for tests that drive imports without HTTP. */
export function importRuntimeFor(db: Db, dir: string, o: Omit<ImportRuntimeOptions, 'db' | 'crypto' | 'jobs' | 'dir'> = {}) {
  const jobs = createJobService({ db, log: silentLog, pollMs: 20 });
  return createImportRuntime({ db, crypto: testCrypto, jobs, dir, ...o });
}
