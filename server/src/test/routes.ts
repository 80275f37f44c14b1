// The app's API routes as the route inventory records them, for tests generated over every route.
import { isDocsRoute, routeInventory, type HttpApp, type RouteEntry } from '../platform/http/index.ts';

/** Routes callable without a session, and why that is safe. */
export const PUBLIC_ROUTES: Record<string, string> = {
  'GET /api/v1/health': 'liveness probe; answers {ok} and nothing else',
  'POST /api/v1/auth/login': 'signing in; rate-limited per IP and locked per account',
  'POST /api/v1/auth/login/mfa':
    'the second login step; needs the short-lived pending cookie the password step set; attempts capped per pending login',
  'POST /api/v1/cards/verify': 'anyone scanning a member card checks it; answers a masked name only; rate-limited',
  'POST /api/v1/h5/join-applications':
    'a worker applies online to join a union (no account yet); validated, one pending application per ID number; rate-limited',
  'GET /api/v1/h5/orgs/search': 'the application form finds a union by name: active unions’ names and levels only; rate-limited',
  'GET /api/v1/h5/join-applications/:number':
    'the applicant follows the status with the number and the secret token handed back at submission (404 otherwise); rate-limited',
};

export const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const routeKey = (r: RouteEntry) => `${r.method} ${r.url}`;

export function apiRoutes(app: HttpApp): RouteEntry[] {
  return routeInventory(app).filter((r) => r.url.startsWith('/api/') && !isDocsRoute(r.url) && r.method !== 'HEAD');
}

/**
 * Path parameters take the given values (`1` when not given); the query and body are invalid on purpose (an unknown
 * field holding a NUL byte), so whatever answers before validation shows itself.
 */
export function invalidRequest(r: RouteEntry, params: Record<string, string | number> = {}) {
  const path = r.url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => encodeURIComponent(String(params[name] ?? 1)));
  return { method: r.method, url: `${path}?zz_unknown=%00`, payload: WRITE.has(r.method) ? { zz_unknown: '\u0000' } : undefined };
}

/** The path parameters of a route that name a scoped object, each with the kind of object it names. */
export function scopedParams(r: RouteEntry): [param: string, kind: string][] {
  return Object.entries(r.config?.scope ?? {}).flatMap(([p, v]) => (typeof v === 'string' ? [[p, v] as [string, string]] : []));
}
