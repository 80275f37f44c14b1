// Helpers of the mutual-aid tests: cadres (built-in or custom roles), members, claims and kernel actions.
import { expect } from 'vitest';
import type { TestDb } from '../../test/db.ts';
import { loginAs, type Client } from '../../test/http.ts';
import { makeUser, newIdNumber, PASSWORD, uniq, type OrgRef } from '../../test/factories.ts';
import { roles } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';

export const DIAGNOSIS = '急性心肌梗死（保密诊断）';
export const claimUrl = (id: number) => `/api/v1/mutual-aid/claims/${id}`;

export function mutualAidKit(env: () => { t: TestDb; app: HttpApp }) {
  const login = async (org: OrgRef, roleKeys = ['org_admin']) => {
    const { t, app } = env();
    const u = await makeUser(t.db, org.id, roleKeys);
    return loginAs(app, u.username, PASSWORD);
  };
  const role = async (permissions: string[]) => {
    const key = uniq('r_ma').toLowerCase().slice(0, 30);
    await env()
      .t.db.insert(roles)
      .values({ key, name: uniq('互助测试角色'), permissions });
    return key;
  };
  const act = async (c: Client, id: number, action: string, extra: Record<string, unknown> = {}) => {
    const cur = await c.get(claimUrl(id));
    const version = (cur.body as { version: number }).version;
    return c.post(`${claimUrl(id)}/actions/${action}`, { version, ...extra });
  };
  const member = async (c: Client, orgId: number, name: string) => {
    const res = await c.post('/api/v1/members', { orgId, name, idNumber: newIdNumber(), joinedAt: '2020-01-01' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return (res.body as { id: number }).id;
  };
  const claim = (c: Client, planId: number, o: Record<string, unknown>) =>
    c.post('/api/v1/mutual-aid/claims', { planId, classCode: 'active', kind: 'inpatient', diagnosis: DIAGNOSIS, ...o });
  return { login, role, act, member, claim };
}
