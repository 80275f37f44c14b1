// One-time SMS codes for activation and login: 6 digits, valid 5 minutes, dead after 5 wrong tries; a phone gets at
// most one request a minute and 5 an hour, an IP 20 an hour. Every request is recorded whether or not the ID number
// and phone matched a member, so the limits (and the 202) answer alike for members and strangers.
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import type { Db, DbOrTx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/index.ts';
import * as codes from './codes.repo.ts';

export const CODE_TTL_MS = 5 * 60_000;
export const CODE_MAX_TRIES = 5;
export const RESEND_AFTER_SEC = 60;
export const PER_PHONE_PER_HOUR = 5;
export const PER_IP_PER_HOUR = 20;
const HOUR_MS = 3600_000;

export type CodePurpose = 'activation' | 'login' | 'none';

export function createCodes({ db, crypto }: { db: Db; crypto: FieldCrypto }) {
  const hashOf = (phoneHash: string, code: string) => crypto.blindIndex('member-sms-code', `${phoneHash}:${code}`);

  /** Refuses (429) a request over the limits; run before anything is looked up. */
  async function checkLimits(phoneHash: string, ip: string | null, now: Date): Promise<void> {
    const last = await codes.lastRequestAt(db, phoneHash);
    if (last) {
      const wait = RESEND_AFTER_SEC - Math.floor((now.getTime() - last.getTime()) / 1000);
      if (wait > 0)
        throw new AppError('MEMBER_CODE_THROTTLED', `验证码发送过于频繁，请${wait}秒后再试`, undefined, { retryAfterSec: wait });
    }
    const hourAgo = new Date(now.getTime() - HOUR_MS);
    const overPhone = (await codes.countSince(db, { phoneHash }, hourAgo)) >= PER_PHONE_PER_HOUR;
    const overIp = ip !== null && (await codes.countSince(db, { ip }, hourAgo)) >= PER_IP_PER_HOUR;
    if (overPhone || overIp)
      throw new AppError('MEMBER_CODE_THROTTLED', '验证码请求次数过多，请一小时后再试', undefined, { retryAfterSec: 3600 });
  }

  /** Records a request; returns the code to send when there is a member to send it to. */
  async function record(
    tx: DbOrTx,
    r: { phoneHash: string; purpose: CodePurpose; memberId: number | null; ip: string | null; now: Date },
  ): Promise<string | null> {
    const code = r.memberId === null ? null : String(randomInt(0, 1_000_000)).padStart(6, '0');
    await codes.insertCode(tx, {
      phoneHash: r.phoneHash,
      purpose: r.purpose,
      memberId: r.memberId,
      codeHash: code === null ? null : hashOf(r.phoneHash, code),
      expiresAt: new Date(r.now.getTime() + CODE_TTL_MS),
      ip: r.ip,
      createdAt: r.now,
    });
    return code;
  }

  /**
   * Checks `code` against the latest live code of the phone, for `memberId` and one of `purposes`. A wrong code
   * counts a try; the fifth wrong try kills it. A right code is used up.
   */
  async function consume(tx: DbOrTx, phoneHash: string, memberId: number, purposes: CodePurpose[], code: string): Promise<boolean> {
    const row = await codes.liveCode(tx, phoneHash, new Date());
    if (!row || row.attempts >= CODE_MAX_TRIES || row.memberId !== memberId || !purposes.includes(row.purpose as CodePurpose)) return false;
    const want = Buffer.from(row.codeHash ?? '');
    const got = Buffer.from(hashOf(phoneHash, code));
    if (want.length !== got.length || !timingSafeEqual(want, got)) {
      await codes.countWrongTry(tx, row.id);
      return false;
    }
    await codes.markUsed(tx, row.id);
    return true;
  }

  /** A wrong code for a phone whose code belongs to someone else still counts against that code. */
  async function countWrong(tx: DbOrTx, phoneHash: string): Promise<void> {
    const row = await codes.liveCode(tx, phoneHash, new Date());
    if (row) await codes.countWrongTry(tx, row.id);
  }

  return { checkLimits, record, consume, countWrong, prune: (before: Date) => codes.prune(db, before) };
}

export type Codes = ReturnType<typeof createCodes>;
