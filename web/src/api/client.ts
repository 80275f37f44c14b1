// Thin fetch wrapper: cookies, CSRF header on writes, JSON errors turned into ApiError.
export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface AuthHandlers {
  onUnauthenticated: () => void;
  onPasswordChangeRequired: () => void;
  onMfaEnrollmentRequired: () => void;
}

let handlers: AuthHandlers = {
  onUnauthenticated: () => undefined,
  onPasswordChangeRequired: () => undefined,
  onMfaEnrollmentRequired: () => undefined,
};

/** The app registers navigation callbacks for 401, forced password change and forced second-factor enrolment. */
export function setAuthHandlers(next: AuthHandlers): void {
  handlers = next;
}

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...rest] = part.trim().split('=');
    if (k === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(v: unknown): v is ApiErrorBody {
  return (
    typeof v === 'object' && v !== null && typeof (v as ApiErrorBody).message === 'string' && typeof (v as ApiErrorBody).code === 'string'
  );
}

async function parseError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (isErrorBody(body)) return new ApiError(res.status, body);
  return new ApiError(res.status, { code: 'HTTP_' + res.status, message: `请求失败（${res.status}）` });
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Login answers 401 for wrong credentials; that must not redirect. */
  skipAuthRedirect?: boolean;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = opts.body instanceof FormData;
  // A FormData body sets its own multipart content type (with the boundary).
  if (opts.body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie('csrf_token');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'include',
      body: opts.body === undefined ? undefined : opts.body instanceof FormData ? opts.body : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
  }
  if (!res.ok) throw await failure(res, opts.skipAuthRedirect ?? false);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

async function failure(res: Response, skipAuthRedirect: boolean): Promise<ApiError> {
  const err = await parseError(res);
  if (res.status === 401 && !skipAuthRedirect) handlers.onUnauthenticated();
  if (res.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED') handlers.onPasswordChangeRequired();
  if (res.status === 403 && err.code === 'MFA_ENROLLMENT_REQUIRED') handlers.onMfaEnrollmentRequired();
  return err;
}

/** The file name from Content-Disposition, preferring the UTF-8 `filename*` form. */
function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(cd)?.[1] ?? fallback;
}

/**
 * GETs a file with the session cookie and saves it; errors come back as ApiError (shown in the page, not as a
 * JSON file). The body is held as a Blob until saved.
 */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { credentials: 'include' });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
  }
  if (!res.ok) throw await failure(res, false);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** multipart/form-data POST (file uploads); the CSRF header goes along as on every write. */
  upload: <T>(path: string, form: FormData, query?: Query) => request<T>('POST', path, { body: form, query }),
};
