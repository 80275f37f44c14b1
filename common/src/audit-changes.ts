// An audit row's before/after turned into rows a cadre can read: field labels in Chinese, values formatted
// (是/否, enum labels, YYYY-MM-DD, org names), never ciphertext or an unmasked ID or phone number.
import { FIELD_LABELS } from './errors.ts';
import { EXPORT_REQUEST_STATUS_LABELS } from './export-request.ts';
import { maskIdNumber, maskPhone } from './mask.ts';
import { GENDER_LABELS, MEMBER_CATEGORY_LABELS, MEMBER_STATUS_LABELS } from './member.ts';
import { MFA_POLICY_LABELS } from './mfa.ts';
import { ORG_EVENT_LABELS, ORG_KIND_LABELS, ORG_LEVEL_LABELS, ORG_STATUS_LABELS } from './org.ts';
import { BUILTIN_ROLES, PERMISSION_LABELS } from './permissions.ts';

export interface AuditChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

// Fields of audit details beyond the input fields of FIELD_LABELS.
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  ...FIELD_LABELS,
  status: '状态',
  previousChair: '原工会主席',
  fromParentId: '原上级组织',
  toParentId: '新上级组织',
  toParentName: '新上级组织名称',
  orgsMoved: '随迁组织数',
  newParentId: '新上级组织',
  rootOrg: '最高一级工会',
  accounts: '账号',
  orgs: '组织数',
  users: '账号',
  filter: '筛选条件',
  rows: '行数',
  unmasked: '不脱敏',
  transferId: '接转单号',
  toOrgName: '转入工会名称',
  fields: '查看的项目',
  failure: '失败原因',
  mfa: '二次验证方式',
  factor: '验证方式',
  recoveryCodes: '恢复码数量',
  attempt: '尝试次数',
  pendingVoided: '待完成的登录已作废',
  failures: '失败次数',
  scope: '计数范围',
  tier: '告警级别',
  maxAgeDays: '密码有效期（天）',
  passwordReset: '重置密码',
  locked: '锁定',
  dormantDays: '未登录天数',
  hadSecondFactor: '原已启用二次验证',
  stage: '环节',
  number: '申请编号',
  watermark: '水印',
  fileName: '文件名',
  totalRows: '总行数',
  imported: '新增',
  updated: '更新',
  skipped: '跳过',
  errorCount: '错误行数',
  title: '标题',
  asOf: '数据截至',
  sectionsEdited: '修改了正文',
  figures: '数据项数',
  version: '密钥版本',
  resume: '继续上次轮换',
  rewritten: '重新加密数',
  failed: '无法解密数',
  birthDate: '出生日期',
};

// Labels that depend on the action: {from, to} of a rename are names, of an upgrade levels.
const ACTION_FIELD_LABELS: Record<string, Record<string, string>> = {
  'org.rename': { from: '原名称', to: '新名称' },
  'org.upgrade': { from: '原层级', to: '新层级' },
  'member.create': { name: '姓名' },
  'member.update': { name: '姓名' },
  'role.create': { name: '角色名称' },
  'auth.alert': { key: '账号或 IP' },
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  reason: {
    unknown_user: '用户名不存在',
    disabled: '账号已停用',
    bad_password: '密码错误',
    wrong_code: '验证码错误',
  },
  scope: { account: '账号', ip: 'IP 地址' },
  stage: { enrol: '启用', disable: '停用' },
  mfa: { totp: '验证器验证码', recovery: '恢复码' },
  factor: { totp: '验证器（TOTP）' },
  level: ORG_LEVEL_LABELS,
  newLevel: ORG_LEVEL_LABELS,
  kind: ORG_KIND_LABELS,
  type: ORG_EVENT_LABELS,
  gender: GENDER_LABELS,
  categories: MEMBER_CATEGORY_LABELS,
  permissions: PERMISSION_LABELS,
  mfaPolicy: MFA_POLICY_LABELS,
  roles: Object.fromEntries(Object.entries(BUILTIN_ROLES).map(([k, r]) => [k, r.name])),
  fields: { idNumber: '身份证号', phone: '手机号', birthDate: '出生日期' },
};

const STATUS_LABELS: Record<string, Record<string, string>> = {
  org: ORG_STATUS_LABELS,
  member: MEMBER_STATUS_LABELS,
  export_request: EXPORT_REQUEST_STATUS_LABELS,
  work_summary: { draft: '草稿', final: '定稿' },
};

// Never shown, whatever a row holds: ciphertexts, hashes and secrets; and the technical columns of a created row
// (ids, the tree path, search keys), which say nothing to a reader.
const HIDDEN_FIELDS = new Set([
  'idCipher',
  'phoneCipher',
  'idHash',
  'phoneHash',
  'passwordHash',
  'secret',
  'hash',
  'token',
  'id',
  'path',
  'depth',
  'pinyin',
  'pinyinInitials',
  'searchGrams',
  'namePinyin',
  'nameInitials',
  'nameGrams',
]);
/** Detail fields that name an org by its id; the server resolves their names with the page's objects. */
export const AUDIT_ORG_ID_FIELDS = ['orgId', 'parentId', 'newParentId', 'toOrgId', 'fromOrgId', 'fromParentId', 'toParentId'] as const;
const ORG_ID_FIELDS = new Set<string>(AUDIT_ORG_ID_FIELDS);
const CIPHER = /^v\d+:\d+:/;

export interface AuditChangeContext {
  action: string;
  entityType: string | null;
  /** Names of orgs the details mention by id (orgId, parentId …), as far as the reader may see them. */
  orgName?: (id: number) => string | undefined;
  /** Labels of further fields, e.g. indicator keys of a target. */
  fieldLabels?: Record<string, string>;
}

const lookup = (table: Record<string, string> | undefined, key: string) => (table && Object.hasOwn(table, key) ? table[key] : undefined);

function labelOf(field: string, c: AuditChangeContext): string {
  return lookup(ACTION_FIELD_LABELS[c.action], field) ?? lookup(c.fieldLabels, field) ?? lookup(AUDIT_FIELD_LABELS, field) ?? field;
}

function formatScalar(field: string, v: unknown, c: AuditChangeContext): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') {
    const name = ORG_ID_FIELDS.has(field) ? c.orgName?.(v) : undefined;
    return name ?? String(v);
  }
  if (typeof v !== 'string') return JSON.stringify(v);
  if (CIPHER.test(v)) return '（已加密）';
  if (field === 'idNumber' && !v.includes('*')) return maskIdNumber(v);
  if (field === 'phone' && !v.includes('*')) return maskPhone(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(v)) {
    return new Date(Date.parse(v) + 8 * 3600_000).toISOString().slice(0, 10);
  }
  if (ORG_ID_FIELDS.has(field) && /^\d+$/.test(v)) return c.orgName?.(Number(v)) ?? v;
  const table = field === 'status' ? STATUS_LABELS[c.entityType ?? ''] : VALUE_LABELS[field];
  const fromTo = c.action === 'org.upgrade' && (field === 'from' || field === 'to') ? ORG_LEVEL_LABELS : undefined;
  return lookup(table ?? fromTo, v) ?? v;
}

/** A value as one line of text; null when there is nothing to show. */
export function formatAuditValue(field: string, v: unknown, c: AuditChangeContext): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.length ? v.map((x) => formatScalar(field, x, c)).join('、') : '（无）';
  if (typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>)
      .filter(([k, x]) => x !== null && x !== undefined && x !== '' && !HIDDEN_FIELDS.has(k))
      .map(([k, x]) => `${labelOf(k, c)}：${formatAuditValue(k, x, c) ?? ''}`);
    return parts.length ? parts.join('；') : null;
  }
  return formatScalar(field, v, c);
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/**
 * The fields of before/after, in the order they were recorded. A field both sides hold with the same value is left
 * out, as are fields without a value on either side; a detail that is not an object shows as one row.
 */
export function auditChanges(before: unknown, after: unknown, c: AuditChangeContext): AuditChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if ((before !== null && before !== undefined && !b) || (after !== null && after !== undefined && !a)) {
    return [{ field: '', label: '详情', before: formatAuditValue('', before, c), after: formatAuditValue('', after, c) }];
  }
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((f) => !HIDDEN_FIELDS.has(f));
  const out: AuditChange[] = [];
  for (const field of fields) {
    const was = b ? formatAuditValue(field, b[field], c) : null;
    const now = a ? formatAuditValue(field, a[field], c) : null;
    if (was === null && now === null) continue;
    if (b && a && Object.hasOwn(b, field) && Object.hasOwn(a, field) && was === now) continue;
    out.push({ field, label: labelOf(field, c), before: was, after: now });
  }
  return out;
}
