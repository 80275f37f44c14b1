// Zod schemas shared by the server (validation, OpenAPI) and the console (form rules, types).
import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { ORG_EVENT_TYPES, ORG_KINDS, ORG_LEVELS, ORG_STATUSES } from './org.ts';
import { PERMISSIONS } from './permissions.ts';
import { AUDIT_ACTIONS } from './audit.ts';
import { normalizeUscc, usccError } from './uscc.ts';
import { passwordPolicyError } from './password.ts';
import { isIsoDate, todayCst } from './dates.ts';
import { zMultilineText, zStr, zText, zRequiredText } from './strings.ts';

z.config(z.locales.zhCN());

export const zId = z.coerce.number().int().positive('编号无效').max(2_147_483_647);

export const zDate = zStr().trim().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');
export const zPastDate = zDate.refine((d) => d <= todayCst(), '日期不能晚于今天');

export const zUscc = zStr()
  .max(40)
  .transform(normalizeUscc)
  .superRefine((v, ctx) => {
    const err = usccError(v);
    if (err) ctx.addIssue({ code: 'custom', message: err });
  });

export const zPassword = zStr().superRefine((v, ctx) => {
  const err = passwordPolicyError(v);
  if (err) ctx.addIssue({ code: 'custom', message: err });
});

// Request schemas are strict: an unknown field is a 400 that names it, never silently dropped.
export const ZPageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const ZError = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });

// ---- auth ----
export const ZLogin = z.strictObject({ username: zRequiredText(LIMITS.username), password: zStr().min(1).max(128) });
export const ZPasswordChange = z.strictObject({ oldPassword: zStr().min(1).max(128), newPassword: zPassword });

// ---- organisations ----
const orgDetails = {
  uscc: zUscc.optional().nullable(),
  divisionCode: zStr()
    .trim()
    .regex(/^\d{6}(\d{3}|\d{6})?$/, '行政区划代码应为6、9或12位数字')
    .optional()
    .nullable(),
  foundedAt: zPastDate.optional().nullable(),
  chairName: zText(LIMITS.shortText).optional().nullable(),
  contactName: zText(LIMITS.shortText).optional().nullable(),
  employerName: zText(LIMITS.name).optional().nullable(),
  headcount: z.coerce.number().int().min(0).max(10_000_000).optional().nullable(),
  address: zMultilineText(LIMITS.text).optional().nullable(),
};

export const ZOrgCreate = z.strictObject({
  parentId: zId,
  name: zRequiredText(LIMITS.name),
  level: z.enum(ORG_LEVELS),
  kind: z.enum(ORG_KINDS),
  ...orgDetails,
});
export type TOrgCreate = z.infer<typeof ZOrgCreate>;

// Name, level and parent change only through dated events, so history stays complete.
export const ZOrgUpdate = z.strictObject({ kind: z.enum(ORG_KINDS).optional(), ...orgDetails });
export type TOrgUpdate = z.infer<typeof ZOrgUpdate>;

const eventBase = { date: zPastDate, note: zMultilineText(LIMITS.text).optional() };
export const ZOrgEventCreate = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('rename'), newName: zRequiredText(LIMITS.name), ...eventBase }),
  z.strictObject({
    type: z.literal('reelect'),
    chairName: zText(LIMITS.shortText).optional(),
    termYears: z.coerce.number().int().min(1).max(10).optional(),
    ...eventBase,
  }),
  z.strictObject({ type: z.literal('upgrade'), newLevel: z.enum(ORG_LEVELS), ...eventBase }),
  z.strictObject({ type: z.literal('move'), newParentId: zId, ...eventBase }),
  z.strictObject({ type: z.literal('dissolve'), reason: zMultilineText(LIMITS.text).optional(), ...eventBase }),
]);
export type TOrgEventCreate = z.infer<typeof ZOrgEventCreate>;

export const ZOrg = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  pinyin: z.string(),
  pinyinInitials: z.string(),
  level: z.enum(ORG_LEVELS),
  kind: z.enum(ORG_KINDS),
  status: z.enum(ORG_STATUSES),
  path: z.string(),
  depth: z.number().int(),
  childCount: z.number().int(),
  uscc: z.string().nullable(),
  divisionCode: z.string().nullable(),
  foundedAt: z.string().nullable(),
  dissolvedAt: z.string().nullable(),
  chairName: z.string().nullable(),
  contactName: z.string().nullable(),
  employerName: z.string().nullable(),
  headcount: z.number().int().nullable(),
  address: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TOrg = z.infer<typeof ZOrg>;

/** A search hit (GET /orgs) also names its parent: two 城东恒达… unions are told apart by where they sit. */
export const ZOrgSearchHit = ZOrg.extend({ parentName: z.string().nullable() });
export type TOrgSearchHit = z.infer<typeof ZOrgSearchHit>;

export const ZOrgEvent = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  type: z.enum(ORG_EVENT_TYPES),
  date: z.string(),
  data: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type TOrgEvent = z.infer<typeof ZOrgEvent>;

/** 工会名录 (GET /org-directory): any cadre finds an active union of the federation by name; names only. */
export const ZOrgDirectoryQuery = z.strictObject({ q: zRequiredText(LIMITS.search) });
export const ZOrgDirectoryEntry = z.object({ id: z.number().int(), name: z.string(), parentName: z.string().nullable() });
export const ORG_DIRECTORY_MAX = 20;

export const ZOrgListQuery = ZPageQuery.extend({
  q: zText(LIMITS.search).optional(),
  rootId: zId.optional(),
  level: z.enum(ORG_LEVELS).optional(),
  kind: z.enum(ORG_KINDS).optional(),
  status: z.enum(ORG_STATUSES).optional(),
  foundedFrom: zDate.optional(),
  foundedTo: zDate.optional(),
});

// ---- users and roles ----
export const zRoleKey = zStr()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, '标识应为小写字母开头的字母、数字或下划线');
export const ZUserCreate = z.strictObject({
  username: zStr()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名应为3–32位字母、数字、下划线、点或连字符'),
  displayName: zText(LIMITS.shortText).optional(),
  password: zPassword,
  orgId: zId,
  roles: z.array(zRoleKey).min(1, '至少选择一个角色').max(10),
});
export const ZUserUpdate = z.strictObject({
  displayName: zText(LIMITS.shortText).optional(),
  roles: z.array(zRoleKey).min(1, '至少选择一个角色').max(10).optional(),
  disabled: z.boolean().optional(),
  password: zPassword.optional(),
});
export const ZUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  roles: z.array(z.string()),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Hard-locked after too many failed logins; a security admin unlocks it. */
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;
export const ZUserListQuery = ZPageQuery.extend({ q: zText(LIMITS.search).optional(), orgId: zId.optional() });

export const ZRoleCreate = z.strictObject({
  key: zRoleKey,
  name: zRequiredText(LIMITS.shortText),
  permissions: z.array(z.enum(PERMISSIONS)).min(1, '至少选择一项权限'),
});
export const ZRole = z.object({
  key: z.string(),
  name: z.string(),
  permissions: z.array(z.string()),
  builtin: z.boolean(),
  orgId: z.number().int().nullable(),
});
export type TRole = z.infer<typeof ZRole>;

export const ZMe = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string().nullable(),
    orgId: z.number().int(),
    roles: z.array(z.string()),
    permissions: z.array(z.string()),
    mustChangePassword: z.boolean(),
    /** The org's policy requires a second factor and the user has not enrolled yet: only enrolment is open. */
    mfaEnrollmentRequired: z.boolean(),
  }),
  org: ZOrg,
});
export type TMe = z.infer<typeof ZMe>;

// ---- audit ----
export const ZAuditQuery = ZPageQuery.extend({
  actor: zText(LIMITS.username).optional(),
  /** Any action of the catalogue (common/src/audit.ts). */
  action: z.enum(AUDIT_ACTIONS).optional(),
  entityType: zText(LIMITS.shortText).optional(),
  entityId: zText(LIMITS.shortText).optional(),
  from: zDate.optional(),
  to: zDate.optional(),
});
export const ZAuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  orgId: z.number().int().nullable(),
  action: z.string(),
  /** The action in Chinese (the code itself for an action the catalogue does not know). */
  actionLabel: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /** The object's name as the reader may see it (org name, member name, username …), else its type and id. */
  objectLabel: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** before/after as labelled, formatted fields (common/src/audit-changes.ts). */
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;
