// Login defences: progressive delays per account name and per client IP instead of a lock anyone can trigger,
// a hard lock only at a high tier (lifted by a security admin), and an audit alert when a key crosses a tier.
import { ACCOUNT_THROTTLE_PREFIX, type Db, type DbOrTx } from '../../platform/db/index.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/index.ts';
import { AppError } from '../../platform/http/index.ts';
import * as throttleRepo from './throttle.repo.ts';
import type { ThrottleRule } from './throttle.repo.ts';

const DAY_SEC = 24 * 3600;
/**
 * After 3 failures each attempt waits 2^5, 2^6 … s (at most 15 min), so reaching 20 failures in 24 h — the
 * hard lock — takes an attacker hours, with an alert at the start.
 */
export const ACCOUNT_RULE: ThrottleRule = { free: 3, lockAt: 20, windowSec: DAY_SEC, firstDelaySec: 32, maxDelaySec: 900 };
/** An office behind one NAT shares an address, so an IP gets more room and is never locked. */
export const IP_RULE: ThrottleRule = { free: 10, lockAt: null, windowSec: DAY_SEC, firstDelaySec: 32, maxDelaySec: 900 };
/** An IP crossing this many failures raises a second alert. */
const IP_ALERT_AGAIN = 100;

type Scope = 'account' | 'ip';
interface Slot {
  scope: Scope;
  key: string;
  rule: ThrottleRule;
  /** Failures counted for this key, this attempt included. */
  failures: number;
}
export interface Attempt {
  slots: Slot[];
}

export const accountKey = (username: string) => `${ACCOUNT_THROTTLE_PREFIX}${username.trim().toLowerCase().slice(0, 90)}`;
const ipKey = (ip: string) => `ip:${ip.slice(0, 90)}`;

class Refused extends Error {
  constructor(readonly key: string) {
    super('throttled');
  }
}

function throttledError(wait: number | null): AppError {
  // The same wording whether or not the account exists: unknown names are throttled exactly alike.
  if (wait === null)
    return new AppError('LOGIN_THROTTLED', '登录失败次数过多，账号已被锁定，请联系安全管理员解锁', undefined, { retryAfterSec: 3600 });
  return new AppError('LOGIN_THROTTLED', `登录尝试过于频繁，请${wait}秒后再试`, undefined, { retryAfterSec: wait });
}

/**
 * Reserves one attempt on every key (all or none) before the password is checked; throws 429 when any key
 * must wait. The reservation counts as a failure until `succeeded` gives it back.
 */
export async function reserveAttempt(db: Db, username: string, ip: string | null, scopes: Scope[] = ['ip', 'account']): Promise<Attempt> {
  const wanted: Omit<Slot, 'failures'>[] = [];
  if (scopes.includes('ip') && ip) wanted.push({ scope: 'ip', key: ipKey(ip), rule: IP_RULE });
  if (scopes.includes('account')) wanted.push({ scope: 'account', key: accountKey(username), rule: ACCOUNT_RULE });
  try {
    const slots = await db.transaction(async (tx) => {
      const out: Slot[] = [];
      for (const w of wanted) {
        const failures = await throttleRepo.reserve(tx, w.key, w.rule);
        if (failures === null) throw new Refused(w.key);
        out.push({ ...w, failures });
      }
      return out;
    });
    return { slots };
  } catch (err) {
    if (err instanceof Refused) throw throttledError(await throttleRepo.waitOf(db, err.key));
    throw err;
  }
}

/** The password was right: the account starts over; the IP only gets this attempt back. */
export async function succeeded(tx: DbOrTx, a: Attempt): Promise<void> {
  for (const s of a.slots) {
    if (s.scope === 'account') await throttleRepo.clear(tx, s.key);
    else await throttleRepo.refund(tx, s.key);
  }
}

export interface FailedAccount {
  id: number;
  username: string;
  orgId: number;
  orgPath: string;
}

/** Writes `auth.alert` for each key this failure pushed across a tier; returns whether the account got locked. */
export async function alertOnTiers(
  tx: DbOrTx,
  a: Attempt,
  origin: AuditOrigin,
  user: FailedAccount | undefined,
): Promise<{ locked: boolean }> {
  let locked = false;
  for (const s of a.slots) {
    const tier = tierCrossed(s);
    if (!tier) continue;
    if (tier === 'locked') locked = true;
    const isAccount = s.scope === 'account';
    await recordAudit(tx, origin, {
      action: 'auth.alert',
      orgId: isAccount ? user?.orgId : null,
      orgPath: isAccount ? user?.orgPath : null,
      entityType: isAccount && user ? 'user' : undefined,
      entityId: isAccount ? user?.id : undefined,
      after: { scope: s.scope, tier, failures: s.failures, key: s.key.slice(s.key.indexOf(':') + 1) },
    });
  }
  return { locked };
}

function tierCrossed(s: Slot): 'throttled' | 'locked' | 'persistent' | null {
  if (s.rule.lockAt !== null && s.failures === s.rule.lockAt) return 'locked';
  if (s.failures === s.rule.free) return 'throttled';
  if (s.scope === 'ip' && s.failures === IP_ALERT_AGAIN) return 'persistent';
  return null;
}

/** Housekeeping for the periodic sweep in main.ts. */
export const pruneLoginThrottle = (db: DbOrTx) => throttleRepo.prune(db, DAY_SEC);
export const unlockAccount = (db: DbOrTx, username: string) => throttleRepo.clear(db, accountKey(username));
