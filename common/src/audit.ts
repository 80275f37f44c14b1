// The catalogue of audit actions (declared by each module's catalogue, common/src/modules/) and how the console labels them. recordAudit() on the server takes an AuditAction,
// so an action without a label here does not typecheck; server/src/modules/audit/audit.catalogue.test.ts also scans
// the server's source for recorded action names.
import {
  AUDIT_ACTION_GROUP_LABELS,
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  type AuditAction,
  type AuditActionGroup,
  type AuditEntityType,
} from './modules/assemble.ts';

export {
  AUDIT_ACTION_GROUP_LABELS,
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  type AuditAction,
  type AuditActionGroup,
  type AuditEntityType,
};
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as [AuditAction, ...AuditAction[]];

export const isAuditAction = (v: unknown): v is AuditAction => typeof v === 'string' && Object.hasOwn(AUDIT_ACTION_LABELS, v);

/** The label of an action; an action the catalogue does not know (an old row) shows as recorded. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}

/** The filter group of an action: the group of the module catalogue that declares it. */
export function auditActionGroup(action: AuditAction): AuditActionGroup {
  return AUDIT_ACTION_GROUPS[action];
}

// The kinds of object an audit row names (entity_type), labelled.
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY_LABELS) as [AuditEntityType, ...AuditEntityType[]];

export function auditEntityLabel(type: string): string {
  return Object.hasOwn(AUDIT_ENTITY_LABELS, type) ? AUDIT_ENTITY_LABELS[type as AuditEntityType] : type;
}
