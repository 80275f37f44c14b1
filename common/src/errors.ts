// One error catalogue: stable codes, HTTP status and the Chinese message a user sees.
export const ERRORS = {
  VALIDATION: { status: 400, message: '输入有误' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误，或账号已被锁定，请稍后再试' },
  SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录' },
  CSRF: { status: 403, message: '请求校验失败，请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改初始密码' },
  MFA_ENROLLMENT_REQUIRED: { status: 403, message: '按安全策略，您的账号须先启用二次验证（TOTP）' },
  MFA_FAILED: { status: 401, message: '验证码不正确或已使用，请重新输入' },
  MFA_LOGIN_EXPIRED: { status: 401, message: '二次验证已失效（超时或错误次数过多），请重新输入用户名和密码' },
  NOT_FOUND: { status: 404, message: '对象不存在或不在您的管辖范围内' },
  CONFLICT: { status: 409, message: '数据已被修改或已存在，请刷新后重试' },
  /** A unique value already taken (pre-checked by the service, or a lost race caught by the database). */
  DUPLICATE: { status: 409, message: '数据已存在，请勿重复提交' },
  /** A foreign key: the referenced row is gone, or a row still referenced was to be removed. */
  REFERENCE: { status: 409, message: '关联的数据不存在或已被删除，请刷新后重试' },
  /** Serialization failure or deadlock between concurrent writes: nothing was saved, the same request may succeed. */
  RETRY: { status: 409, message: '操作与他人的修改同时发生，未能保存，请重试' },
  SUMMARY_EXISTS: { status: 409, message: '该组织同一期间已有工作总结' },
  /** A case action sent with a version the case no longer has (someone acted first). */
  CASE_STALE: { status: 409, message: '该事项已被他人处理或已更新，请刷新后重试' },
  /** A case action that the case's current state does not allow. */
  CASE_ACTION_NOT_ALLOWED: { status: 409, message: '该事项当前状态下不能执行此操作' },
  /** A ciphertext that does not authenticate for its row (tampered, or copied from another row). */
  DATA_INTEGRITY: { status: 409, message: '加密数据校验失败（可能被篡改或错位），无法显示，已记入审计，请联系安全管理员' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '上传内容过大' },
  LOGIN_THROTTLED: { status: 429, message: '登录尝试过于频繁，请稍后再试' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务器内部错误，请稍后再试' },
} as const;
export type ErrorCode = keyof typeof ERRORS;

export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
}

// Field names as a cadre reads them, used to name the field in validation messages.
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  displayName: '姓名',
  orgId: '所属组织',
  parentId: '上级组织',
  newParentId: '新上级组织',
  name: '名称',
  newName: '新名称',
  level: '组织层级',
  newLevel: '新层级',
  kind: '组织类型',
  uscc: '统一社会信用代码',
  divisionCode: '行政区划代码',
  foundedAt: '建会日期',
  chairName: '工会主席',
  contactName: '联系人',
  employerName: '所在单位',
  headcount: '职工人数',
  address: '地址',
  date: '日期',
  type: '变更类型',
  note: '备注',
  payeeName: '收款人',
  payeeMemberId: '收款会员',
  amountFen: '金额',
  fundSource: '资金来源',
  caseType: '案件类型',
  caseId: '案件编号',
  idempotencyKey: '幂等键',
  reason: '原因',
  opinion: '审批意见',
  roles: '角色',
  permissions: '权限',
  key: '标识',
  disabled: '停用',
  page: '页码',
  pageSize: '每页条数',
  q: '搜索词',
  from: '开始日期',
  to: '结束日期',
  actor: '操作人',
  action: '操作',
  termYears: '任期（年）',
  idNumber: '身份证号',
  phone: '手机号',
  joinedAt: '入会日期',
  categories: '人员类别',
  gender: '性别',
  toOrgId: '转入工会',
  status: '状态',
  file: '文件',
  code: '验证码',
  mfaPolicy: '二次验证策略',
  cardNo: '会员卡号',
  version: '版本号',
  days: '日期列表',
  year: '年份',
};
