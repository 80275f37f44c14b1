// 会员账号 endpoints for cadres: the member portal accounts in scope and the reset (the member activates again).
import { api, type Query } from './client.ts';

/** A row of GET /member-accounts (ZMemberAccountRow in @gonghui/common): the name masked, no personal numbers. */
export interface TMemberAccountRow {
  memberId: number;
  nameMasked: string;
  orgId: number;
  orgName: string;
  activatedAt: string | null;
  lastLoginAt: string | null;
  locked: boolean;
}

export const memberAccountsApi = {
  list: (q: Query) => api.get<{ items: TMemberAccountRow[]; total: number }>('/member-accounts', q),
  reset: (memberId: number) => api.post<void>(`/members/${memberId}/account/reset`, {}),
};
