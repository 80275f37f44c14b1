// The e-card's QR opens a public check page (/v/<token>) that a merchant or an event desk reads: 有效 / 已过期 / 无效,
// the masked name, the union and the status, nothing else; no session needed, never cached, rate-limited.
import { describe, expect, it, vi } from 'vitest';
import type { HttpApp } from '../../platform/http/index.ts';
import { engines, type TestDb } from '../../test/db.ts';
import type { Client } from '../../test/http.ts';
import { makeOrg, newIdNumber } from '../../test/factories.ts';
import { useTestApp } from '../../test/suite.ts';

describe.each(engines())('e-card check page on %s', (engine) => {
  let t: TestDb, app: HttpApp, admin: Client;
  useTestApp(engine, (s) => ({ t, app, admin } = s));
  const page = async (token: string, ip = '10.0.0.1') => {
    const res = await app.inject({ method: 'GET', url: `/v/${encodeURIComponent(token)}`, remoteAddress: ip });
    const verdict = /data-verdict="(\w+)"/.exec(res.body)?.[1];
    return { status: res.statusCode, verdict, body: res.body, headers: res.headers };
  };

  it('shows 有效 with the masked name, union and status only; 无效 for a forged code; 已过期 after five minutes', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { name: '城东华信电子有限公司工会' });
    const idNumber = newIdNumber('19850301');
    const m = (await admin.post('/api/v1/members', { orgId: org.id, name: '欧阳娜娜', idNumber, joinedAt: '2019-03-01' })).body;
    const { token } = (await admin.get(`/api/v1/members/${m.id}/card`)).body;

    const ok = await page(token);
    expect([ok.status, ok.verdict]).toEqual([200, 'valid']);
    expect(ok.headers['content-type']).toContain('text/html');
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.body).toContain('<b>有效</b>');
    expect(ok.body).toContain('欧**娜');
    expect(ok.body).toContain('城东华信电子有限公司工会');
    expect(ok.body).toContain('在籍');
    // Nothing beyond what the desk needs: no full name, no ID number, no card number.
    for (const secret of ['欧阳娜娜', idNumber, idNumber.slice(-4), m.cardNo]) expect(ok.body).not.toContain(secret);

    const forged = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    expect((await page(forged)).verdict).toBe('invalid');
    expect((await page('not-a-card')).body).toContain('无法识别的会员卡二维码');
    expect((await page('x'.repeat(1010))).verdict).toBe('invalid');

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 6 * 60_000);
      const late = await page(token);
      expect(late.verdict).toBe('expired');
      expect(late.body).toContain('请会员刷新电子会员卡');
      expect(late.body).not.toContain('欧**娜');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says 无效 for a member who has left, and escapes what it shows', async () => {
    const org = await makeOrg(t.db, t.rootOrgId, { name: '<script>alert(1)</script>工会' });
    const m = (await admin.post('/api/v1/members', { orgId: org.id, name: '张三', idNumber: newIdNumber(), joinedAt: '2019-03-01' })).body;
    const { token } = (await admin.get(`/api/v1/members/${m.id}/card`)).body;
    const shown = await page(token);
    expect(shown.body).not.toContain('<script>alert(1)</script>');
    expect(shown.body).toContain('&lt;script&gt;');
    const left = await admin.post(`/api/v1/members/${m.id}/leave`, { date: '2026-01-05', reason: '离职', kind: 'quit' });
    expect(left.status).toBe(200);
    const after = await page(token);
    expect(after.verdict).toBe('invalid');
    expect(after.body).toContain('退会');
  });

  it('limits how often one address may check', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 62; i++) codes.push((await page('x', '10.9.9.9')).status);
    expect(codes.slice(0, 60).every((c) => c === 200)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});
