// 会员接转 with files: either union adds a 介绍信 scan (PDF or image) while the request waits; both see it on the
// detail and download it; a third district gets 404; once the transfer is decided no file is added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, newIdNumber, PASSWORD, type OrgRef } from '../../test/factories.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { DOC, multipart, PDF, PNG } from '../../platform/files/fixtures.ts';

describe.each(engines())('member transfer attachments on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let ua: OrgRef;
  let ub: OrgRef;
  let sender: Client;
  let receiver: Client;
  let outsider: Client;

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    const a = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const b = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    const c = await makeOrg(t.db, t.rootOrgId, { level: 'district' });
    ua = await makeOrg(t.db, a);
    ub = await makeOrg(t.db, b);
    const login = async (org: OrgRef) => loginAs(app, (await makeUser(t.db, org.id, ['org_admin'])).username, PASSWORD);
    sender = await login(ua);
    receiver = await login(ub);
    outsider = await login(c);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const send = (c: Client, method: 'GET' | 'POST', url: string, body?: ReturnType<typeof multipart>) =>
    app.inject({
      method,
      url,
      payload: body?.payload,
      headers: {
        cookie: Object.entries(c.cookies)
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
        ...(method !== 'GET' ? { 'x-csrf-token': c.cookies.csrf_token ?? '' } : {}),
        ...body?.headers,
      },
    });
  const upload = async (c: Client, id: number, file: Buffer, name: string) => {
    const res = await send(c, 'POST', `/api/v1/cases/${id}/attachments`, multipart(file, name));
    return { status: res.statusCode, body: res.json() };
  };

  it('both unions add and see files while pending; a third district gets 404; none after the decision', async () => {
    const member = await sender.post('/api/v1/members', { orgId: ua.id, name: '周小五', idNumber: newIdNumber(), joinedAt: '2020-05-01' });
    const transfer = await sender.post(`/api/v1/members/${member.body.id}/transfers`, { toOrgId: ub.id, reason: '工作调动' });
    expect(transfer.status).toBe(201);
    const id = transfer.body.id as number;
    expect(transfer.body.attachments).toEqual([]);
    expect(transfer.body.attachmentPolicy).toMatchObject({ kinds: ['pdf', 'image'], maxCount: 10, canUpload: true });

    const letter = await upload(sender, id, PDF, '介绍信.pdf');
    expect(letter.status).toBe(201);
    const word = await upload(sender, id, DOC, '介绍信.doc');
    expect([word.status, word.body.message]).toEqual([
      400,
      '文件「介绍信.doc」是Word 97-2003 文档，此处仅可上传JPEG、PNG、GIF、WebP 图片、PDF 文件',
    ]);
    expect((await upload(receiver, id, PNG, '回执.png')).status).toBe(201);

    const seen = await receiver.get(`/api/v1/transfers/${id}`);
    expect(seen.body.attachments).toMatchObject([
      { name: '介绍信.pdf', contentType: 'application/pdf', size: PDF.length, removable: false },
      { name: '回执.png', contentType: 'image/png', removable: true },
    ]);
    expect(seen.body.steps.map((s: { action: string }) => s.action)).toEqual(['submit', 'attach', 'attach']);
    const dl = await send(receiver, 'GET', `/api/v1/cases/${id}/attachments/${letter.body.id}/download`);
    expect([dl.statusCode, dl.rawPayload.equals(PDF)]).toEqual([200, true]);
    expect((await send(outsider, 'GET', `/api/v1/cases/${id}/attachments/${letter.body.id}/download`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/transfers/${id}`)).status).toBe(404);

    const accepted = await receiver.post(`/api/v1/transfers/${id}/actions/accept`, { version: seen.body.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body.attachmentPolicy.canUpload).toBe(false);
    expect((await upload(sender, id, PNG, '补充.png')).status).toBe(409);
    expect((await send(sender, 'GET', `/api/v1/cases/${id}/attachments/${letter.body.id}/download`)).statusCode).toBe(200);
  });
});
