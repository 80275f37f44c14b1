// The catalogue of audit actions and how the console labels them. recordAudit() on the server takes an AuditAction,
// so an action without a label here does not typecheck; server/src/modules/audit/audit.catalogue.test.ts also scans
// the server's source for recorded action names.
export const AUDIT_ACTION_LABELS = {
  'auth.login': '登录成功',
  'auth.login_failed': '登录失败',
  'auth.alert': '登录异常告警',
  'auth.password_change_failed': '修改密码失败（原密码错误）',
  'auth.password_expired': '密码已过期',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'auth.mfa_challenge': '密码正确，等待二次验证',
  'auth.mfa_failed': '二次验证失败',
  'auth.mfa_locked': '二次验证错误过多，暂停验证',
  'auth.mfa_enrollment_started': '开始启用二次验证',
  'auth.mfa_enrolled': '启用二次验证',
  'auth.mfa_disabled': '停用二次验证',
  'auth.mfa_reset': '重置二次验证',
  'org.security_policy': '修改安全策略',
  'org.create': '新建组织',
  'org.update': '修改组织',
  'org.rename': '组织更名',
  'org.reelect': '换届选举',
  'org.upgrade': '组织升格',
  'org.move': '组织转出（变更上级）',
  'org.dissolve': '组织注销',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.unlock': '解锁账号',
  'user.disabled_dormant': '长期未登录停用',
  'role.create': '新建角色',
  'member.create': '新增会员',
  'member.update': '修改会员',
  'member.reveal': '查看完整个人信息',
  'member.reveal_refused': '查看完整个人信息失败（无法解密）',
  'member.leave': '会员退会/保留会籍',
  'member.transfer_request': '发起会员接转',
  'member.transfer_accept': '接收会员接转',
  'member.transfer_reject': '拒收会员接转',
  'member.transfer_withdraw': '撤回会员接转',
  'member.transfer_expire': '会员接转逾期失效',
  'calendar.update': '修改工作日历',
  'member.export': '导出会员',
  'member.import': '导入会员',
  'member.import_report': '下载会员导入错误报告',
  'export_request.create': '申请敏感数据导出',
  'export_request.approve': '批准敏感数据导出',
  'export_request.reject': '驳回敏感数据导出',
  'export_request.download': '下载敏感数据导出文件',
  'attachment.upload': '上传附件',
  'attachment.download': '下载附件',
  'attachment.delete': '删除附件',
  'report.create': '生成工作总结',
  'report.update': '修改工作总结',
  'report.refresh': '刷新工作总结数据',
  'target.set': '设定目标任务',
  'ledger.disburse': '登记资金发放',
  'ledger.reverse': '冲正资金发放',
  'system.bootstrap': '系统初始化',
  'system.accounts_added': '补建三员账号',
  'system.demo_seed': '生成演示数据',
  'keys.rotate.start': '开始轮换数据密钥',
  'keys.rotate': '完成数据密钥轮换',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as [AuditAction, ...AuditAction[]];

export const isAuditAction = (v: unknown): v is AuditAction => typeof v === 'string' && Object.hasOwn(AUDIT_ACTION_LABELS, v);

/** The label of an action; an action the catalogue does not know (an old row) shows as recorded. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action;
}

// Groups for the console's action filter: the action's prefix.
export const AUDIT_ACTION_GROUP_LABELS = {
  auth: '登录与账号安全',
  org: '组织',
  user: '用户与角色',
  member: '会员',
  export_request: '敏感数据导出',
  attachment: '附件',
  report: '工作总结',
  target: '目标任务',
  ledger: '资金台账',
  system: '系统',
} as const;
export type AuditActionGroup = keyof typeof AUDIT_ACTION_GROUP_LABELS;

export function auditActionGroup(action: AuditAction): AuditActionGroup {
  const prefix = action.slice(0, action.indexOf('.'));
  if (prefix === 'role') return 'user';
  if (prefix === 'keys') return 'system';
  return prefix as AuditActionGroup;
}

// The kinds of object an audit row names (entity_type), labelled.
export const AUDIT_ENTITY_LABELS = {
  org: '组织',
  user: '用户',
  role: '角色',
  member: '会员',
  member_import: '会员导入',
  export_request: '敏感数据导出申请',
  attachment: '附件',
  work_summary: '工作总结',
  target: '目标任务',
  data_key: '数据密钥',
  ledger_entry: '资金台账记录',
} as const satisfies Record<string, string>;
export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY_LABELS) as [AuditEntityType, ...AuditEntityType[]];

export function auditEntityLabel(type: string): string {
  return Object.hasOwn(AUDIT_ENTITY_LABELS, type) ? AUDIT_ENTITY_LABELS[type as AuditEntityType] : type;
}
