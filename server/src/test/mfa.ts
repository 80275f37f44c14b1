// The test side of TOTP: the login helper enrols users the policy obliges to, remembers their secrets per database,
// and answers the second step with codes from our own RFC 6238 function, as an authenticator app would.
import { asSystem } from '../platform/db/index.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/index.ts';
import { base32Decode, hotp, timeStep } from '../modules/auth/index.ts';
import type { Client, Res } from './http.ts';

interface Factor {
  secret: string;
  lastStep: number;
}
const secrets = new WeakMap<Db, Map<string, Factor>>();

function store(db: Db): Map<string, Factor> {
  let m = secrets.get(db);
  if (!m) secrets.set(db, (m = new Map()));
  return m;
}

/** The code an authenticator shows at `step` for `secret`. */
export const codeAt = (secret: string, step: number) => hotp(base32Decode(secret), step);
/** The code an authenticator shows now. */
export const currentCode = (secret: string) => codeAt(secret, timeStep(Date.now()));

export function secondFactorFor(db: Db, username: string) {
  const key = username.toLowerCase();
  const known = () => store(db).get(key);

  // A step the server will accept: within ±1 of now and after the last one used. Logins in tests come faster than
  // one per 30 s, so when the window is spent the helper moves the replay guard back, as if time had passed.
  async function nextStep(f: Factor): Promise<number> {
    const now = timeStep(Date.now());
    if (f.lastStep < now + 1) return Math.max(now - 1, f.lastStep + 1);
    await asSystem(() =>
      db.execute(sql`UPDATE user_mfa SET last_step = NULL WHERE user_id = (SELECT id FROM users WHERE lower(username) = ${key})`),
    );
    return now;
  }

  return {
    async enrol(c: Client): Promise<void> {
      const begin = await c.post('/api/v1/auth/mfa/totp');
      if (begin.status !== 200) throw new Error(`TOTP enrolment of ${username}: ${begin.status} ${JSON.stringify(begin.body)}`);
      const f = { secret: String(begin.body.secret), lastStep: timeStep(Date.now()) };
      const ok = await c.post('/api/v1/auth/mfa/totp/confirm', { code: codeAt(f.secret, f.lastStep) });
      if (ok.status !== 200) throw new Error(`TOTP confirmation of ${username}: ${ok.status} ${JSON.stringify(ok.body)}`);
      store(db).set(key, f);
    },
    async answerChallenge(c: Client): Promise<Res> {
      const f = known();
      if (!f) throw new Error(`${username} has TOTP enrolled outside the test helper; log in with its secret yourself`);
      let res: Res | undefined;
      for (let i = 0; i < 3; i++) {
        const step = await nextStep(f);
        f.lastStep = Math.max(f.lastStep, step);
        res = await c.post('/api/v1/auth/login/mfa', { code: codeAt(f.secret, step) });
        if (res.status === 200) return res;
        if (res.body?.code !== 'MFA_FAILED') break;
      }
      throw new Error(`TOTP login of ${username} failed: ${res?.status} ${JSON.stringify(res?.body)}`);
    },
  };
}
