// The member hears back: a cadre's reply on an appeal the member brought in the portal texts the member's phone from
// the registry (after commit); the member's own withdrawal and a cadre's case without a member text nobody.
import { describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import { useTestApp } from '../../test/suite.ts';
import { capturingSender } from '../../platform/sms/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { activate, memberWithCadre } from './member-portal.testkit.ts';

const settle = () => new Promise((r) => setTimeout(r, 50));

describe.each(engines())('member notices on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  const sent = capturingSender();
  useTestApp(engine, (s) => ({ t, app } = s), { messageSender: sent });

  it('a cadre reply texts the member; the member’s own withdrawal does not', async () => {
    const { cadre, member } = await memberWithCadre(app, t.db, t.rootOrgId);
    const me = await activate(app, sent, member);
    const open = async () => {
      const res = await me.post('/api/v1/h5/cases', { type: 'appeal', category: 'welfare', content: '希望工会协调发放防暑降温费' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: number; number: string; version: number };
    };
    const a = await open();
    const before = sent.sent.length;
    const replied = await cadre.post(`/api/v1/appeals/${a.id}/actions/reply`, { version: a.version, opinion: '已与单位沟通，下月补发' });
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);
    await settle();
    const texts = sent.sent.slice(before);
    expect(texts).toEqual([{ phone: member.phone, text: `【工会】您的申请 ${a.number} 有新进展：已答复。请登录职工之家查看。` }]);

    const b = await open();
    const mark = sent.sent.length;
    expect((await me.post(`/api/v1/h5/cases/${b.id}/withdraw`, {})).status).toBe(200);
    await settle();
    expect(sent.sent.slice(mark)).toEqual([]);
  });
});
