// A logged-in client over app.inject(): keeps the session cookie and sends the CSRF header on writes.
import type { HttpApp, LogStream } from '../platform/http/index.ts';
import { buildServer } from '../server.ts';
import { createFieldCrypto } from '../platform/crypto/index.ts';

// A fixed key: tests need stable blind indexes, not secrecy.
export const testCrypto = createFieldCrypto(Buffer.alloc(32, 1));
import type { FieldCrypto } from '../platform/crypto/index.ts';
import type { Db } from '../platform/db/index.ts';
import type { CaseKernel } from '../platform/cases/index.ts';
import type { MessageSender, SmsSettings } from '../platform/sms/index.ts';
import { secondFactorFor } from './mfa.ts';
import { ROOT_PASSWORDS, embeddedDbs, type RootAccount } from './db.ts';

const dbOfApp = new WeakMap<HttpApp, Db>();

export interface TestAppOptions {
  loginRateLimit?: number;
  trustProxy?: string[];
  passwordMaxAgeDays?: number;
  dormantDays?: number;
  crypto?: FieldCrypto;
  exportUnmaskedMaxRows?: number;
  /** DATA_DIR (attachments under DATA_DIR/files); a temporary directory by default. */
  dataDir?: string;
  attachmentMaxBytes?: number;
  /** Defaults to 'silent'; with logStream, tests read what was logged. */
  logLevel?: string;
  logStream?: LogStream;
  /** The case kernel (tests that run the overdue sweep pass their own). */
  cases?: CaseKernel;
  transferExpiryWorkingDays?: number;
  joinDeadlineDays?: number;
  /** Text messages (SMS codes): tests pass a capturing sender to read them. */
  messageSender?: MessageSender;
  /** How messages are sent when no messageSender is given (SMS_SENDER …). */
  sms?: SmsSettings;
  publicBaseUrl?: string;
  /** Defaults to whether `db` is an embedded test database (embeddedDbs). */
  embeddedDb?: boolean;
}

export async function buildTestApp(db: Db, opts: TestAppOptions = {}): Promise<HttpApp> {
  const app = await buildServer(db, {
    logLevel: 'silent',
    cookieSecure: false,
    ...opts,
    crypto: opts.crypto ?? testCrypto,
    loginRateLimit: opts.loginRateLimit ?? 10_000,
    embeddedDb: opts.embeddedDb ?? embeddedDbs.has(db),
  });
  await app.ready();
  dbOfApp.set(app, db);
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
  /** `remoteAddress`: the client's address as the server sees the TCP peer (app.inject defaults to 127.0.0.1). */
  constructor(
    private readonly app: HttpApp,
    readonly remoteAddress?: string,
  ) {}

  async request<T = Loose>(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const cookie = Object.entries(this.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const csrf = this.cookies.csrf_token;
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.remoteAddress,
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

/**
 * Logs in like the console does: password, then the TOTP step when the server asks for it; a user whom the policy
 * obliges to enrol is enrolled on the spot (codes computed with our RFC 6238 function). Returns the login body.
 */
export async function logIn(c: Client, app: HttpApp, username: string, password: string): Promise<Res> {
  const db = dbOfApp.get(app);
  const res = await c.post('/api/v1/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (!db) return res;
  const factor = secondFactorFor(db, username);
  if (res.body.mfaRequired) return factor.answerChallenge(c);
  // A first login changes the password before enrolling (the tests that do so call enrolTotp afterwards).
  if (res.body.user.mfaEnrollmentRequired && !res.body.user.mustChangePassword) await factor.enrol(c);
  return res;
}

/** Enrols TOTP for the logged-in user of `c` (after a forced password change, say) when the policy requires it. */
export async function enrolTotpIfRequired(c: Client, app: HttpApp): Promise<void> {
  const db = dbOfApp.get(app);
  const me = await c.get('/api/v1/me');
  if (db && me.body.user.mfaEnrollmentRequired) await secondFactorFor(db, String(me.body.user.username)).enrol(c);
}

export async function loginAs(app: HttpApp, username: string, password: string, remoteAddress?: string): Promise<Client> {
  const c = new Client(app, remoteAddress);
  await logIn(c, app, username, password);
  return c;
}

/** Logs in as one of the bootstrap's root accounts: `admin` (system admin), `secadmin` or `auditor`. */
export const loginRoot = (app: HttpApp, who: RootAccount): Promise<Client> => loginAs(app, who, ROOT_PASSWORDS[who]);
