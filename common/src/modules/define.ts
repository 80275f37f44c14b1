// What a module declares that both sides read: its permissions, audit actions, audited object kinds and error codes,
// each with the Chinese label a cadre sees. The server's defineModule() and the web's module registry point at one
// of these; permissions.ts, audit.ts and errors.ts assemble the catalogues from the list in ./index.ts.
export interface ErrorSpec {
  status: number;
  message: string;
}

export interface ModuleCatalogue {
  /** The module's key (its folder under server/src/modules, or `platform` for the platform's own). */
  key: string;
  /** The module's name in the console. */
  label: string;
  permissions?: Record<string, string>;
  /** Audit action groups (the audit log's filter groups): group key → its label and its actions with labels. */
  audit?: Record<string, { label: string; actions: Record<string, string> }>;
  /** Kinds of object the module's audit rows name (entity_type) → label. */
  entities?: Record<string, string>;
  errors?: Record<string, ErrorSpec>;
}

/** Identity with a checked shape: keeps the literal keys so the assembled catalogues stay typed. */
export function defineCatalogue<const C extends ModuleCatalogue>(c: C): C {
  return c;
}

type Values<T> = T[keyof T];
export type PermissionsOf<C> = C extends { permissions: infer P } ? keyof P & string : never;
export type AuditGroupsOf<C> = C extends { audit: infer A } ? keyof A & string : never;
export type AuditActionsOf<C> = C extends { audit: infer A }
  ? Values<{ [G in keyof A]: A[G] extends { actions: infer X } ? keyof X & string : never }>
  : never;
export type EntitiesOf<C> = C extends { entities: infer E } ? keyof E & string : never;
export type ErrorsOf<C> = C extends { errors: infer E } ? keyof E & string : never;
