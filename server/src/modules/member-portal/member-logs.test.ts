// The member portal writes no ID number or phone to the log: with the development sender (SMS_SENDER=log) the code
// text names the phone masked, and requests that carry ID numbers and phones in their bodies (code, activation, a
// join application, a bad request) leave neither in any log line, at info level.
import { describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import { newIdNumber } from '../../test/factories.ts';
import { useTestApp } from '../../test/suite.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { MemberClient, memberWithCadre, newPhone } from './member-portal.testkit.ts';

describe.each(engines())('member portal logs on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  const lines: string[] = [];
  useTestApp(engine, (s) => ({ t, app } = s), { logLevel: 'info', logStream: { write: (l) => void lines.push(l) } });

  it('name the phone masked and never carry an ID number or a phone', async () => {
    const { member } = await memberWithCadre(app, t.db, t.rootOrgId);
    const c = new MemberClient(app);
    expect((await c.post('/api/v1/h5/auth/code', { idNumber: member.idNumber, phone: member.phone })).status).toBe(202);
    // The log sender writes the code after answering: wait for its line.
    const masked = `${member.phone.slice(0, 3)}****${member.phone.slice(-4)}`;
    for (let i = 0; i < 50 && !lines.join('').includes(masked); i++) await new Promise((r) => setTimeout(r, 20));
    const codeLine = lines.find((l) => l.includes(masked) && /\d{6}/.test(l.replace(masked, '')));
    expect(codeLine, 'the development sender logs the code with the phone masked').toBeDefined();
    const code = /(?<!\d)(\d{6})(?!\d)/.exec((codeLine ?? '').replace(masked, ''))?.[1];
    const activated = await c.post('/api/v1/h5/auth/activate', { idNumber: member.idNumber, phone: member.phone, code, consent: true });
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    expect((await c.post('/api/v1/h5/cases', { type: 'appeal', category: 'welfare', content: '防暑降温费未发放' })).status).toBe(201);
    expect((await c.get('/api/v1/h5/my-data')).status).toBe(200);

    const applicant = { idNumber: newIdNumber(), phone: newPhone() };
    const join = await new MemberClient(app).post('/api/v1/h5/join-applications', {
      name: '周建华',
      ...applicant,
      employerName: '城东物流有限公司',
      orgId: member.orgId,
    });
    expect(join.status, JSON.stringify(join.body)).toBe(201);
    // A refused request: the body is not echoed into the log either.
    expect((await new MemberClient(app).post('/api/v1/h5/auth/activate', { ...applicant, code: 'x' })).status).toBe(400);
    await new Promise((r) => setTimeout(r, 100));

    const log = lines.join('\n');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [member.idNumber, member.phone, applicant.idNumber, applicant.phone]) expect(log).not.toContain(secret);
    // The ID number's hidden middle (11 digits) either; a phone's hidden 4 digits are too short to tell from a request id.
    for (const id of [member.idNumber, applicant.idNumber]) expect(log).not.toContain(id.slice(3, -4));
  });
});
