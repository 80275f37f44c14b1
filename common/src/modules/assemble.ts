// The assembled catalogues: every module's declarations merged, typed by the union of their keys.
import { CATALOGUES, type Catalogue } from './index.ts';
import type { AuditActionsOf, AuditGroupsOf, EntitiesOf, ErrorSpec, ErrorsOf, ModuleCatalogue, PermissionsOf } from './define.ts';

export type Permission = PermissionsOf<Catalogue>;
export type AuditAction = AuditActionsOf<Catalogue>;
export type AuditActionGroup = AuditGroupsOf<Catalogue>;
export type AuditEntityType = EntitiesOf<Catalogue>;
export type ErrorCode = ErrorsOf<Catalogue>;

const all: readonly ModuleCatalogue[] = CATALOGUES;
const merged = <T>(pick: (c: ModuleCatalogue) => Record<string, T> | undefined): Record<string, T> =>
  Object.assign({}, ...all.map((c) => pick(c) ?? {})) as Record<string, T>;

export const PERMISSION_LABELS = merged((c) => c.permissions) as Record<Permission, string>;
export const AUDIT_ACTION_GROUP_LABELS = merged((c) =>
  Object.fromEntries(Object.entries(c.audit ?? {}).map(([g, v]) => [g, v.label])),
) as Record<AuditActionGroup, string>;
export const AUDIT_ACTION_LABELS = merged(
  (c) => Object.assign({}, ...Object.values(c.audit ?? {}).map((g) => g.actions)) as Record<string, string>,
) as Record<AuditAction, string>;
/** Each action's group: the group that declares it. */
export const AUDIT_ACTION_GROUPS = merged((c) =>
  Object.fromEntries(Object.entries(c.audit ?? {}).flatMap(([g, v]) => Object.keys(v.actions).map((a) => [a, g]))),
) as Record<AuditAction, AuditActionGroup>;
export const AUDIT_ENTITY_LABELS = merged((c) => c.entities) as Record<AuditEntityType, string>;
export const ERRORS = merged((c) => c.errors) as Record<ErrorCode, ErrorSpec>;

/** The module that declares each permission, audit action, entity and error code; a key declared twice is listed in
 *  `duplicates` (the server's catalogue test requires it empty). */
export function catalogueOwners(): { owners: Map<string, string>; duplicates: string[] } {
  const owners = new Map<string, string>();
  const duplicates: string[] = [];
  const own = (kind: string, key: string, module: string) => {
    const k = `${kind}:${key}`;
    if (owners.has(k)) duplicates.push(`${k} (${owners.get(k)} and ${module})`);
    else owners.set(k, module);
  };
  for (const c of all) {
    for (const p of Object.keys(c.permissions ?? {})) own('permission', p, c.key);
    for (const [g, v] of Object.entries(c.audit ?? {})) {
      own('auditGroup', g, c.key);
      for (const a of Object.keys(v.actions)) own('auditAction', a, c.key);
    }
    for (const e of Object.keys(c.entities ?? {})) own('entity', e, c.key);
    for (const e of Object.keys(c.errors ?? {})) own('error', e, c.key);
  }
  return { owners, duplicates };
}
