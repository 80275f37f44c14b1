// Attachments over HTTP on both engines: accepted kinds by content, refusals that name the file, the size cap,
// sanitised names, scope (404) and permission (403), audit rows, the bytes on disk, soft delete, orphans removed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, loginRoot, type Client } from '../../test/http.ts';
import { makeOrg, makeUser, uniq, type OrgRef } from '../../test/factories.ts';
import { asSystem, attachments, auditEvents, runInScope } from '../db/index.ts';
import type { HttpApp } from '../http/index.ts';
import { DOC, EXE, HTML, PDF, PNG, SVG, docm, docx, multipart, plainZip, xlsx } from './fixtures.ts';
import { registerAttachmentOwner } from './owners.ts';
import { filesDirOf } from './store.ts';

const CAP = 64 * 1024;

// An owner type whose org does not exist: the insert fails after the file was written.
registerAttachmentOwner('test_broken', async (tx) => {
  const [root] = (await tx.execute<{ path: string }>(sql`SELECT path FROM orgs WHERE parent_id IS NULL LIMIT 1`)).rows;
  return root ? { orgId: 2_000_000_000, orgPath: root.path } : undefined;
});

describe.each(engines())('attachments on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let dataDir: string;
  let district: OrgRef;
  let other: OrgRef;
  let cadre: Client;
  let outsider: Client;
  let viewer: Client;
  let auditor: Client;

  const raw = (c: Client, method: 'GET' | 'POST' | 'DELETE', url: string, body?: ReturnType<typeof multipart>) => {
    const cookie = Object.entries(c.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const csrf = c.cookies.csrf_token;
    return app.inject({
      method,
      url,
      payload: body?.payload,
      headers: { cookie, ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}), ...body?.headers },
    });
  };
  const upload = async (c: Client, orgId: number, file: Buffer, name: string, claimed?: string) => {
    const res = await raw(c, 'POST', `/api/v1/attachments?ownerType=org&ownerId=${orgId}`, multipart(file, name, claimed));
    return { status: res.statusCode, body: res.json() };
  };
  const filesOnDisk = () => {
    const root = filesDirOf(dataDir);
    return fs.readdirSync(root).flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)));
  };

  beforeAll(async () => {
    t = await openTestDb(engine);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-files-'));
    app = await buildTestApp(t.db, { dataDir, attachmentMaxBytes: CAP });
    district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('区总工会') });
    other = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('外区总工会') });
    const u = await makeUser(t.db, district.id, ['org_admin']);
    cadre = await loginAs(app, u.username, u.password);
    const o = await makeUser(t.db, other.id, ['org_admin']);
    outsider = await loginAs(app, o.username, o.password);
    const v = await makeUser(t.db, district.id, ['viewer']);
    viewer = await loginAs(app, v.username, v.password);
    const a = await makeUser(t.db, district.id, ['auditor']);
    auditor = await loginAs(app, a.username, a.password);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('accepts a PNG, a PDF, an xlsx, a docx and a doc by content; stores 0600 bytes equal to the upload and audits', async () => {
    const files: [Buffer, string, string][] = [
      [PNG, '照片.png', 'image/png'],
      [PDF, '通知.pdf', 'application/pdf'],
      [await xlsx(), '名册.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [docx(), '纪要.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [DOC, '旧文档.doc', 'application/msword'],
    ];
    for (const [buf, name, type] of files) {
      const res = await upload(cadre, district.id, buf, name, 'text/plain');
      expect(res.status, name).toBe(201);
      expect(res.body).toMatchObject({
        ownerType: 'org',
        ownerId: district.id,
        orgId: district.id,
        fileName: name,
        contentType: type,
        size: buf.length,
      });
      const [row] = await t.owner.select().from(attachments).where(eq(attachments.id, res.body.id));
      expect(row?.orgPath).toBe(district.path);
      const file = path.join(filesDirOf(dataDir), String(row?.storageKey).slice(0, 2), String(row?.storageKey));
      expect(fs.readFileSync(file)).toEqual(buf);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      expect(fs.statSync(filesDirOf(dataDir)).mode & 0o777).toBe(0o700);
      const audit = await t.owner
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'attachment.upload'), eq(auditEvents.entityId, String(res.body.id))));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ entityType: 'attachment', orgId: district.id, orgPath: district.path });
      expect(audit[0]?.after).toMatchObject({ fileName: name, contentType: type, sha256: row?.sha256 });
    }
  });

  it('refuses executables, markup, plain or macro zips whatever their name and claimed type, naming the file', async () => {
    const before = filesOnDisk().length;
    const cases: [Buffer, string, string][] = [
      [EXE, '发票.pdf', 'application/pdf'],
      [EXE, 'setup.exe', 'application/octet-stream'],
      [HTML, '通知.html', 'text/html'],
      [HTML, '通知.pdf', 'application/pdf'],
      [SVG, '图标.svg', 'image/svg+xml'],
      [SVG, '图标.png', 'image/png'],
      [plainZip(), '资料.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [plainZip(), '资料.zip', 'application/zip'],
      [docm(), '宏.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ];
    for (const [buf, name, claimed] of cases) {
      const res = await upload(cadre, district.id, buf, name, claimed);
      expect(res.status, name).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.field).toBe('file');
      expect(res.body.message).toContain(`「${name}」`);
    }
    // A real PNG under another kind's extension is refused too: a saved copy would open in the wrong program.
    const wrongExt = await upload(cadre, district.id, PNG, '报告.pdf');
    expect(wrongExt.status).toBe(400);
    expect(wrongExt.body.message).toContain('与扩展名不符');
    expect((await upload(cadre, district.id, Buffer.alloc(0), '空.pdf')).status).toBe(400);
    expect(filesOnDisk()).toHaveLength(before);
  });

  it('answers 413 with a Chinese message over the cap, and keeps nothing', async () => {
    const before = filesOnDisk().length;
    const big = Buffer.concat([PNG, Buffer.alloc(CAP)]);
    const res = await upload(cadre, district.id, big, '大图.png');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.message).toContain('「大图.png」');
    expect(res.body.message).toContain('上限');
    expect(filesOnDisk()).toHaveLength(before);
  });

  it('sanitises path traversal, control and bidi characters out of names; adds the extension when missing', async () => {
    const a = await upload(cadre, district.id, PNG, '../../../etc/会议\u202E照片\u200B.png');
    expect(a.status).toBe(201);
    expect(a.body.fileName).toBe('会议照片.png');
    const b = await upload(cadre, district.id, PDF, '..\\..\\windows\\扫描件');
    expect(b.status).toBe(201);
    expect(b.body.fileName).toBe('扫描件.pdf');
    const c = await upload(cadre, district.id, PNG, '照片\u202Egnp.exe');
    expect(c.status).toBe(400);
  });

  it('downloads with the detected type, RFC 5987 name, nosniff and no-store; inline only for images and PDF; audits', async () => {
    const png = await upload(cadre, district.id, PNG, '现场照片.png');
    const sheet = await upload(cadre, district.id, await xlsx(), '统计表.xlsx');
    const img = await raw(viewer, 'GET', `/api/v1/attachments/${png.body.id}/download`);
    expect(img.statusCode).toBe(200);
    expect(img.rawPayload).toEqual(PNG);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['content-disposition']).toBe(
      `inline; filename="attachment.png"; filename*=UTF-8''${encodeURIComponent('现场照片.png')}`,
    );
    expect(img.headers['x-content-type-options']).toBe('nosniff');
    expect(img.headers['cache-control']).toBe('no-store');
    expect(String(img.headers['content-security-policy'])).toContain('sandbox');
    const xl = await raw(cadre, 'GET', `/api/v1/attachments/${sheet.body.id}/download`);
    expect(xl.statusCode).toBe(200);
    expect(String(xl.headers['content-disposition'])).toMatch(/^attachment; /);
    expect(xl.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const audit = await t.owner
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'attachment.download'), eq(auditEvents.entityId, String(png.body.id))));
    expect(audit).toHaveLength(1);
    // The audit log names the file.
    const auditorClient = await loginRoot(app, 'auditor');
    const log = await auditorClient.get(`/api/v1/audit-events?action=attachment.download&entityType=attachment&entityId=${png.body.id}`);
    expect(log.status).toBe(200);
    const entry = log.body.items.find((i: { entityId: string }) => i.entityId === String(png.body.id));
    expect(entry).toMatchObject({ actionLabel: '下载附件', objectLabel: '现场照片.png' });
  });

  it('out of scope answers 404 everywhere; a role without the permission answers 403', async () => {
    const up = await upload(cadre, district.id, PNG, '内部.png');
    expect((await raw(outsider, 'GET', `/api/v1/attachments/${up.body.id}/download`)).statusCode).toBe(404);
    expect((await raw(outsider, 'DELETE', `/api/v1/attachments/${up.body.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/attachments?ownerType=org&ownerId=${district.id}`)).status).toBe(404);
    expect((await upload(outsider, district.id, PNG, 'x.png')).status).toBe(404);
    expect((await upload(cadre, other.id, PNG, 'x.png')).status).toBe(404);
    expect((await upload(cadre, t.rootOrgId, PNG, 'x.png')).status).toBe(404);
    expect((await raw(cadre, 'GET', '/api/v1/attachments/2000000000/download')).statusCode).toBe(404);
    // 403 before anything is looked at.
    expect((await raw(auditor, 'GET', `/api/v1/attachments/${up.body.id}/download`)).statusCode).toBe(403);
    expect((await auditor.get(`/api/v1/attachments?ownerType=org&ownerId=${district.id}`)).status).toBe(403);
    expect((await upload(viewer, district.id, PNG, 'x.png')).status).toBe(403);
    expect((await raw(viewer, 'DELETE', `/api/v1/attachments/${up.body.id}`)).statusCode).toBe(403);
    // Unknown owner types are a 400 naming the field.
    const unknown = await cadre.get(`/api/v1/attachments?ownerType=case&ownerId=${district.id}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toBe('ownerType');
  });

  it('lists live attachments of the owner; delete hides it from list and download, audited, row kept', async () => {
    const owner = await makeOrg(t.db, district, { level: 'street', name: uniq('街道工会') });
    const a = await upload(cadre, owner.id, PNG, '一.png');
    const b = await upload(cadre, owner.id, PDF, '二.pdf');
    const list = await viewer.get(`/api/v1/attachments?ownerType=org&ownerId=${owner.id}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((i: { fileName: string }) => i.fileName)).toEqual(['一.png', '二.pdf']);
    expect(list.body.items[0].uploaderName).toBeTruthy();
    expect(list.body.items[0]).not.toHaveProperty('storageKey');
    const del = await raw(cadre, 'DELETE', `/api/v1/attachments/${a.body.id}`);
    expect(del.statusCode).toBe(204);
    const after = await viewer.get(`/api/v1/attachments?ownerType=org&ownerId=${owner.id}`);
    expect(after.body.items.map((i: { id: number }) => i.id)).toEqual([b.body.id]);
    expect((await raw(cadre, 'GET', `/api/v1/attachments/${a.body.id}/download`)).statusCode).toBe(404);
    expect((await raw(cadre, 'DELETE', `/api/v1/attachments/${a.body.id}`)).statusCode).toBe(404);
    const [row] = await t.owner.select().from(attachments).where(eq(attachments.id, a.body.id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    const audit = await t.owner
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'attachment.delete'), eq(auditEvents.entityId, String(a.body.id))));
    expect(audit).toHaveLength(1);
  });

  it.runIf(engine === 'postgres')('the app role cannot DELETE attachment rows, and sees none without a scope', async () => {
    const refused = await asSystem(() => t.db.execute(sql`DELETE FROM attachments`)).catch((e: { cause?: { code?: string } }) => e);
    expect(refused).toMatchObject({ cause: { code: '42501' } }); // insufficient_privilege
    expect((await t.db.execute(sql`SELECT id FROM attachments`)).rows).toEqual([]);
    expect((await asSystem(() => t.db.execute(sql`SELECT id FROM attachments`))).rows.length).toBeGreaterThan(0);
    expect((await runInScope(other.path, () => t.db.execute(sql`SELECT org_path FROM attachments`))).rows).toEqual(
      (await t.owner.execute<{ org_path: string }>(sql`SELECT org_path FROM attachments WHERE org_path LIKE ${`${other.path}%`}`)).rows,
    );
  });

  it('removes the written file when the row cannot be committed (no orphans)', async () => {
    const before = filesOnDisk().length;
    const c = await makeUser(t.db, t.rootOrgId, ['org_admin']);
    const rootCadre = await loginAs(app, c.username, c.password);
    const res = await raw(rootCadre, 'POST', `/api/v1/attachments?ownerType=test_broken&ownerId=1`, multipart(PNG, 'x.png'));
    expect(res.statusCode).toBe(409);
    expect(filesOnDisk()).toHaveLength(before);
  });

  it('attachments follow their org when it moves', async () => {
    const street = await makeOrg(t.db, district, { level: 'street', name: uniq('搬迁街道') });
    const up = await upload(cadre, street.id, PNG, '搬迁.png');
    const c = await makeUser(t.db, t.rootOrgId, ['org_admin']);
    const rootCadre = await loginAs(app, c.username, c.password);
    const moved = await rootCadre.post(`/api/v1/orgs/${street.id}/events`, { type: 'move', date: '2026-01-05', newParentId: other.id });
    expect(moved.status).toBe(201);
    const [row] = await t.owner.select().from(attachments).where(eq(attachments.id, up.body.id));
    expect(row?.orgPath).toBe(`${other.path}${street.id}.`);
    expect((await raw(outsider, 'GET', `/api/v1/attachments/${up.body.id}/download`)).statusCode).toBe(200);
    expect((await raw(cadre, 'GET', `/api/v1/attachments/${up.body.id}/download`)).statusCode).toBe(404);
  });
});
