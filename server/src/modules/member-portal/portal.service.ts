// The member's own view: profile (masked), e-card, everything held about them (个人信息查阅), its download, and the
// withdrawal of optional consents. All reads are system lookups bounded by the session's member id.
import { maskName, type MemberOptionalConsent, type TMemberMyData } from '@gonghui/common';
import { recordAudit } from '../../platform/audit/index.ts';
import { asSystem, type Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/index.ts';
import type { CardService } from '../members/index.ts';
import * as repo from './accounts.repo.ts';
import { revealsOf, transfersOf } from './portal.repo.ts';
import { memberOrigin, type MemberCtx } from './member-auth.ts';

type Consents = Record<string, { granted: boolean; at: string }>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function createPortalService({ db, cards }: { db: Db; cards: CardService }) {
  async function load(memberId: number) {
    const [m, account] = await Promise.all([repo.memberFacts(db, memberId), repo.accountOfMember(db, memberId)]);
    if (!m || !account) throw new AppError('UNAUTHENTICATED');
    return { m, account };
  }

  /** By member id: the login and activation answers call it before the request has a member session. */
  const me = (memberId: number) =>
    asSystem(async () => {
      const { m, account } = await load(memberId);
      return {
        name: m.name,
        idMasked: m.idMasked,
        phoneMasked: m.phoneMasked,
        orgName: m.orgName,
        joinedAt: m.joinedAt,
        status: m.status,
        card: { cardNo: m.cardNo, status: m.status },
        account: { activatedAt: iso(account.activatedAt), hasPassword: account.passwordHash !== null },
      };
    });

  const card = (ctx: MemberCtx, origin: string) =>
    asSystem(async () => {
      const { m } = await load(ctx.member.memberId);
      const issued = await cards.issue({ id: m.id, cardNo: m.cardNo });
      return { ...issued, verifyUrl: `${origin}/v/${encodeURIComponent(issued.token)}` };
    });

  const myData = (ctx: MemberCtx): Promise<TMemberMyData> =>
    asSystem(async () => {
      const { m, account } = await load(ctx.member.memberId);
      const [sessions, reveals, transfers] = await Promise.all([
        repo.sessionsOf(db, account.id),
        revealsOf(db, m.id),
        transfersOf(db, m.id),
      ]);
      return {
        profile: {
          name: m.name,
          idMasked: m.idMasked,
          phoneMasked: m.phoneMasked,
          gender: m.gender,
          birthYear: m.birthYear,
          orgName: m.orgName,
          joinedAt: m.joinedAt,
          status: m.status,
          statusSince: m.statusSince,
          categories: m.categories,
          cardNo: m.cardNo,
        },
        account: {
          activatedAt: iso(account.activatedAt),
          lastLoginAt: iso(account.lastLoginAt),
          hasPassword: account.passwordHash !== null,
          consentVersion: account.consentVersion,
          consentAt: iso(account.consentAt),
          consents: account.consents as Consents,
        },
        sessions: sessions.map((s) => ({
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          current: s.id === ctx.member.sessionId,
        })),
        transfers: transfers.map((x) => ({
          number: x.number,
          status: x.status,
          fromOrg: x.fromOrg,
          toOrg: x.toOrg,
          createdAt: x.createdAt.toISOString(),
          updatedAt: x.updatedAt.toISOString(),
        })),
        viewedBy: reveals.map((r) => ({ at: r.at.toISOString(), cadreName: r.cadreName, orgName: r.orgName, reason: r.reason })),
      };
    });

  /** The download is audited: it leaves the server with the member's data. */
  const exported = (ctx: MemberCtx, format: 'json' | 'xlsx') =>
    asSystem(async () => {
      const data = await myData(ctx);
      await db.transaction((tx) =>
        recordAudit(tx, memberOrigin(ctx.member.memberId, ctx.ip, ctx.requestId), {
          action: 'member_account.data_export',
          orgId: ctx.member.orgId,
          orgPath: ctx.member.orgPath,
          entityType: 'member',
          entityId: ctx.member.memberId,
          after: { format },
        }),
      );
      return { data, fileStem: `我的会员数据-${maskName(data.profile.name)}` };
    });

  const withdrawConsent = (ctx: MemberCtx, key: MemberOptionalConsent) =>
    asSystem(async () => {
      const { account } = await load(ctx.member.memberId);
      const before = account.consents as Consents;
      const consents: Consents = { ...before, [key]: { granted: false, at: new Date().toISOString() } };
      await db.transaction(async (tx) => {
        await repo.updateAccount(tx, account.id, { consents });
        await recordAudit(tx, memberOrigin(ctx.member.memberId, ctx.ip, ctx.requestId), {
          action: 'member_account.consent_withdraw',
          orgId: ctx.member.orgId,
          orgPath: ctx.member.orgPath,
          entityType: 'member',
          entityId: ctx.member.memberId,
          before: { [key]: before[key]?.granted ?? false },
          after: { [key]: false },
        });
      });
      return { consents };
    });

  return { me, card, myData, exported, withdrawConsent };
}

export type PortalService = ReturnType<typeof createPortalService>;
