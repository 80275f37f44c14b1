// Logging in over real HTTP (fetch), for tests that run the server as `npm start` does or listen on a port:
// the password step, the TOTP step when asked, and enrolment when the policy obliges the account to enrol.
import { timeStep } from '../modules/auth/index.ts';
import { codeAt } from './mfa.ts';

export interface FetchSession {
  cookie: string;
  csrf: string;
  /** Headers for a JSON request with this session (cookie, CSRF token). */
  headers: Record<string, string>;
}

/** One authenticator: the secret and the last step used, since the server refuses a code twice. */
export interface Authenticator {
  secret?: string;
  lastStep: number;
}

class Jar {
  private readonly map = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
      if (value === '') this.map.delete(name);
      else this.map.set(name, value);
    }
  }
  session(): FetchSession {
    const cookie = [...this.map].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.map.get('csrf_token') ?? '';
    return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' } };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A code the server will take: within ±1 step of now and after the last one used (waits for the next step if spent). */
async function nextCode(a: Authenticator & { secret: string }): Promise<string> {
  for (;;) {
    const now = timeStep(Date.now());
    const step = Math.max(now - 1, a.lastStep + 1);
    if (step <= now + 1) {
      a.lastStep = step;
      return codeAt(a.secret, step);
    }
    await sleep(1000);
  }
}

export async function fetchLogin(base: string, username: string, password: string, auth: Authenticator): Promise<FetchSession> {
  const jar = new Jar();
  const post = async (url: string, body: unknown) => {
    const res = await fetch(`${base}${url}`, { method: 'POST', headers: jar.session().headers, body: JSON.stringify(body) });
    jar.take(res);
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  };
  const login = await post('/api/v1/auth/login', { username, password });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${JSON.stringify(login.body)}`);
  if (login.body.mfaRequired) {
    if (!auth.secret) throw new Error(`${username} has a second factor this helper did not enrol`);
    const done = await post('/api/v1/auth/login/mfa', { code: await nextCode(auth as Authenticator & { secret: string }) });
    if (done.status !== 200) throw new Error(`TOTP login ${username}: ${done.status} ${JSON.stringify(done.body)}`);
    return jar.session();
  }
  const user = login.body.user as { mfaEnrollmentRequired?: boolean };
  if (user.mfaEnrollmentRequired) {
    const begun = await post('/api/v1/auth/mfa/totp', {});
    auth.secret = String(begun.body.secret);
    auth.lastStep = timeStep(Date.now()) - 2;
    const confirmed = await post('/api/v1/auth/mfa/totp/confirm', { code: await nextCode(auth as Authenticator & { secret: string }) });
    if (confirmed.status !== 200) throw new Error(`TOTP enrolment ${username}: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  }
  return jar.session();
}
