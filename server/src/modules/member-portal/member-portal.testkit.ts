// Test helpers: a member's browser (its own cookies, the member CSRF header on writes), members made through the
// console API, and the SMS codes a capturing sender kept.
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { asSystem, type Db } from '../../platform/db/index.ts';
import type { HttpApp } from '../../platform/http/index.ts';
import type { capturingSender } from '../../platform/sms/index.ts';
import { makeOrg, makeUser, newIdNumber, uniq } from '../../test/factories.ts';
import { loginAs, type Client, type Res } from '../../test/http.ts';

export type Captured = ReturnType<typeof capturingSender>;

/** Each member browser comes from its own address, as members do (the per-IP limits stay out of the way). */
const randomIp = () => `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

export class MemberClient {
  cookies: Record<string, string> = {};
  constructor(
    private readonly app: HttpApp,
    readonly remoteAddress: string = randomIp(),
  ) {}

  async request(
    method: string,
    url: string,
    payload?: unknown,
    o: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<Res> {
    const cookie = Object.entries(this.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const csrf = o.csrf !== false && method !== 'GET' && this.cookies.gh_mcsrf ? { 'x-csrf-token': this.cookies.gh_mcsrf } : {};
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.remoteAddress,
      payload: payload as object | undefined,
      headers: { ...(cookie ? { cookie } : {}), ...csrf, ...o.headers },
    });
    for (const c of res.cookies as { name: string; value: string }[]) {
      if (c.value === '') delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    const json = String(res.headers['content-type'] ?? '').startsWith('application/json') && !res.headers['content-disposition'];
    return {
      status: res.statusCode,
      body: json && res.body ? (JSON.parse(res.body) as unknown) : res.rawPayload,
      headers: res.headers,
    };
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown, o?: { csrf?: boolean }) => this.request('POST', url, body ?? {}, o);
}

export const newPhone = () => `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

export interface TestMember {
  id: number;
  orgId: number;
  idNumber: string;
  phone: string;
  name: string;
}

/** A union under the root with a cadre (org_admin + privacy officer: may reveal) and one member with a phone. */
export async function memberWithCadre(app: HttpApp, db: Db, rootOrgId: number): Promise<{ cadre: Client; member: TestMember }> {
  const org = await makeOrg(db, rootOrgId, { level: 'grassroots', name: uniq('会员服务测试工会') });
  const u = await makeUser(db, org.id, ['org_admin', 'privacy_officer']);
  const cadre = await loginAs(app, u.username, u.password);
  return { cadre, member: await addMember(cadre, org.id) };
}

export async function addMember(cadre: Client, orgId: number): Promise<TestMember> {
  const m = { orgId, name: '王小明', idNumber: newIdNumber(), phone: newPhone(), joinedAt: '2021-05-01' };
  const res = await cadre.post<{ id: number }>('/api/v1/members', m);
  if (res.status !== 201 && res.status !== 200) throw new Error(`member: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, orgId, idNumber: m.idNumber, phone: m.phone, name: m.name };
}

/** The last code sent to `phone`. */
export function codeFor(sent: Captured, phone: string): string {
  const msg = [...sent.sent].reverse().find((s) => s.phone === phone);
  const code = msg?.text.match(/(\d{6})/)?.[1];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

/** Lets the next code request through the one-a-minute limit (the codes were asked for two minutes earlier). */
export const ageCodeRequests = (db: Db) =>
  asSystem(() => db.execute(sql`UPDATE member_codes SET created_at = created_at - interval '2 minutes'`));

/** Code request + activation; returns the signed-in member client. */
export async function activate(app: HttpApp, sent: Captured, m: TestMember, extra: Record<string, unknown> = {}): Promise<MemberClient> {
  const c = new MemberClient(app);
  const req = await c.post('/api/v1/h5/auth/code', { idNumber: m.idNumber, phone: m.phone });
  if (req.status !== 202) throw new Error(`code: ${req.status} ${JSON.stringify(req.body)}`);
  const res = await c.post('/api/v1/h5/auth/activate', {
    idNumber: m.idNumber,
    phone: m.phone,
    code: codeFor(sent, m.phone),
    consent: true,
    consentVersion: '2026-12',
    ...extra,
  });
  if (res.status !== 200) throw new Error(`activate: ${res.status} ${JSON.stringify(res.body)}`);
  return c;
}
