import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, Client, loginAs, loginRoot, type Loose } from '../../test/http.ts';
import { makeOrg, makeTree, makeUser } from '../../test/factories.ts';
import { codeAt } from '../../test/mfa.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { timeStep } from './mfa.totp.ts';

describe.each(engines())('TOTP second factor on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let auditor: Client;
  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    // Policies and resets are the security admin's (三员分立); the audit trail is the auditor's.
    admin = await loginRoot(app, 'secadmin');
    auditor = await loginRoot(app, 'auditor');
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const now = () => timeStep(Date.now());
  const audits = async (action: string, actor: string): Promise<Loose[]> =>
    (await auditor.get(`/api/v1/audit-events?action=${action}&actor=${actor}`)).body.items;

  /** A user with TOTP enrolled through the API by hand (not the test helper), with its secret and codes. */
  async function enrolled(roles = ['org_admin']) {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const u = await makeUser(t.db, org.id, roles);
    const c = new Client(app);
    expect((await c.post('/api/v1/auth/login', { username: u.username, password: u.password })).status).toBe(200);
    const begin = await c.post('/api/v1/auth/mfa/totp');
    const secret = String(begin.body.secret);
    const confirm = await c.post('/api/v1/auth/mfa/totp/confirm', { code: codeAt(secret, now()) });
    expect(confirm.status).toBe(200);
    // As if the next 30 s window had come: the tests below may use the current code again.
    await t.owner.execute(sql`UPDATE user_mfa SET last_step = NULL WHERE user_id = ${u.id}`);
    return { ...u, org, secret, recoveryCodes: confirm.body.recoveryCodes as string[] };
  }

  async function passwordStep(username: string, password: string) {
    const c = new Client(app);
    const res = await c.post('/api/v1/auth/login', { username, password });
    return { c, res };
  }

  it('enrols: a base32 secret and otpauth URI, stored only encrypted; confirmed by a code; 10 recovery codes once', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const u = await makeUser(t.db, org.id, ['viewer']);
    const c = new Client(app);
    await c.post('/api/v1/auth/login', { username: u.username, password: u.password });
    const begin = await c.post('/api/v1/auth/mfa/totp');
    expect(begin.status).toBe(200);
    expect(begin.headers['cache-control']).toBe('no-store');
    const { secret, otpauthUri } = begin.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(decodeURIComponent(uri.pathname)).toBe(`/工会工作平台:${u.username}`);
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({
      secret,
      issuer: '工会工作平台',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
    const stored = await t.owner.execute<{ secret_cipher: string }>(sql`SELECT secret_cipher FROM user_mfa WHERE user_id = ${u.id}`);
    expect(stored.rows[0]?.secret_cipher).toBeTruthy();
    expect(stored.rows[0]?.secret_cipher).not.toContain(secret);
    // Not active before confirmation: the password alone still logs in.
    expect((await new Client(app).post('/api/v1/auth/login', { username: u.username, password: u.password })).body.user).toBeTruthy();

    const wrong = await c.post('/api/v1/auth/mfa/totp/confirm', { code: codeAt(secret, now() + 5) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.field).toBe('code');
    expect(wrong.body.message).toMatch(/^验证码：/);
    expect(await audits('auth.mfa_failed', u.username)).toHaveLength(1);

    const ok = await c.post('/api/v1/auth/mfa/totp/confirm', { code: codeAt(secret, now()) });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodes).toHaveLength(10);
    expect(new Set(ok.body.recoveryCodes).size).toBe(10);
    const hashes = await t.owner.execute<{ code_hash: string }>(sql`SELECT code_hash FROM mfa_recovery_codes WHERE user_id = ${u.id}`);
    expect(hashes.rows).toHaveLength(10);
    expect(hashes.rows.map((r) => r.code_hash)).not.toContain(ok.body.recoveryCodes[0]);
    expect(await audits('auth.mfa_enrolled', u.username)).toHaveLength(1);
    expect((await c.get('/api/v1/auth/mfa')).body).toMatchObject({ enrolled: true, required: false, recoveryCodesLeft: 10 });
    // A second enrolment cannot overwrite the active secret.
    expect((await c.post('/api/v1/auth/mfa/totp')).status).toBe(409);
  });

  it('login answers {mfaRequired} with no session; the pending cookie opens nothing else; the code completes the login', async () => {
    const u = await enrolled();
    const { c, res } = await passwordStep(u.username, u.password);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ mfaRequired: true });
    expect(c.cookies.gh_sid).toBeUndefined();
    expect(c.cookies.csrf_token).toBeUndefined();
    expect(String(res.headers['set-cookie'])).toMatch(/gh_mfa=[^;]+;.*HttpOnly/i);
    const pending = c.cookies.gh_mfa ?? '';
    expect((await c.get('/api/v1/me')).status).toBe(401);
    expect((await c.get(`/api/v1/orgs/${u.org.id}`)).status).toBe(401);
    const forged = new Client(app);
    forged.cookies = { gh_sid: pending, csrf_token: 'x' };
    expect((await forged.get('/api/v1/me')).status).toBe(401);
    expect((await forged.post('/api/v1/auth/mfa/totp')).status).toBe(401);

    const done = await c.post('/api/v1/auth/login/mfa', { code: codeAt(u.secret, now()) });
    expect(done.status).toBe(200);
    expect(done.body.user).toMatchObject({ username: u.username, mfaEnrollmentRequired: false });
    expect(c.cookies.gh_mfa).toBeUndefined();
    expect((await c.get(`/api/v1/orgs/${u.org.id}`)).status).toBe(200);
    const logins = await audits('auth.login', u.username);
    expect(logins[0]?.after).toEqual({ mfa: 'totp' });
    // The pending login was single-use.
    const again = new Client(app);
    again.cookies = { gh_mfa: pending };
    expect((await again.post('/api/v1/auth/login/mfa', { code: codeAt(u.secret, now() + 1) })).body.code).toBe('MFA_LOGIN_EXPIRED');
  });

  it('refuses and audits wrong codes; after 5 attempts the pending login is void even for the right code', async () => {
    const u = await enrolled();
    const { c } = await passwordStep(u.username, u.password);
    for (let i = 0; i < 5; i++) {
      const r = await c.post('/api/v1/auth/login/mfa', { code: codeAt(u.secret, now() + 10 + i) });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('MFA_FAILED');
    }
    const late = await c.post('/api/v1/auth/login/mfa', { code: codeAt(u.secret, now()) });
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('MFA_LOGIN_EXPIRED');
    expect(c.cookies.gh_sid).toBeUndefined();
    const failed = await audits('auth.mfa_failed', u.username);
    expect(failed).toHaveLength(5);
    expect(failed.some((a: Loose) => a.after.pendingVoided === true)).toBe(true);
  });

  it('counts parallel guesses atomically: a burst of 12 wrong codes gets 5 tries, then the login is void', async () => {
    const u = await enrolled();
    const { c } = await passwordStep(u.username, u.password);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => c.post('/api/v1/auth/login/mfa', { code: codeAt(u.secret, now() + 20 + i) })),
    );
    expect(burst.filter((r) => r.body.code === 'MFA_FAILED')).toHaveLength(5);
    expect((await c.post('/api/v1/auth/login/mfa', { code: codeAt(u.secret, now()) })).body.code).toBe('MFA_LOGIN_EXPIRED');
  });

  it('pauses the factor after 10 wrong codes across fresh logins: the right code is refused for 15 minutes', async () => {
    const u = await enrolled();
    for (let round = 0; round < 2; round++) {
      const { c } = await passwordStep(u.username, u.password);
      for (let i = 0; i < 5; i++) await c.post('/api/v1/auth/login/mfa', { code: codeAt(u.secret, now() + 30 + i) });
    }
    expect(await audits('auth.mfa_locked', u.username)).toHaveLength(1);
    const { c } = await passwordStep(u.username, u.password);
    const refused = await c.post('/api/v1/auth/login/mfa', { code: codeAt(u.secret, now()) });
    expect(refused.body.code).toBe('MFA_FAILED');
    expect(c.cookies.gh_sid).toBeUndefined();
    await t.owner.execute(sql`UPDATE user_mfa SET locked_until = now() - interval '1 minute' WHERE user_id = ${u.id}`);
    expect((await c.post('/api/v1/auth/login/mfa', { code: codeAt(u.secret, now()) })).status).toBe(200);
  });

  it('never accepts the same TOTP code twice', async () => {
    const u = await enrolled();
    const code = codeAt(u.secret, now());
    const first = await passwordStep(u.username, u.password);
    expect((await first.c.post('/api/v1/auth/login/mfa', { code })).status).toBe(200);
    const second = await passwordStep(u.username, u.password);
    const replay = await second.c.post('/api/v1/auth/login/mfa', { code });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('MFA_FAILED');
    expect(second.c.cookies.gh_sid).toBeUndefined();
    expect((await second.c.post('/api/v1/auth/login/mfa', { code: codeAt(u.secret, now() + 1) })).status).toBe(200);
  });

  it('accepts each recovery code once, in any case and spacing', async () => {
    const u = await enrolled();
    const code = u.recoveryCodes[0] ?? '';
    expect(code).toMatch(/^[A-Z2-7]{5}-[A-Z2-7]{5}$/);
    const first = await passwordStep(u.username, u.password);
    const ok = await first.c.post('/api/v1/auth/login/mfa', { code: ` ${code.toLowerCase()} ` });
    expect(ok.status).toBe(200);
    expect((await audits('auth.login', u.username))[0]?.after).toEqual({ mfa: 'recovery' });
    const second = await passwordStep(u.username, u.password);
    expect((await second.c.post('/api/v1/auth/login/mfa', { code })).body.code).toBe('MFA_FAILED');
    expect((await first.c.get('/api/v1/auth/mfa')).body.recoveryCodesLeft).toBe(9);
  });

  it('gates a user the policy obliges: only /me, logout, password and enrolment until TOTP is confirmed', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const u = await makeUser(t.db, org.id, ['org_admin']);
    const c = new Client(app);
    const res = await c.post('/api/v1/auth/login', { username: u.username, password: u.password });
    expect(res.body.user.mfaEnrollmentRequired).toBe(true);
    expect((await c.get('/api/v1/me')).body.user.mfaEnrollmentRequired).toBe(true);
    const blocked = await c.get(`/api/v1/orgs/${org.id}`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('MFA_ENROLLMENT_REQUIRED');
    expect((await c.get('/api/v1/users')).status).toBe(403);
    const begin = await c.post('/api/v1/auth/mfa/totp');
    expect((await c.post('/api/v1/auth/mfa/totp/confirm', { code: codeAt(begin.body.secret, now()) })).status).toBe(200);
    expect((await c.get('/api/v1/me')).body.user.mfaEnrollmentRequired).toBe(false);
    expect((await c.get(`/api/v1/orgs/${org.id}`)).status).toBe(200);
    // Without sensitive permissions the default policy leaves it optional.
    const viewer = await makeUser(t.db, org.id, ['viewer']);
    const v = await new Client(app).post('/api/v1/auth/login', { username: viewer.username, password: viewer.password });
    expect(v.body.user.mfaEnrollmentRequired).toBe(false);
  });

  it('policy: nearest explicit ancestor wins; set by security:manage in scope, audited; 404 out of scope, 403 without it', async () => {
    const tree = await makeTree(t.db, t.rootOrgId);
    const street = tree.streets[0];
    const union = street?.unions[0];
    if (!street || !union) throw new Error('tree');
    const viewer = await makeUser(t.db, union.id, ['viewer']);
    const viewerMustEnrol = async () =>
      (await new Client(app).post('/api/v1/auth/login', { username: viewer.username, password: viewer.password })).body.user
        .mfaEnrollmentRequired;

    expect((await admin.get(`/api/v1/orgs/${union.id}/security-policy`)).body).toEqual({
      orgId: union.id,
      mfaPolicy: null,
      effective: 'sensitive',
    });
    const set = await admin.put(`/api/v1/orgs/${tree.district.id}/security-policy`, { mfaPolicy: 'all' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ orgId: tree.district.id, mfaPolicy: 'all', effective: 'all' });
    expect((await admin.get(`/api/v1/orgs/${union.id}/security-policy`)).body.effective).toBe('all');
    expect(await viewerMustEnrol()).toBe(true);
    await admin.put(`/api/v1/orgs/${street.org.id}/security-policy`, { mfaPolicy: 'off' });
    expect(await viewerMustEnrol()).toBe(false);
    const unionAdmin = await makeUser(t.db, union.id, ['org_admin']);
    const ua = await new Client(app).post('/api/v1/auth/login', { username: unionAdmin.username, password: unionAdmin.password });
    expect(ua.body.user.mfaEnrollmentRequired).toBe(false);
    await admin.put(`/api/v1/orgs/${street.org.id}/security-policy`, { mfaPolicy: null });
    expect(await viewerMustEnrol()).toBe(true);
    const changes = await audits('org.security_policy', 'secadmin');
    expect(changes[0]?.after).toEqual({ mfaPolicy: null });
    expect(changes[0]?.before).toEqual({ mfaPolicy: 'off' });

    expect((await admin.put(`/api/v1/orgs/${tree.district.id}/security-policy`, { mfaPolicy: 'sometimes' })).status).toBe(400);
    const other = await makeTree(t.db, t.rootOrgId);
    const districtAdmin = await makeUser(t.db, tree.district.id, ['security_admin']);
    const da = await loginAs(app, districtAdmin.username, districtAdmin.password);
    expect((await da.put(`/api/v1/orgs/${other.district.id}/security-policy`, { mfaPolicy: 'off' })).status).toBe(404);
    expect((await da.get(`/api/v1/orgs/${other.district.id}/security-policy`)).status).toBe(404);
    const low = await loginAs(app, viewer.username, viewer.password);
    expect((await low.put(`/api/v1/orgs/${union.id}/security-policy`, { mfaPolicy: 'off' })).status).toBe(403);
    await admin.put(`/api/v1/orgs/${tree.district.id}/security-policy`, { mfaPolicy: null });
  });

  it('a security admin resets a user’s TOTP in scope (audited, sessions end); 404 out of scope, 403 without the permission or on self', async () => {
    const u = await enrolled();
    const done = await passwordStep(u.username, u.password);
    await done.c.post('/api/v1/auth/login/mfa', { code: codeAt(u.secret, now()) });
    const other = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const otherAdmin = await makeUser(t.db, other.id, ['security_admin']);
    const oa = await loginAs(app, otherAdmin.username, otherAdmin.password);
    expect((await oa.request('DELETE', `/api/v1/users/${u.id}/mfa`)).status).toBe(404);
    const viewer = await makeUser(t.db, u.org.id, ['viewer']);
    const v = await loginAs(app, viewer.username, viewer.password);
    expect((await v.request('DELETE', `/api/v1/users/${u.id}/mfa`)).status).toBe(403);
    expect((await oa.request('DELETE', `/api/v1/users/${otherAdmin.id}/mfa`)).status).toBe(403);

    expect((await admin.request('DELETE', `/api/v1/users/${u.id}/mfa`)).status).toBe(204);
    expect((await done.c.get('/api/v1/me')).status).toBe(401);
    const reset = await audits('auth.mfa_reset', 'secadmin');
    expect(reset[0]).toMatchObject({ entityId: String(u.id), after: { username: u.username, hadSecondFactor: true } });
    // Password alone again, and the policy sends them back to enrolment.
    const after = await passwordStep(u.username, u.password);
    expect(after.res.body.user.mfaEnrollmentRequired).toBe(true);
  });

  it('a user disables their own TOTP only where the policy allows it, and only with a current code', async () => {
    const required = await enrolled(['org_admin']);
    const rc = await passwordStep(required.username, required.password);
    await rc.c.post('/api/v1/auth/login/mfa', { code: codeAt(required.secret, now()) });
    expect((await rc.c.post('/api/v1/auth/mfa/totp/disable', { code: codeAt(required.secret, now() + 1) })).status).toBe(403);

    const optional = await enrolled(['viewer']);
    const oc = await passwordStep(optional.username, optional.password);
    await oc.c.post('/api/v1/auth/login/mfa', { code: codeAt(optional.secret, now()) });
    const wrong = await oc.c.post('/api/v1/auth/mfa/totp/disable', { code: codeAt(optional.secret, now() + 9) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.field).toBe('code');
    expect((await oc.c.post('/api/v1/auth/mfa/totp/disable', { code: codeAt(optional.secret, now() + 1) })).status).toBe(204);
    expect(await audits('auth.mfa_disabled', optional.username)).toHaveLength(1);
    expect((await passwordStep(optional.username, optional.password)).res.body.user.username).toBe(optional.username);
  });
});
