// A city union's half year, seeded through the API as cadres would record it: unions of several kinds founded
// before, inside and after H1 2026, members joining, leaving and transferring. Shared by the stats and report tests.
import type { Client } from './http.ts';
import { newIdNumber } from './factories.ts';

export interface Scenario {
  district: number;
  otherDistrict: number;
  street: number;
  unions: Record<'old' | 'private' | 'migrant' | 'newForms' | 'late', number>;
}

async function created(res: Promise<{ status: number; body: { id: number; message?: string } }>): Promise<number> {
  const r = await res;
  if (r.status !== 201) throw new Error(`expected 201, got ${r.status}: ${r.body.message ?? ''}`);
  return r.body.id;
}

export async function seedHalfYear(admin: Client, rootId: number, tag: string): Promise<Scenario> {
  const org = (parentId: number, name: string, level: string, kind: string, foundedAt?: string) =>
    created(admin.post('/api/v1/orgs', { parentId, name: `${name}${tag}`, level, kind, ...(foundedAt ? { foundedAt } : {}) }));
  const district = await org(rootId, '东湖区总工会', 'district', 'other', '2010-01-01');
  const otherDistrict = await org(rootId, '西山区总工会', 'district', 'other', '2010-01-01');
  const street = await org(district, '新桥街道总工会', 'street', 'other', '2012-01-01');
  const unions = {
    old: await org(street, '华信电子有限公司工会', 'grassroots', 'enterprise_private', '2025-11-03'),
    private: await org(street, '明月食品有限公司工会', 'grassroots', 'enterprise_private', '2026-02-10'),
    migrant: await org(street, '新桥建筑工地农民工工会', 'grassroots', 'migrant', '2026-03-15'),
    newForms: await org(street, '新桥快递员工会', 'grassroots', 'new_forms', '2026-05-20'),
    late: await org(street, '东湖机械厂工会', 'grassroots', 'enterprise_state', '2026-08-01'),
  };
  const member = (orgId: number, joinedAt: string, categories: string[] = [], female = false) =>
    created(
      admin.post('/api/v1/members', {
        orgId,
        name: female ? '李秀英' : '张伟',
        idNumber: newIdNumber('19900307', female),
        joinedAt,
        categories,
      }),
    );
  const old1 = await member(unions.old, '2025-12-01');
  await member(unions.old, '2025-12-02', [], true);
  const old3 = await member(unions.old, '2025-12-03');
  await member(unions.old, '2026-01-15', ['migrant']);
  const moving = await member(unions.old, '2026-02-01', [], true);
  for (const [i, cats] of [[], [], ['migrant'], ['migrant']].entries())
    await member(unions.private, `2026-03-0${i + 1}`, cats, i % 2 === 1);
  for (let i = 0; i < 3; i++) await member(unions.migrant, `2026-04-0${i + 1}`, ['migrant']);
  for (let i = 0; i < 2; i++) await member(unions.newForms, `2026-06-1${i}`, ['new_forms', 'migrant']);
  await member(unions.late, '2026-08-05');
  // One quits in April; one moves inside the street (no net change); one leaves the district for another.
  await expectOk(admin.post(`/api/v1/members/${old1}/leave`, { date: '2026-04-01', kind: 'quit', reason: '离职' }));
  await transfer(admin, moving, unions.private, '2026-04-20');
  const far = await org(otherDistrict, '西山物流园区工会', 'grassroots', 'enterprise_private', '2020-01-01');
  await transfer(admin, old3, far, '2026-05-01');
  return { district, otherDistrict, street, unions };
}

async function expectOk(res: Promise<{ status: number; body: { message?: string } }>): Promise<void> {
  const r = await res;
  if (r.status >= 300) throw new Error(`expected success, got ${r.status}: ${r.body.message ?? ''}`);
}

async function transfer(admin: Client, memberId: number, toOrgId: number, date: string): Promise<void> {
  const res = await admin.post(`/api/v1/members/${memberId}/transfers`, { toOrgId, date, reason: '工作调动' });
  const id = await created(Promise.resolve(res));
  await expectOk(admin.post(`/api/v1/transfers/${id}/actions/accept`, { version: (res.body as { version?: number }).version }));
}
