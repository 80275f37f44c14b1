// Member registry endpoints: members, their history and e-card, exports and imports (transfers: api/transfers.ts).
import type { MemberCategory, MemberStatus, TMember, TMemberRevealed } from '@gonghui/common';
import { api, download, type Page, type Query } from './client.ts';
import type { MemberWithTransfer } from './transfers.ts';

export interface MemberPage extends Omit<Page<TMember>, 'total'> {
  /** null on a keyset page (one fetched with `cursor`): only the first page counts. */
  total: number | null;
  /** false when more rows match than the server counts (10000+). */
  totalExact: boolean;
  nextAfter: number | null;
  /** Pass as `cursor` (with the same sort) for the next page; null on the last one. */
  nextCursor: string | null;
}

/** The roster's orders: newest registered first (default), latest join date first, name by pinyin. */
export type MemberSort = 'id' | 'joinedAt' | 'name';

export interface MemberFilters {
  orgId?: number;
  subtree?: boolean;
  q?: string;
  idNumber?: string;
  category?: MemberCategory;
  status?: MemberStatus | 'all';
  joinedFrom?: string;
  joinedTo?: string;
  leftFrom?: string;
  leftTo?: string;
}

export interface MemberCreateBody {
  orgId: number;
  name: string;
  idNumber: string;
  phone?: string;
  joinedAt: string;
  categories?: MemberCategory[];
  gender?: 'male' | 'female';
}

export interface MemberUpdateBody {
  name?: string;
  phone?: string | null;
  joinedAt?: string;
  categories?: MemberCategory[];
}

export type MemberEventType = 'join' | 'retire_keep' | 'quit' | 'transfer_out' | 'transfer_in';

export interface MemberEvent {
  id: number;
  type: string;
  date: string;
  orgId: number;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface LeaveBody {
  date: string;
  reason?: string;
  kind: 'retire_keep' | 'quit';
}

export interface MemberCard {
  cardNo: string;
  token: string;
  expiresAt: string;
}

export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportJob {
  id: number;
  orgId?: number;
  orgName?: string;
  fileName?: string;
  status: ImportStatus;
  dryRun: boolean;
  progress: number;
  /** Every row is checked and staged; the members are being written into the roster. */
  publishing: boolean;
  /** Why a failed job failed (e.g. no header row). */
  message?: string | null;
  totalRows: number;
  validRows: number;
  imported: number;
  updated: number;
  skipped: number;
  errors: { row: number; column?: string; message: string }[];
  errorCount?: number;
  noticeCount?: number;
  notices?: { row: number; message: string }[];
}

function filterQuery(f: MemberFilters): Query {
  return {
    orgId: f.orgId,
    subtree: f.subtree === undefined ? undefined : String(f.subtree),
    q: f.q,
    idNumber: f.idNumber,
    category: f.category,
    status: f.status,
    joinedFrom: f.joinedFrom,
    joinedTo: f.joinedTo,
    leftFrom: f.leftFrom,
    leftTo: f.leftTo,
  };
}

export const memberApi = {
  list: (f: MemberFilters, page: number, pageSize: number) => api.get<MemberPage>('/members', { ...filterQuery(f), page, pageSize }),
  /** A keyset page: the first without `cursor` (it carries the total), each next one with the previous `nextCursor`. */
  keysetPage: (f: MemberFilters, sort: MemberSort, pageSize: number, cursor: string | undefined) =>
    api.get<MemberPage>('/members', { ...filterQuery(f), sort, pageSize, cursor }),
  /** With the member's open transfer (接转中), if any. */
  get: (id: number) => api.get<MemberWithTransfer>(`/members/${id}`),
  create: (body: MemberCreateBody) => api.post<TMember & { notice?: string }>('/members', body),
  update: (id: number, body: MemberUpdateBody) => api.patch<TMember>(`/members/${id}`, body),
  events: (id: number) => api.get<{ items: MemberEvent[] }>(`/members/${id}/events`),
  reveal: (id: number, reason: string) => api.post<TMemberRevealed>(`/members/${id}/reveal`, { reason }),
  leave: (id: number, body: LeaveBody) => api.post<TMember>(`/members/${id}/leave`, body),
  card: (id: number) => api.get<MemberCard>(`/members/${id}/card`),
  /** Masked only: full details go through an export request (api/exportRequests.ts). */
  exportXlsx: (f: MemberFilters) => download('/members/export', filterQuery(f), '会员名册.xlsx'),
};

export const importApi = {
  template: () => download('/member-imports/template', undefined, '会员导入模板.xlsx'),
  start: (orgId: number, file: File, dryRun: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<{ id: number }>(`/orgs/${orgId}/member-imports`, form, { dryRun: String(dryRun) });
  },
  get: (id: number) => api.get<ImportJob>(`/member-imports/${id}`),
  errorReport: (id: number) => download(`/member-imports/${id}/error-report`, undefined, '导入错误报告.xlsx'),
};
