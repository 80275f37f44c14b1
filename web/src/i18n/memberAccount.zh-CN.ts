// Chinese UI text of 会员账号 (the member portal accounts a cadre oversees).
export const memberAccountZhCN = {
  memberAccount: {
    menu: '会员账号',
    title: '会员服务账号',
    hint: '会员在手机端「工会会员服务」激活的账号。重置后会员的密码与登录全部失效，须重新激活。',
    name: '会员',
    org: '所在工会',
    status: '状态',
    statuses: { active: '已激活', locked: '已锁定', inactive: '待激活' },
    activatedAt: '激活时间',
    lastLoginAt: '最近登录',
    actions: '操作',
    reset: '重置激活',
    resetConfirm: '重置 {{name}} 的会员账号？',
    resetHint: '重置后该会员的密码和所有登录立即失效，须凭身份证号、手机号和短信验证码重新激活。此操作将记入审计日志。',
    resetDone: '已重置，会员须重新激活',
  },
};
