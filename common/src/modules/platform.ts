// The platform's own catalogue: the errors every route can answer, and what the platform's services (case kernel,
// calendar, ledger, attachments, keys, bootstrap) record.
import { defineCatalogue } from './define.ts';

export const platformCatalogue = defineCatalogue({
  key: 'platform',
  label: '系统',
  permissions: {
    'calendar:manage': '维护工作日历（法定节假日、调休上班日）',
    'ledger:read': '查看资金台账（发放记录和汇总）',
  },
  audit: {
    attachment: {
      label: '附件',
      actions: { 'attachment.upload': '上传附件', 'attachment.download': '下载附件', 'attachment.delete': '删除附件' },
    },
    ledger: { label: '资金台账', actions: { 'ledger.disburse': '登记资金发放', 'ledger.reverse': '冲正资金发放' } },
    system: {
      label: '系统',
      actions: {
        'calendar.update': '修改工作日历',
        'system.bootstrap': '系统初始化',
        'system.accounts_added': '补建三员账号',
        'system.demo_seed': '生成演示数据',
        'keys.rotate.start': '开始轮换数据密钥',
        'keys.rotate': '完成数据密钥轮换',
      },
    },
  },
  entities: { attachment: '附件', data_key: '数据密钥', ledger_entry: '资金台账记录', calendar: '工作日历' },
  errors: {
    VALIDATION: { status: 400, message: '输入有误' },
    UNAUTHENTICATED: { status: 401, message: '请先登录' },
    CSRF: { status: 403, message: '请求校验失败，请刷新页面后重试' },
    FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
    NOT_FOUND: { status: 404, message: '对象不存在或不在您的管辖范围内' },
    CONFLICT: { status: 409, message: '数据已被修改或已存在，请刷新后重试' },
    /** A unique value already taken (pre-checked by the service, or a lost race caught by the database). */
    DUPLICATE: { status: 409, message: '数据已存在，请勿重复提交' },
    /** A foreign key: the referenced row is gone, or a row still referenced was to be removed. */
    REFERENCE: { status: 409, message: '关联的数据不存在或已被删除，请刷新后重试' },
    /** Serialization failure or deadlock between concurrent writes: nothing was saved, the same request may succeed. */
    RETRY: { status: 409, message: '操作与他人的修改同时发生，未能保存，请重试' },
    /** A case action sent with a version the case no longer has (someone acted first). */
    CASE_STALE: { status: 409, message: '该事项已被他人处理或已更新，请刷新后重试' },
    /** A case action that the case's current state does not allow. */
    CASE_ACTION_NOT_ALLOWED: { status: 409, message: '该事项当前状态下不能执行此操作' },
    /** A ciphertext that does not authenticate for its row (tampered, or copied from another row). */
    DATA_INTEGRITY: { status: 409, message: '加密数据校验失败（可能被篡改或错位），无法显示，已记入审计，请联系安全管理员' },
    PAYLOAD_TOO_LARGE: { status: 413, message: '上传内容过大' },
    RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
    INTERNAL: { status: 500, message: '服务器内部错误，请稍后再试' },
  },
});
