// A failed query must not write personal data to the log: not its parameters (names, birth dates, ciphertext),
// not PostgreSQL's `detail` ("Failing row contains (…)"), not values PostgreSQL quotes in its message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { testCrypto } from '../../test/http.ts';
import { buildServer } from '../../server.ts';
import type { HttpApp } from './index.ts';

const NAME = '欧阳秀英';
const BIRTH = '1985-11-20';
const CIPHER = 'v1.ZmFrZS1jaXBoZXJ0ZXh0LW9mLWFuLWlkLW51bWJlcg';

describe.each(engines())('error logs on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildServer(t.db, {
      logLevel: 'info',
      logStream: { write: (l) => void lines.push(l) },
      cookieSecure: false,
      loginRateLimit: 1000,
      crypto: testCrypto,
    });
    // Routes that fail inside the database the way real writes can, carrying a member's data as parameters.
    app.get('/api/v1/test/fail-insert', {
      config: { public: true },
      handler: async () =>
        t.db.execute(sql`insert into orgs (id, name, level, address) values (${2_000_000_001}, ${NAME}, 'grassroots', ${CIPHER})`),
    });
    app.get('/api/v1/test/fail-cast', {
      config: { public: true },
      handler: async () => t.db.execute(sql`select ${`${NAME} ${BIRTH}`}::date, ${CIPHER}::text`),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  for (const route of ['fail-insert', 'fail-cast']) {
    it(`logs a failed query (${route}) with its SQLSTATE and names but without parameters, values or detail`, async () => {
      lines.length = 0;
      const res = await app.inject({ method: 'GET', url: `/api/v1/test/${route}` });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(NAME);
      const log = lines.join('');
      const entry = lines
        .map((l) => JSON.parse(l) as { msg: string; err?: Record<string, unknown> })
        .find((l) => l.msg === 'unhandled error');
      expect(entry?.err, log).toBeDefined();
      for (const secret of [NAME, BIRTH, CIPHER, 'Failing row', 'params']) expect(log).not.toContain(secret);
      // What an operator needs stays: the SQLSTATE and where it failed. On PostgreSQL row-level security refuses
      // the row (42501) before the NOT NULL check (23502) that PGlite, where the app is the owner, reports.
      expect(JSON.stringify(entry?.err)).toMatch(/"code":"(23502|22007|22008|42501)"/);
    });
  }
});
