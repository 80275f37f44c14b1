// Invoice photos from the member portal: a member uploads JPEG/PNG/PDF (by content), the claim they submit adopts
// only their own unattached uploads, and the union's cadre sees and downloads them on the claim like any case file.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { todayCst } from '@gonghui/common';
import { engines, type TestDb } from '../../test/db.ts';
import { makeOrg, makeUser, PASSWORD, uniq } from '../../test/factories.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { useTestApp } from '../../test/suite.ts';
import { asSystem } from '../../platform/db/index.ts';
import { EXE, PDF, PNG, multipart } from '../../platform/files/fixtures.ts';
import { pruneMemberUploads } from '../../platform/files/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import { capturingSender } from '../../platform/sms/index.ts';
import { activate, addMember, type MemberClient } from './member-portal.testkit.ts';

const YEAR = Number(todayCst().slice(0, 4));
const CLAIM = { type: 'mutual_aid_claim', kind: 'inpatient', hospital: '市第一人民医院', visitDate: `${YEAR}-01-03`, amount: 128_000 };
const upload = (c: MemberClient, file: Buffer, name: string) => {
  const body = multipart(file, name);
  return c.request('POST', '/api/v1/h5/attachments', body.payload, { headers: body.headers });
};

describe.each(engines())('member uploads on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  const sent = capturingSender();
  useTestApp(engine, (s) => ({ t, app } = s), { messageSender: sent });

  async function world() {
    const district = await makeOrg(t.db, t.rootOrgId, { level: 'district', name: uniq('发票区总') });
    const street = await makeOrg(t.db, district, { level: 'street', name: uniq('发票街道') });
    const g1 = await makeOrg(t.db, street, { level: 'grassroots', name: uniq('发票基层') });
    const login = async (id: number): Promise<Client> => loginAs(app, (await makeUser(t.db, id, ['org_admin'])).username, PASSWORD);
    const [dc, c1] = await Promise.all([login(district.id), login(g1.id)]);
    const classes = [{ code: 'active', premium: 12_000, perClaimCap: 300_000, yearlyCap: 500_000 }];
    const plan = await dc.post('/api/v1/mutual-aid/plans', { orgId: district.id, year: YEAR, classes });
    const planId = (plan.body as { id: number }).id;
    await dc.put(`/api/v1/mutual-aid/plans/${planId}/quotas`, { orgId: street.id, quotas: [{ classCode: 'active', headcount: 100 }] });
    const enrol = await c1.post('/api/v1/mutual-aid/enrolments', {
      planId,
      orgId: g1.id,
      classCode: 'active',
      headcount: 5,
      enrolledAt: `${YEAR}-01-02`,
    });
    expect(enrol.status, JSON.stringify(enrol.body)).toBe(201);
    const me = await activate(app, sent, await addMember(c1, g1.id));
    const other = await activate(app, sent, await addMember(c1, g1.id));
    return { c1, me, other };
  }

  it('uploads, adopts own photos onto the claim, refuses another’s, and the cadre downloads them', async () => {
    const { c1, me, other } = await world();
    const png = await upload(me, PNG, '发票1.png');
    expect(png.status, JSON.stringify(png.body)).toBe(201);
    expect(png.body).toMatchObject({ name: '发票1.png', size: PNG.length });
    const pdf = await upload(me, PDF, '发票2.pdf');
    expect(pdf.status).toBe(201);
    const exe = await upload(me, EXE, 'setup.png');
    expect(exe.status).toBe(400);
    expect(JSON.stringify(exe.body)).toMatch(/[\u4e00-\u9fa5]/);
    const theirs = await upload(other, PNG, '别人的.png');
    expect(theirs.status).toBe(201);
    // A cadre session is no member: 401.
    const asCadre = multipart(PNG, 'x.png');
    const cookie = Object.entries(c1.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const cadreUpload = await app.inject({
      method: 'POST',
      url: '/api/v1/h5/attachments',
      payload: asCadre.payload,
      headers: { ...asCadre.headers, cookie },
    });
    expect(cadreUpload.statusCode).toBe(401);

    const ids = (...r: { body: unknown }[]) => r.map((x) => (x.body as { id: number }).id);
    const stolen = await me.post('/api/v1/h5/cases', { ...CLAIM, attachments: ids(png, theirs) });
    expect([400, 404]).toContain(stolen.status);
    const ok = await me.post('/api/v1/h5/cases', { ...CLAIM, attachments: ids(png, pdf) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const claimId = (ok.body as { id: number }).id;
    // Already adopted: a second claim cannot take them again.
    expect((await me.post('/api/v1/h5/cases', { ...CLAIM, attachments: ids(png) })).status).toBe(404);

    const detail = await c1.get(`/api/v1/mutual-aid/claims/${claimId}`);
    expect(detail.status).toBe(200);
    const files = (detail.body as { attachments: { id: number; name: string; uploadedBy: string | null }[] }).attachments;
    expect(files.map((f) => f.name)).toEqual(['发票1.png', '发票2.pdf']);
    expect(files[0]?.uploadedBy).toBe('职工本人');
    const dl = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${claimId}/attachments/${files[0]?.id}/download`,
      headers: { cookie },
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PNG)).toBe(true);

    // The other member's orphan is hidden after a day.
    await asSystem(() =>
      t.db.execute(sql`UPDATE attachments SET created_at = created_at - interval '2 days' WHERE owner_type = 'member_upload'`),
    );
    expect(await pruneMemberUploads(t.db)).toBeGreaterThanOrEqual(1);
    expect((await other.post('/api/v1/h5/cases', { ...CLAIM, attachments: ids(theirs) })).status).toBe(404);
  });
});
