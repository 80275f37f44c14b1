// Lists count at most COUNT_CAP rows, so a city-wide first page stays fast; the console shows "10000+".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, testCrypto } from '../../test/http.ts';
import { makeOrg, newIdNumber } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import * as repo from './members.repo.ts';
import { cardNoOf, cipherFields, identityFields } from './members.record.ts';

describe.each(engines())('member list count cap on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('reports an exact total up to the cap and "more than the cap" beyond it', async () => {
    const big = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const small = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const n = repo.COUNT_CAP + 5;
    const ids = await repo.nextIds(t.db, n + 3);
    const row = (id: number, org: { id: number; path: string }) => {
      const { fields, secret } = identityFields(testCrypto, { name: '批量', idNumber: newIdNumber() });
      return {
        id,
        orgId: org.id,
        orgPath: org.path,
        ...fields,
        ...cipherFields(testCrypto, id, secret),
        joinedAt: '2020-01-01',
        cardNo: cardNoOf(id),
      };
    };
    await repo.insertMany(
      t.owner,
      ids.slice(0, n).map((id) => row(id, big)),
    );
    await repo.insertMany(
      t.owner,
      ids.slice(n).map((id) => row(id, small)),
    );
    const admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
    const bigPage = await admin.get(`/api/v1/members?orgId=${big.id}&pageSize=20`);
    expect(bigPage.body).toMatchObject({ total: repo.COUNT_CAP, totalExact: false });
    expect(bigPage.body.items).toHaveLength(20);
    expect((await admin.get(`/api/v1/members?orgId=${small.id}`)).body).toMatchObject({ total: 3, totalExact: true });
  });
});
