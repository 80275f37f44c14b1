// A logged-in client over app.inject(): keeps the session cookie and sends the CSRF header on writes.
import type { HttpApp } from '../platform/http/index.ts';
import { buildServer } from '../server.ts';
import { createFieldCrypto } from '../platform/crypto/index.ts';

// A fixed key: tests need stable blind indexes, not secrecy.
export const testCrypto = createFieldCrypto(Buffer.alloc(32, 1));
import type { Db } from '../platform/db/index.ts';
import { ROOT_PASSWORDS, type RootAccount } from './db.ts';

export async function buildTestApp(db: Db, opts: { loginRateLimit?: number; exportUnmaskedMaxRows?: number } = {}): Promise<HttpApp> {
  const app = await buildServer(db, { logLevel: 'silent', cookieSecure: false, loginRateLimit: opts.loginRateLimit ?? 10_000, crypto: testCrypto, exportUnmaskedMaxRows: opts.exportUnmaskedMaxRows });
  await app.ready();
  return app;
}

// Test responses are read loosely; production code is typed by the Zod response schemas.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface Res<T = Loose> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export class Client {
  cookies: Record<string, string> = {};
  constructor(private readonly app: HttpApp) {}

  async request<T = Loose>(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const cookie = Object.entries(this.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.csrf_token;
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      payload: payload as object | undefined,
      headers: { ...(cookie ? { cookie } : {}), ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}), ...headers },
    });
    for (const c of res.cookies as { name: string; value: string }[]) {
      if (c.value === '') delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    const text = res.body;
    return { status: res.statusCode, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  }
  get = <T = Loose>(url: string) => this.request<T>('GET', url);
  post = <T = Loose>(url: string, body?: unknown) => this.request<T>('POST', url, body ?? {});
  patch = <T = Loose>(url: string, body: unknown) => this.request<T>('PATCH', url, body);
  put = <T = Loose>(url: string, body: unknown) => this.request<T>('PUT', url, body);
}

export async function loginAs(app: HttpApp, username: string, password: string): Promise<Client> {
  const c = new Client(app);
  const res = await c.post('/api/v1/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return c;
}

/** Logs in as one of the bootstrap's root accounts: `admin` (system admin), `secadmin` or `auditor`. */
export const loginRoot = (app: HttpApp, who: RootAccount): Promise<Client> => loginAs(app, who, ROOT_PASSWORDS[who]);
