// Casework endpoints: 待办 (GET /todos), 会员接转 cases (start, list, detail, actions) and the federation-wide
// org directory used to pick a receiving union. Types follow the casework API contract; once common/ exports Zod
// schemas for it, these interfaces give way to the inferred types.
import type { TCaseAttachment, TCaseAttachmentPolicy, TMember } from '@gonghui/common';
import { api, type Query } from './client.ts';

export const TRANSFER_STATUSES = ['pending', 'accepted', 'rejected', 'withdrawn', 'expired'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export const TRANSFER_ACTIONS = ['accept', 'reject', 'withdraw'] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];

/** Step actions of the timeline: the case actions plus its creation and the deadline passing. */
export type TransferStepAction = 'create' | TransferAction | 'expire';

export interface NamedRef {
  id: number;
  name: string;
}

export interface CaseStep {
  /** A TransferStepAction; other values (added later by the server) are shown as they come. */
  action: string;
  from: string | null;
  to: string;
  actorName: string | null;
  actorOrgName: string | null;
  opinion: string | null;
  at: string;
}

export interface TransferCase {
  id: number;
  number: string;
  status: TransferStatus;
  version: number;
  orgId: number;
  dueAt: string | null;
  assignee?: string | null;
  steps: CaseStep[];
  allowedActions: string[];
  member: NamedRef;
  fromOrg: NamedRef;
  toOrg: NamedRef;
  /** 介绍信 scans and other files; both unions see them. */
  attachments: TCaseAttachment[];
  attachmentPolicy: TCaseAttachmentPolicy | null;
}

export interface TransferListItem {
  id: number;
  number: string;
  status: TransferStatus;
  member: NamedRef;
  fromOrg: NamedRef;
  toOrg: NamedRef;
  dueAt: string | null;
  createdAt: string;
}

export interface TodoItem {
  type: string;
  caseId: number;
  number: string;
  title: string;
  orgName: string;
  dueAt: string | null;
  overdue: boolean;
  /** Working days left until the due day (0: due today); null when overdue or without one. */
  remainingDays: number | null;
  /** Working days past the due day (0 unless overdue). */
  overdueDays: number;
}

export interface DirectoryOrg {
  id: number;
  name: string;
  parentName: string | null;
}

/** The member's open transfer, as GET /members/:id reports it. */
export interface OpenTransfer {
  id: number;
  number: string;
  status: TransferStatus;
  toOrgName: string;
}

export type MemberWithTransfer = TMember & { transfer?: OpenTransfer | null };

export type TransferDirection = 'in' | 'out';

export interface TransferStartBody {
  toOrgId: number;
  reason: string;
}

export const transferApi = {
  start: (memberId: number, body: TransferStartBody) => api.post<TransferCase>(`/members/${memberId}/transfers`, body),
  list: (direction: TransferDirection, status: TransferStatus | undefined, page: number, pageSize: number) =>
    api.get<{ items: TransferListItem[]; total: number }>('/transfers', { direction, status, page, pageSize }),
  get: (id: number) => api.get<TransferCase>(`/transfers/${id}`),
  act: (id: number, action: TransferAction, version: number, opinion?: string) =>
    api.post<TransferCase>(`/transfers/${id}/actions/${action}`, opinion === undefined ? { version } : { version, opinion }),
};

/** Files on any case (the kernel's routes): add, the download address, remove one's own. */
export const caseFileApi = {
  upload: (caseId: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<TCaseAttachment>(`/cases/${caseId}/attachments`, form);
  },
  downloadUrl: (caseId: number, attachmentId: number) => `/api/v1/cases/${caseId}/attachments/${attachmentId}/download`,
  remove: (caseId: number, attachmentId: number) => api.delete<void>(`/cases/${caseId}/attachments/${attachmentId}`),
};

/** The query key of 待办: the list refetches after any case action. */
export const TODOS_KEY = ['todos'] as const;

export const todoApi = {
  list: () => api.get<{ items: TodoItem[] }>('/todos'),
};

export const orgDirectoryApi = {
  search: (q: string) => api.get<DirectoryOrg[]>('/org-directory', { q } satisfies Query),
};

/** The console path of a case, by its type (types without a page of their own have none). */
export function casePath(type: string, caseId: number): string | undefined {
  if (type === 'member_transfer') return `/transfers/${caseId}`;
  if (type === 'hardship_file') return `/hardship-files/${caseId}`;
  if (type === 'assistance') return `/assistance/${caseId}`;
  if (type === 'appeal') return `/appeals/${caseId}`;
  if (type === 'mutual_aid_claim') return `/mutual-aid/claims/${caseId}`;
  if (type === 'rights_case') return `/rights-cases/${caseId}`;
  if (type === 'injury_report') return `/injury-reports/${caseId}`;
  if (type === 'join_application') return `/join-applications/${caseId}`;
  return undefined;
}
