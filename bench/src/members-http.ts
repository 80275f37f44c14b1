// Logs in over real HTTP and returns the session cookie header (name=value pairs) for later requests. An account the
// MFA policy obliges to enrol (admins, by default) enrols TOTP on the spot, as the console would make it do.
import { base32Decode, totp } from '../../server/src/modules/auth/index.ts';

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

export async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = cookiesOf(res);
  const body = (await res.json()) as { user?: { mfaEnrollmentRequired?: boolean } };
  if (body.user?.mfaEnrollmentRequired) await enrolTotp(base, cookie);
  return cookie;
}

async function enrolTotp(base: string, cookie: string): Promise<void> {
  const csrf = /csrf_token=([^;]+)/.exec(cookie)?.[1] ?? '';
  const post = (path: string, body: unknown) =>
    fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });
  const begin = (await (await post('/auth/mfa/totp', {})).json()) as { secret: string };
  const ok = await post('/auth/mfa/totp/confirm', { code: totp(base32Decode(begin.secret), Date.now()) });
  if (ok.status !== 200) throw new Error(`TOTP enrolment: ${ok.status} ${await ok.text()}`);
}
