// 会员服务 (member H5 portal): members' own accounts (activation by SMS code, login, consents) and the cadres' view
// of them. Members are a principal of their own: they never hold a cadre permission.
import { defineCatalogue } from './define.ts';

export const memberPortalCatalogue = defineCatalogue({
  key: 'member-portal',
  label: '会员服务账号',
  permissions: {
    'member_account:read': '查看会员服务账号',
    'member_account:reset': '重置会员服务账号（须重新激活）',
  },
  audit: {
    member_account: {
      label: '会员服务账号',
      actions: {
        'member_account.code_sent': '发送会员短信验证码',
        'member_account.activate': '会员激活账号',
        'member_account.login': '会员登录',
        'member_account.login_failed': '会员登录失败',
        'member_account.locked': '会员账号锁定',
        'member_account.logout': '会员退出登录',
        'member_account.password_set': '会员设置密码',
        'member_account.consent_withdraw': '会员撤回授权',
        'member_account.data_export': '会员导出本人数据',
        'member_account.reset': '重置会员服务账号',
      },
    },
  },
  errors: {
    MEMBER_LOGIN_FAILED: { status: 401, message: '手机号、验证码或密码不正确' },
    MEMBER_CODE_INVALID: { status: 400, message: '验证码不正确或已失效，请重新获取' },
    MEMBER_LOCKED: { status: 423, message: '登录失败次数过多，账号已锁定15分钟，请稍后再试' },
    MEMBER_CODE_THROTTLED: { status: 429, message: '验证码发送过于频繁，请稍后再试' },
    MEMBER_CONSENT_REQUIRED: { status: 400, message: '请阅读并同意《隐私政策》后再激活' },
  },
});
