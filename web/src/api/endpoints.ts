// One typed function per API endpoint the console uses.
import type {
  OrgEventType,
  OrgKind,
  OrgLevel,
  TAuditEvent,
  TMe,
  TMfaStatus,
  TOrg,
  TOrgEvent,
  TOrgSearchHit,
  TRole,
  TUser,
} from '@gonghui/common';
import { api, type Page, type Query } from './client.ts';

export type MeUser = TMe['user'];

export interface OrgSummary {
  orgCount: number;
  active: number;
  dissolved: number;
  byLevel: Record<string, number>;
  byKind: Record<string, number>;
}

export interface OrgCreateBody {
  parentId: number;
  name: string;
  level: OrgLevel;
  kind: OrgKind;
  uscc?: string;
  foundedAt?: string;
  divisionCode?: string;
  chairName?: string;
  contactName?: string;
  employerName?: string;
  headcount?: number;
  address?: string;
}

export type OrgUpdateBody = Partial<
  Record<'uscc' | 'foundedAt' | 'divisionCode' | 'chairName' | 'contactName' | 'employerName' | 'address', string | null>
> & {
  kind?: OrgKind;
  headcount?: number | null;
};

export interface OrgEventBody {
  type: Exclude<OrgEventType, 'found'>;
  date: string;
  note?: string;
  newName?: string;
  chairName?: string;
  termYears?: number;
  newLevel?: OrgLevel;
  newParentId?: number;
  reason?: string;
}

export interface UserCreateBody {
  username: string;
  displayName?: string;
  password: string;
  orgId: number;
  roles: string[];
}

export interface UserUpdateBody {
  displayName?: string;
  roles?: string[];
  disabled?: boolean;
  password?: string;
}

export interface RoleCreateBody {
  key: string;
  name: string;
  permissions: string[];
}

export type AuditChainBreak =
  | 'hash_mismatch'
  | 'legacy_after_keyed'
  | 'legacy_unsealed'
  | 'unknown_version'
  | 'seal_mismatch'
  | 'tail_deleted'
  | 'truncated'
  | 'seal_forged';

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  /** The id the latest valid seal (outside the database) vouches for. */
  sealedThrough?: number;
  reason?: AuditChainBreak;
}

/** Either a session (user) or, for an account with a second factor, the request for a code. */
export type LoginResponse = { user: MeUser } | { mfaRequired: true };

export const authApi = {
  login: (username: string, password: string) => api.post<LoginResponse>('/auth/login', { username, password }, { skipAuthRedirect: true }),
  loginMfa: (code: string) => api.post<{ user: MeUser }>('/auth/login/mfa', { code }, { skipAuthRedirect: true }),
  mfaStatus: () => api.get<TMfaStatus>('/auth/mfa'),
  mfaBegin: () => api.post<{ secret: string; otpauthUri: string }>('/auth/mfa/totp'),
  mfaConfirm: (code: string) => api.post<{ recoveryCodes: string[] }>('/auth/mfa/totp/confirm', { code }),
  mfaDisable: (code: string) => api.post<void>('/auth/mfa/totp/disable', { code }),
  logout: () => api.post<void>('/auth/logout'),
  changePassword: (oldPassword: string, newPassword: string) => api.post<void>('/auth/password', { oldPassword, newPassword }),
  me: () => api.get<TMe>('/me'),
};

export const orgApi = {
  get: (id: number) => api.get<TOrg>(`/orgs/${id}`),
  children: (id: number, page: number, pageSize: number) => api.get<Page<TOrg>>(`/orgs/${id}/children`, { page, pageSize }),
  search: (query: Query) => api.get<Page<TOrgSearchHit>>('/orgs', query),
  ancestors: (id: number) => api.get<{ items: TOrg[] }>(`/orgs/${id}/ancestors`),
  summary: (id: number) => api.get<OrgSummary>(`/orgs/${id}/summary`),
  events: (id: number, page: number, pageSize: number) => api.get<Page<TOrgEvent>>(`/orgs/${id}/events`, { page, pageSize }),
  create: (body: OrgCreateBody) => api.post<TOrg>('/orgs', body),
  update: (id: number, body: OrgUpdateBody) => api.patch<TOrg>(`/orgs/${id}`, body),
  addEvent: (id: number, body: OrgEventBody) => api.post<TOrgEvent>(`/orgs/${id}/events`, body),
};

export const userApi = {
  list: (query: Query) => api.get<Page<TUser>>('/users', query),
  get: (id: number) => api.get<TUser>(`/users/${id}`),
  create: (body: UserCreateBody) => api.post<TUser>('/users', body),
  update: (id: number, body: UserUpdateBody) => api.patch<TUser>(`/users/${id}`, body),
  unlock: (id: number) => api.post<TUser>(`/users/${id}/unlock`),
};

export const roleApi = {
  list: () => api.get<{ items: TRole[] }>('/roles'),
  create: (body: RoleCreateBody) => api.post<TRole>('/roles', body),
};

export const auditApi = {
  list: (query: Query) => api.get<Page<TAuditEvent>>('/audit-events', query),
  verify: () => api.get<AuditVerifyResult>('/audit-events/verify'),
};
