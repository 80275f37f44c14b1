// Files on cases, on the kernel's test-only case type: kinds, size and count per type, both sides see them, a third
// org gets 404, no permission 403, and a state that closes uploads 409.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, type TestDb } from '../../test/db.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { makeUser, PASSWORD, type OrgRef } from '../../test/factories.ts';
import { type HttpApp } from '../http/index.ts';
import { type CaseType } from './kernel.ts';
import { DOC, EXE, multipart, PDF, PNG } from '../files/fixtures.ts';
import { FILE_CAP, useKernelSuite, type A, type P, type S } from './kernel.testkit.ts';

describe.each(engines())('case files on %s', (engine) => {
  let t: TestDb, app: HttpApp, review: CaseType<S, A, P>;
  let sender: OrgRef, receiver: OrgRef, stranger: OrgRef;
  const { ctxAt, inScope, openCase, act } = useKernelSuite(engine, (s) => ({ t, app, review, sender, receiver, stranger } = s));

  const as = async (org: OrgRef) => {
    const u = await makeUser(t.db, org.id, ['org_admin']);
    return { client: await loginAs(app, u.username, PASSWORD), userId: u.id };
  };
  const send = (c: Client, method: 'GET' | 'POST' | 'DELETE', url: string, body?: ReturnType<typeof multipart>) =>
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
  const upload = async (c: Client, caseId: number, file: Buffer, name: string) => {
    const res = await send(c, 'POST', `/api/v1/cases/${caseId}/attachments`, multipart(file, name, 'application/pdf'));
    return { status: res.statusCode, body: res.json() };
  };

  it('accepts the type’s kinds only, naming the refused file; caps size and count; lists files on the case for both sides', async () => {
    const owner = await ctxAt(sender, ['member:read', 'member:update']);
    const c = await openCase(owner, receiver);
    const { client: senderCadre } = await as(sender);
    const { client: receiverCadre } = await as(receiver);

    const exe = await upload(senderCadre, c.id, EXE, 'setup.exe');
    expect([exe.status, exe.body.field]).toEqual([400, 'file']);
    expect(exe.body.message).toContain('「setup.exe」');
    const fake = await upload(senderCadre, c.id, Buffer.from('这不是 PDF，只是改了扩展名的文本'), '介绍信.pdf');
    expect(fake.status).toBe(400);
    expect(fake.body.message).toMatch(/^文件「介绍信\.pdf」的内容不是允许的类型.*仅可上传JPEG、PNG、GIF、WebP 图片、PDF 文件$/);
    // A Word file is a platform kind, but not one this type allows.
    const doc = await upload(senderCadre, c.id, DOC, '说明.doc');
    expect([doc.status, doc.body.message]).toEqual([
      400,
      '文件「说明.doc」是Word 97-2003 文档，此处仅可上传JPEG、PNG、GIF、WebP 图片、PDF 文件',
    ]);
    const big = await upload(senderCadre, c.id, Buffer.concat([PDF, Buffer.alloc(FILE_CAP)]), '扫描件.pdf');
    expect([big.status, big.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(big.body.message).toContain('「扫描件.pdf」超过');

    const ok = await upload(senderCadre, c.id, PDF, '介绍信.pdf');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ name: '介绍信.pdf', size: PDF.length, contentType: 'application/pdf', removable: true });
    expect((await upload(receiverCadre, c.id, PNG, '回执.png')).status).toBe(201);

    // Both sides see both files on the case and on its timeline; only the uploader may remove theirs.
    const ownerView = await inScope(owner, () => review.get(owner, c.id));
    expect(ownerView.attachments.map((a) => [a.name, a.removable])).toEqual([
      ['介绍信.pdf', false],
      ['回执.png', false],
    ]);
    expect(ownerView.attachmentPolicy).toEqual({ kinds: ['pdf', 'image'], maxBytes: FILE_CAP, maxCount: 3, canUpload: true });
    expect(ownerView.steps.filter((x) => x.action === 'attach').map((x) => [x.opinion, x.toStatus])).toEqual([
      ['介绍信.pdf', 'submitted'],
      ['回执.png', 'submitted'],
    ]);
    const decider = await ctxAt(receiver, ['member:read', 'member:update']);
    expect((await inScope(decider, () => review.get(decider, c.id))).attachments.map((a) => a.uploadedBy)).toHaveLength(2);

    const dl = await send(receiverCadre, 'GET', `/api/v1/cases/${c.id}/attachments/${ok.body.id}/download`);
    expect([dl.statusCode, dl.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(dl.rawPayload).toEqual(PDF);
    const audit = await t.owner.execute(
      sql`SELECT org_path, after FROM audit_events WHERE action = 'attachment.download' AND entity_id = ${String(ok.body.id)}`,
    );
    // Filed under the side that downloaded, like the case's own rows.
    expect(audit.rows).toEqual([{ org_path: receiver.path, after: expect.objectContaining({ ownerType: 'case', ownerId: c.id }) }]);

    // The third file fills the case; a fourth is refused.
    expect((await upload(senderCadre, c.id, PNG, '照片.png')).status).toBe(201);
    const full = await upload(senderCadre, c.id, PNG, '再一张.png');
    expect([full.status, full.body.message]).toEqual([409, '每件最多 3 个附件，请先删除不需要的附件']);
    // Removing is the uploader's own: another cadre gets 403, the uploader 204 (a step on the timeline).
    expect((await send(receiverCadre, 'DELETE', `/api/v1/cases/${c.id}/attachments/${ok.body.id}`)).statusCode).toBe(403);
    expect((await send(senderCadre, 'DELETE', `/api/v1/cases/${c.id}/attachments/${ok.body.id}`)).statusCode).toBe(204);
    expect((await upload(senderCadre, c.id, PNG, '再一张.png')).status).toBe(201);
  });

  it('answers 404 to a third org on every path, 403 without permission, and 409 once the state closes uploads', async () => {
    const owner = await ctxAt(sender, ['member:read', 'member:update']);
    const c = await openCase(owner, receiver);
    const { client: senderCadre } = await as(sender);
    const { client: outsider } = await as(stranger);
    const viewerUser = await makeUser(t.db, sender.id, ['viewer']);
    const viewer = await loginAs(app, viewerUser.username, PASSWORD);

    const ok = await upload(senderCadre, c.id, PDF, '介绍信.pdf');
    expect(ok.status).toBe(201);
    expect((await send(senderCadre, 'DELETE', `/api/v1/cases/${c.id}/attachments/${ok.body.id}`)).statusCode).toBe(204);
    const kept = await upload(senderCadre, c.id, PNG, '扫描件.png');
    const file = `/api/v1/cases/${c.id}/attachments/${kept.body.id}`;

    expect((await send(outsider, 'GET', `${file}/download`)).statusCode).toBe(404);
    expect((await send(outsider, 'DELETE', file)).statusCode).toBe(404);
    expect((await upload(outsider, c.id, PNG, 'x.png')).status).toBe(404);
    // The generic attachment routes do not serve case files, even to the case's own side.
    expect((await send(senderCadre, 'GET', `/api/v1/attachments/${kept.body.id}/download`)).statusCode).toBe(404);
    expect((await send(senderCadre, 'GET', `/api/v1/attachments?ownerType=case&ownerId=${c.id}`)).statusCode).toBe(400);
    // A viewer reads and downloads but may not add.
    expect((await send(viewer, 'GET', `${file}/download`)).statusCode).toBe(200);
    expect((await upload(viewer, c.id, PNG, 'x.png')).status).toBe(403);

    const decider = await ctxAt(receiver, ['member:read', 'member:update']);
    await act(decider, c.id, 'approve', 1);
    const late = await upload(senderCadre, c.id, PNG, '补充.png');
    expect([late.status, late.body.code]).toEqual([409, 'CASE_ACTION_NOT_ALLOWED']);
    expect((await send(senderCadre, 'DELETE', file)).statusCode).toBe(409);
    expect((await send(senderCadre, 'GET', `${file}/download`)).statusCode).toBe(200);
    const view = await inScope(owner, () => review.get(owner, c.id));
    expect(view.attachments.map((a) => [a.name, a.removable])).toEqual([['扫描件.png', false]]);
    expect(view.attachmentPolicy?.canUpload).toBe(false);
    expect(view.steps.map((x) => x.action)).toEqual(['submit', 'attach', 'detach', 'attach', 'approve']);
  });
});
