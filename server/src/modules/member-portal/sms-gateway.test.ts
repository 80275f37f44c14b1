// The code request through a real HTTP gateway adapter: the message reaches the (fake) gateway, and a gateway that
// refuses it changes nothing in the answer (202).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../test/db.ts';
import { useTestApp } from '../../test/suite.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { MemberClient, memberWithCadre } from './member-portal.testkit.ts';

const received: { token?: string; body: { phone: string; text: string } }[] = [];
let status = 200;
const gateway = http.createServer((req, res) => {
  let raw = '';
  req.on('data', (d: Buffer) => (raw += d.toString()));
  req.on('end', () => {
    received.push({ token: req.headers['x-api-token'] as string | undefined, body: JSON.parse(raw) as { phone: string; text: string } });
    res.writeHead(status).end();
  });
});
await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
afterAll(() => new Promise<void>((r) => gateway.close(() => r())));

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe.each(engines())('SMS through the HTTP gateway on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  useTestApp(engine, (s) => ({ t, app } = s), { sms: { sender: 'http', httpUrl: url, httpToken: 'gw-token', timeoutMs: 2000 } });

  it('sends the code to the gateway; a refusing gateway still gets 202', async () => {
    const { member: m } = await memberWithCadre(app, t.db, t.rootOrgId);
    const before = received.length;
    const res = await new MemberClient(app).post('/api/v1/h5/auth/code', { idNumber: m.idNumber, phone: m.phone });
    expect(res.status).toBe(202);
    await until(() => received.length > before);
    expect(received.at(-1)).toMatchObject({ token: 'gw-token', body: { phone: m.phone } });
    expect(received.at(-1)?.body.text).toMatch(/验证码为\d{6}/);

    status = 500;
    const { member: m2 } = await memberWithCadre(app, t.db, t.rootOrgId);
    const refused = await new MemberClient(app).post('/api/v1/h5/auth/code', { idNumber: m2.idNumber, phone: m2.phone });
    expect(refused.status).toBe(202);
    await until(() => received.some((r) => r.body.phone === m2.phone));
    expect(received.some((r) => r.body.phone === m2.phone)).toBe(true);
    status = 200;
  });
});
