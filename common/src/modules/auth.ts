// Sign-in, sessions, passwords, second factor and the orgs' security policy.
import { defineCatalogue } from './define.ts';

export const authCatalogue = defineCatalogue({
  key: 'auth',
  label: '登录与账号安全',
  permissions: { 'security:manage': '安全管理（解锁账号、重置二次验证、安全策略）' },
  audit: {
    auth: {
      label: '登录与账号安全',
      actions: {
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
      },
    },
  },
  errors: {
    LOGIN_FAILED: { status: 401, message: '用户名或密码错误，或账号已被锁定，请稍后再试' },
    SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录' },
    PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改初始密码' },
    MFA_ENROLLMENT_REQUIRED: { status: 403, message: '按安全策略，您的账号须先启用二次验证（TOTP）' },
    MFA_FAILED: { status: 401, message: '验证码不正确或已使用，请重新输入' },
    MFA_LOGIN_EXPIRED: { status: 401, message: '二次验证已失效（超时或错误次数过多），请重新输入用户名和密码' },
    LOGIN_THROTTLED: { status: 429, message: '登录尝试过于频繁，请稍后再试' },
  },
});
