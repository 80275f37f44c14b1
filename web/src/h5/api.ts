// Typed fetch client for the member H5 API (/api/v1/h5/*): same-origin cookies, CSRF header from the member cookie
// gh_mcsrf on writes, JSON errors turned into H5ApiError.
import type { CaseDetail, CaseSummary } from './cases.ts';
import type { CaseSubmit } from './case-submit.ts';
export class H5ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'H5ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

const BASE = '/api/v1/h5';

function csrfHeader(): Record<string, string> {
  const csrf = readCookie('gh_mcsrf');
  return csrf ? { 'x-csrf-token': csrf } : {};
}

async function failure(res: Response): Promise<H5ApiError> {
  const err: unknown = await res.json().catch(() => null);
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; message?: unknown; field?: unknown };
  return new H5ApiError(
    res.status,
    typeof e.code === 'string' ? e.code : `HTTP_${res.status}`,
    typeof e.message === 'string' ? e.message : '',
    typeof e.field === 'string' ? e.field : undefined,
  );
}

/** POST /attachments: one file as multipart (field `file`); the browser sets the boundary. */
async function uploadFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${BASE}/attachments`, {
      method: 'POST',
      headers: { accept: 'application/json', ...csrfHeader() },
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new H5ApiError(0, 'NETWORK', '');
  }
  if (!res.ok) throw await failure(res);
  return (await res.json()) as UploadedFile;
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') Object.assign(headers, csrfHeader());
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new H5ApiError(0, 'NETWORK', '');
  }
  if (!res.ok) throw await failure(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface MeProfile {
  name: string;
  idMasked: string;
  phoneMasked: string;
  orgName: string | null;
  joinedAt: string | null;
  status: string;
  statusLabel?: string;
}

export interface CardToken {
  cardNo: string;
  token: string;
  verifyUrl: string;
  expiresAt: string;
}

export interface OrgHit {
  id: string;
  name: string;
  parentName: string | null;
  level: string;
}

export interface JoinApplicationInput {
  name: string;
  idNumber: string;
  phone: string;
  employerName: string;
  employerUscc?: string;
  orgId?: string;
  noUnion?: boolean;
  areaOrgId?: string;
}

export interface JoinCreated {
  id: string;
  number: string;
  status: string;
  statusToken: string;
}

export interface JoinStatus {
  number: string;
  status: string;
  statusLabel: string;
  orgName: string | null;
  submittedAt: string;
  decidedAt: string | null;
  reason?: string | null;
}

export interface ViewRecord {
  viewer: string;
  viewedAt: string;
  reason: string | null;
}

export interface ConsentItem {
  key: string;
  label: string;
  granted: boolean;
  optional: boolean;
  version?: string;
  grantedAt?: string | null;
}

/** Sections stay loosely typed: the page renders whatever the server lists (see flattenSections). */
export interface MyData {
  sections?: unknown;
  viewedBy?: ViewRecord[];
  consents?: ConsentItem[];
}

export interface UploadedFile {
  id: number;
  name: string;
  size: number;
}

export const h5Api = {
  sendCode: (body: { idNumber?: string; phone: string }) => request<unknown>('POST', '/auth/code', body),
  activate: (body: { idNumber: string; phone: string; code: string; password?: string; consent: true; consentVersion: string }) =>
    request<unknown>('POST', '/auth/activate', body),
  login: (body: { phone: string; code: string } | { phone: string; password: string }) => request<unknown>('POST', '/auth/login', body),
  logout: () => request<unknown>('POST', '/auth/logout', {}),
  me: () => request<MeProfile>('GET', '/me'),
  card: () => request<CardToken>('GET', '/card'),
  searchOrgs: (q: string) => request<OrgHit[]>('GET', `/orgs/search?q=${encodeURIComponent(q)}`),
  applyJoin: (body: JoinApplicationInput) => request<JoinCreated>('POST', '/join-applications', body),
  joinStatus: (number: string, token: string) =>
    request<JoinStatus>('GET', `/join-applications/${encodeURIComponent(number)}?token=${encodeURIComponent(token)}`),
  myData: () => request<MyData>('GET', '/my-data'),
  withdrawConsent: (key: string) => request<unknown>('POST', '/consents/withdraw', { key }),
  cases: () => request<{ items: CaseSummary[] }>('GET', '/cases'),
  case: (id: string) => request<CaseDetail>('GET', `/cases/${encodeURIComponent(id)}`),
  submitCase: (body: CaseSubmit) => request<CaseDetail>('POST', '/cases', body),
  withdrawCase: (id: number, body: { version: number; reason?: string }) => request<CaseDetail>('POST', `/cases/${id}/withdraw`, body),
  upload: (file: File) => uploadFile(file),
};

export const exportUrl = (format: 'json' | 'xlsx') => `${BASE}/my-data/export?format=${format}`;
