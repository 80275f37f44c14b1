// Member accounts: activation by SMS code with consent, the code's limits, login with lockout, and the wall between
// the member principal and cadres.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, type TestDb } from '../../test/db.ts';
import type { Client } from '../../test/http.ts';
import { useTestApp } from '../../test/suite.ts';
import { asSystem } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { capturingSender } from '../../platform/sms/index.ts';
import { activate, ageCodeRequests, codeFor, MemberClient, memberWithCadre, newPhone, type TestMember } from './member-portal.testkit.ts';

const PASSWORD = 'Member#Pass2026';

describe.each(engines())('member accounts on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  const sender = capturingSender();
  useTestApp(engine, (s) => ({ t, app, admin } = s), { messageSender: sender });

  const fresh = async (): Promise<{ cadre: Client; member: TestMember }> => memberWithCadre(app, t.db, t.rootOrgId);
  const auditOf = (memberId: number, action: string) =>
    asSystem(() =>
      t.db.execute<{ after: Record<string, unknown> | null; actor_name: string }>(
        sql`SELECT after, actor_name FROM audit_events WHERE action = ${action} AND entity_id = ${String(memberId)} ORDER BY id`,
      ),
    ).then((r) => r.rows);

  it('activates with the code sent to the registered phone, records consent and signs the member in', async () => {
    const { member: m } = await fresh();
    const c = await activate(app, sender, m, { password: PASSWORD, optionalConsents: ['notifications'] });
    expect(Object.keys(c.cookies).sort()).toEqual(['gh_mcsrf', 'gh_msid']);
    const me = await c.get('/api/v1/h5/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: m.name, joinedAt: '2021-05-01', status: 'active', account: { hasPassword: true } });
    expect(me.body.idMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    expect(me.body.phoneMasked).toBe(`${m.phone.slice(0, 3)}****${m.phone.slice(-4)}`);
    const [row] = await auditOf(m.id, 'member_account.activate');
    expect(row?.after).toMatchObject({ consentVersion: '2026-12', optionalConsents: ['notifications'], password: true });
    expect(row?.actor_name).toBe(`member:${m.id}`);
    // Nothing stores the code in clear.
    const codes = await asSystem(() =>
      t.db.execute<{ code_hash: string }>(sql`SELECT code_hash FROM member_codes WHERE member_id = ${m.id}`),
    );
    expect(codes.rows[0]?.code_hash).not.toContain(codeFor(sender, m.phone));
  });

  it('answers 202 to a pair that matches no member, and sends nothing', async () => {
    const { member: m } = await fresh();
    const before = sender.sent.length;
    const c = new MemberClient(app);
    const wrongPhone = await c.post('/api/v1/h5/auth/code', { idNumber: m.idNumber, phone: newPhone() });
    expect(wrongPhone.status).toBe(202);
    expect(wrongPhone.body).toEqual({ ok: true });
    const match = await c.post('/api/v1/h5/auth/code', { idNumber: m.idNumber, phone: m.phone });
    expect(match.status).toBe(202);
    expect(match.body).toEqual(wrongPhone.body);
    expect(sender.sent.length).toBe(before + 1);
    expect(sender.sent.at(-1)?.phone).toBe(m.phone);
  });

  it('limits code requests: one a minute per phone', async () => {
    const { member: m } = await fresh();
    const c = new MemberClient(app);
    expect((await c.post('/api/v1/h5/auth/code', { idNumber: m.idNumber, phone: m.phone })).status).toBe(202);
    const again = await c.post('/api/v1/h5/auth/code', { idNumber: m.idNumber, phone: m.phone });
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('MEMBER_CODE_THROTTLED');
    expect(again.body.message).toMatch(/秒后再试/);
  });

  it('limits code requests: five an hour per phone, twenty an hour per address', async () => {
    const { member: m } = await fresh();
    const c = new MemberClient(app);
    for (let i = 0; i < 5; i++) {
      expect((await c.post('/api/v1/h5/auth/code', { idNumber: m.idNumber, phone: m.phone })).status).toBe(202);
      await ageCodeRequests(t.db);
    }
    const sixth = await c.post('/api/v1/h5/auth/code', { idNumber: m.idNumber, phone: m.phone });
    expect(sixth.status).toBe(429);
    expect(sixth.body.message).toMatch(/一小时/);

    const busy = new MemberClient(app);
    await asSystem(() =>
      t.db.execute(sql`INSERT INTO member_codes (phone_hash, purpose, expires_at, ip, created_at)
        SELECT 'x' || g, 'none', now(), ${busy.remoteAddress}, now() - interval '10 minutes' FROM generate_series(1, 20) g`),
    );
    const fromBusy = await busy.post('/api/v1/h5/auth/code', { idNumber: m.idNumber, phone: newPhone() });
    expect(fromBusy.status).toBe(429);
    expect(fromBusy.body.code).toBe('MEMBER_CODE_THROTTLED');
  });

  it('refuses activation without consent, naming the privacy policy, and keeps the code', async () => {
    const { member: m } = await fresh();
    const c = new MemberClient(app);
    await c.post('/api/v1/h5/auth/code', { idNumber: m.idNumber, phone: m.phone });
    const code = codeFor(sender, m.phone);
    for (const consent of [undefined, false]) {
      const res = await c.post('/api/v1/h5/auth/activate', {
        idNumber: m.idNumber,
        phone: m.phone,
        code,
        consent,
        consentVersion: '2026-12',
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('隐私政策');
    }
    const ok = await c.post('/api/v1/h5/auth/activate', {
      idNumber: m.idNumber,
      phone: m.phone,
      code,
      consent: true,
      consentVersion: '2026-12',
    });
    expect(ok.status).toBe(200);
  });

  it('kills a code after five wrong tries', async () => {
    const { member: m } = await fresh();
    const c = new MemberClient(app);
    await c.post('/api/v1/h5/auth/code', { idNumber: m.idNumber, phone: m.phone });
    const code = codeFor(sender, m.phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const body = (x: string) => ({ idNumber: m.idNumber, phone: m.phone, code: x, consent: true, consentVersion: '2026-12' });
    for (let i = 0; i < 5; i++) {
      const res = await c.post('/api/v1/h5/auth/activate', body(wrong));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('MEMBER_CODE_INVALID');
    }
    const late = await c.post('/api/v1/h5/auth/activate', body(code));
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('MEMBER_CODE_INVALID');
  });

  it('logs in by password or code, locks for 15 minutes after five wrong passwords, and audits', async () => {
    const { member: m } = await fresh();
    const first = await activate(app, sender, m, { password: PASSWORD });
    expect((await first.post('/api/v1/h5/auth/logout')).status).toBe(204);
    expect((await first.get('/api/v1/h5/me')).status).toBe(401);

    const c = new MemberClient(app);
    expect((await c.post('/api/v1/h5/auth/login', { phone: m.phone, password: PASSWORD })).status).toBe(200);
    expect((await c.get('/api/v1/h5/me')).status).toBe(200);
    await ageCodeRequests(t.db);
    await c.post('/api/v1/h5/auth/code', { idNumber: m.idNumber, phone: m.phone });
    const byCode = new MemberClient(app);
    expect((await byCode.post('/api/v1/h5/auth/login', { phone: m.phone, code: codeFor(sender, m.phone) })).status).toBe(200);

    const bad = new MemberClient(app);
    for (let i = 0; i < 4; i++) {
      const res = await bad.post('/api/v1/h5/auth/login', { phone: m.phone, password: 'Wrong#Pass2026' });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('MEMBER_LOGIN_FAILED');
    }
    const fifth = await bad.post('/api/v1/h5/auth/login', { phone: m.phone, password: 'Wrong#Pass2026' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.message).toMatch(/锁定/);
    const right = await bad.post('/api/v1/h5/auth/login', { phone: m.phone, password: PASSWORD });
    expect(right.status).toBe(423);
    expect(await auditOf(m.id, 'member_account.login_failed')).toHaveLength(6);
    expect(await auditOf(m.id, 'member_account.locked')).toHaveLength(1);
    const both = await bad.post('/api/v1/h5/auth/login', { phone: m.phone });
    expect(both.status).toBe(400);
    expect(both.body.message).toBe('验证码：请填写验证码或密码（二选一）');
    // An unknown phone fails exactly like a wrong password.
    const unknown = await bad.post('/api/v1/h5/auth/login', { phone: newPhone(), password: PASSWORD });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('MEMBER_LOGIN_FAILED');
  });

  it('sets and changes the password (the old one is required once there is one)', async () => {
    const { member: m } = await fresh();
    const c = await activate(app, sender, m);
    expect((await c.get('/api/v1/h5/me')).body.account.hasPassword).toBe(false);
    expect((await c.post('/api/v1/h5/auth/password', { newPassword: PASSWORD })).status).toBe(204);
    const noOld = await c.post('/api/v1/h5/auth/password', { newPassword: 'Other#Pass2026' });
    expect(noOld.status).toBe(400);
    expect(noOld.body.message).toContain('原密码');
    expect((await c.post('/api/v1/h5/auth/password', { oldPassword: PASSWORD, newPassword: 'Other#Pass2026' })).status).toBe(204);
    const weak = await c.post('/api/v1/h5/auth/password', { oldPassword: 'Other#Pass2026', newPassword: '123' });
    expect(weak.status).toBe(400);
    expect(weak.body.message).toContain('密码');
  });

  it('needs the member CSRF header on member writes', async () => {
    const { member: m } = await fresh();
    const c = await activate(app, sender, m);
    const res = await c.post('/api/v1/h5/auth/logout', {}, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF');
    expect((await c.get('/api/v1/h5/me')).status).toBe(200);
  });

  it('keeps members and cadres apart: neither session opens the other side', async () => {
    const { member: m } = await fresh();
    const c = await activate(app, sender, m);
    const asCadre = await c.get('/api/v1/members');
    expect(asCadre.status).toBe(401);
    expect((await c.get('/api/v1/me')).status).toBe(401);
    // The cadre's cookie (and CSRF header) on member routes: 401, whatever else it may do.
    expect((await admin.get('/api/v1/h5/me')).status).toBe(401);
    expect((await admin.get('/api/v1/h5/my-data')).status).toBe(401);
    expect((await admin.post('/api/v1/h5/auth/password', { newPassword: PASSWORD })).status).toBe(401);
  });
});
