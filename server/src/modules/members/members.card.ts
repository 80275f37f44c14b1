// 电子会员卡: the QR carries a short-lived signed token, so a screenshot stops working within minutes.
import { SignJWT, errors, jwtVerify } from 'jose';
import { maskName } from '@gonghui/common';
import type { FieldCrypto } from '../../platform/crypto/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import * as repo from './members.repo.ts';

export const CARD_TOKEN_TTL_S = 300;

export function createCardService({ db, crypto }: { db: Db; crypto: FieldCrypto }) {
  const key = crypto.deriveKey('e-card token');
  return {
    async issue(member: Pick<repo.MemberRow, 'id' | 'cardNo'>) {
      const exp = Math.floor(Date.now() / 1000) + CARD_TOKEN_TTL_S;
      const token = await new SignJWT({ cn: member.cardNo })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(String(member.id))
        .setExpirationTime(exp)
        .setIssuedAt()
        .sign(key);
      return { cardNo: member.cardNo, token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    async verify(token: string) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
        // A desk verifies anyone's card: a public, system lookup of the signed member id.
        const m = await asSystem(() => repo.findById(db, Number(payload.sub)));
        if (!m || m.cardNo !== payload.cn) return { valid: false, reason: 'invalid' as const };
        return {
          valid: m.status === 'active' || m.status === 'retained',
          member: { nameMasked: maskName(m.name), orgName: m.orgName, status: m.status },
        };
      } catch (e) {
        return { valid: false, reason: e instanceof errors.JWTExpired ? ('expired' as const) : ('invalid' as const) };
      }
    },
  };
}

export type CardService = ReturnType<typeof createCardService>;
