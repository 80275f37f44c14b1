// Defect 8 (ciphertext binding): a ciphertext copied from one member's row into another's must not decrypt
// there; revealing the second member fails clearly and never shows the first member's number or phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDb, ADMIN_PASSWORD, type TestDb } from '../../test/db.ts';
import { sql } from 'drizzle-orm';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';

describe.each(engines())('ciphertext bound to its row on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let privacy: Client;
  let approver: Client;
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    admin = await loginAs(app, 'admin', ADMIN_PASSWORD);
    // Revealing and unmasked exports are the privacy officer's; an export needs a second one's approval.
    privacy = await loginAs(app, (await makeUser(t.db, t.rootOrgId, ['org_admin', 'privacy_officer'])).username, PASSWORD);
    approver = await loginAs(app, (await makeUser(t.db, t.rootOrgId, ['privacy_officer'])).username, PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('refuses to reveal a row whose id_cipher or phone_cipher was copied from another member', async () => {
    const org = await makeOrg(t.db, t.rootOrgId);
    const idA = newIdNumber('19700101');
    const a = await admin.post('/api/v1/members', {
      orgId: org.id,
      name: '甲',
      idNumber: idA,
      phone: '13900001111',
      joinedAt: '2020-01-01',
    });
    const b = await admin.post('/api/v1/members', {
      orgId: org.id,
      name: '乙',
      idNumber: newIdNumber('19800101'),
      phone: '13900002222',
      joinedAt: '2020-01-01',
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await privacy.post(`/api/v1/members/${b.body.id}/reveal`, { reason: '核对' })).status).toBe(200);

    // Behind the app's back, as someone with the database's owner role would.
    await t.owner.execute(
      sql`UPDATE members SET id_cipher = (SELECT id_cipher FROM members WHERE id = ${a.body.id}) WHERE id = ${b.body.id}`,
    );
    const swapped = await privacy.post(`/api/v1/members/${b.body.id}/reveal`, { reason: '核对' });
    expect(swapped.status).toBe(409);
    expect(swapped.body.message).toMatch(/校验失败/);
    expect(JSON.stringify(swapped.body)).not.toContain(idA);

    // An approved unmasked export stops (the stream is destroyed) rather than print A's number in B's row.
    const request = await privacy.post('/api/v1/export-requests', { orgId: org.id, reason: '核对会员身份信息' });
    expect(request.status).toBe(201);
    expect((await approver.post(`/api/v1/export-requests/${request.body.id}/approve`, {})).status).toBe(200);
    const cookie = Object.entries(privacy.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const exp = await app
      .inject({ method: 'GET', url: `/api/v1/export-requests/${request.body.id}/download`, headers: { cookie } })
      .catch(() => null);
    expect(exp?.rawPayload.includes(Buffer.from(idA)) ?? false).toBe(false);

    // The phone too, between two rows that are otherwise intact.
    const c = await admin.post('/api/v1/members', {
      orgId: org.id,
      name: '丙',
      idNumber: newIdNumber('19900101'),
      phone: '13900003333',
      joinedAt: '2020-01-01',
    });
    await t.owner.execute(
      sql`UPDATE members SET phone_cipher = (SELECT phone_cipher FROM members WHERE id = ${a.body.id}) WHERE id = ${c.body.id}`,
    );
    const phoneSwap = await privacy.post(`/api/v1/members/${c.body.id}/reveal`, { reason: '核对' });
    expect(phoneSwap.status).toBe(409);
    expect(JSON.stringify(phoneSwap.body)).not.toContain('13900001111');
  });
});
