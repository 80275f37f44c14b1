// Declared route scope: a route whose path names an object says in its config what each path parameter is
// (`scope: { id: 'member' }`), or that a parameter names no scoped object (`{ year: { none: 'a calendar year' } }`).
// Modules register, per kind of object, how to find the org path(s) it lies in; the auth hook resolves the object
// in the caller's scope and answers 404 when none of its paths lies in the caller's subtree — after the 401 and 403
// checks, before the body is read or validated. The platform never imports a module: kinds are names here.
import { zId } from '@gonghui/common';
import type { FastifyRequest } from 'fastify';
import { runInScope, type Db, type DbOrTx } from '../db/index.ts';
import { notFound } from '../http/errors.ts';
import { inScope, type Actor } from './actor.ts';

/** A path parameter that names no scoped object, and why (a calendar year, an action name). */
export interface NotScoped {
  none: string;
}

/** Path parameter → the kind of object it names (a registered resolver), or why it is not scoped. */
export type RouteScope = Record<string, string | NotScoped>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What each path parameter names; the inventory test requires it of every /api route with a parameter. */
    scope?: RouteScope;
  }
}

/**
 * The org paths of the object with this id, every org that may see it (both sides of a transfer), or null when
 * there is no such object. Runs in the caller's database scope (row-level security applies); keep it to one
 * indexed query.
 */
export type ScopeResolve = (db: DbOrTx, id: number) => Promise<readonly string[] | null>;

interface ScopeResolver {
  resolve: ScopeResolve;
  /** What the 404 message names, e.g. 会员 → 会员不存在或不在您的管辖范围内. */
  label?: string;
}

const resolvers = new Map<string, ScopeResolver>();

/** Registers how to find the org(s) of one kind of object; registering the same kind twice must pass the same function. */
export function registerScopeResolver(kind: string, resolve: ScopeResolve, o: { label?: string } = {}): void {
  if (!/^[a-z][a-z_]{0,31}$/.test(kind)) throw new Error(`invalid scope kind ${kind}`);
  const known = resolvers.get(kind);
  if (known && known.resolve !== resolve) throw new Error(`scope kind ${kind} registered twice`);
  resolvers.set(kind, { resolve, label: o.label });
}

export const scopeKinds = (): string[] => [...resolvers.keys()];
export const isNotScoped = (v: string | NotScoped): v is NotScoped => typeof v === 'object' && typeof v.none === 'string';

/** The path parameters of a route URL, in order. */
export const pathParams = (url: string): string[] => [...url.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string);

/** The declared kinds no resolver answers for (checked when the app starts). */
export function unresolvedKinds(scopes: (RouteScope | undefined)[]): string[] {
  const kinds = scopes.flatMap((s) => Object.values(s ?? {}).filter((v): v is string => !isNotScoped(v)));
  return [...new Set(kinds)].filter((k) => !resolvers.has(k));
}

/**
 * Throws 404 when a declared parameter names an object outside the actor's subtree (or none at all). A value that is
 * not an id is left to validation, which refuses it with the same rule (zId) and a 400 naming the field.
 */
export async function checkRouteScope(db: Db, req: FastifyRequest, actor: Actor, scope: RouteScope): Promise<void> {
  const params = (req.params ?? {}) as Record<string, unknown>;
  for (const [name, kind] of Object.entries(scope)) {
    if (isNotScoped(kind)) continue;
    const id = zId.safeParse(params[name]);
    if (!id.success) continue;
    const r = resolvers.get(kind);
    if (!r) throw new Error(`no scope resolver for ${kind}`);
    const paths = await runInScope(actor.orgPath, () => r.resolve(db, id.data));
    if (!paths?.some((p) => inScope(actor, p))) throw notFound(r.label);
  }
}
