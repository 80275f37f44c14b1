// The usual test file: per engine, one database and one app opened before its tests, the root admin logged in, both
// closed after. `let t: TestDb, app: HttpApp, admin: Client; useTestApp(engine, (s) => ({ t, app, admin } = s));`
import { afterAll, beforeAll } from 'vitest';
import type { HttpApp } from '../platform/http/index.ts';
import { ADMIN_PASSWORD, openTestDb, type Engine, type TestDb } from './db.ts';
import { buildTestApp, loginAs, type Client, type TestAppOptions } from './http.ts';

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
