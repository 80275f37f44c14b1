// The route inventory: every route the app registers, with the access it declares. The inventory test walks it
// so a new /api route that declares neither a permission, `public` nor `authenticated` fails CI.
import type { FastifyInstance, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Any logged-in user may call it (their own session, profile, password): no permission beyond a session. */
    authenticated?: boolean;
    /** Static public data that may be cached; every other /api response is sent with `Cache-Control: no-store`. */
    cacheable?: boolean;
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  config: RouteOptions['config'];
  schema: RouteOptions['schema'];
}

const inventories = new WeakMap<object, RouteEntry[]>();

/** Starts collecting routes; call before any route or plugin is registered so child scopes report theirs too. */
export function collectRoutes(app: FastifyInstance): void {
  const list: RouteEntry[] = [];
  inventories.set(app, list);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) list.push({ method, url: r.url, config: r.config, schema: r.schema });
  });
}

/** Every registered route (HEAD twins of GET routes included, as Fastify adds them). */
export function routeInventory(app: FastifyInstance): readonly RouteEntry[] {
  return inventories.get(app) ?? [];
}

/** Documentation (Swagger UI and the OpenAPI document) is public by design and holds no data. */
export const isDocsRoute = (url: string): boolean => url === '/api/docs' || url.startsWith('/api/docs/');
