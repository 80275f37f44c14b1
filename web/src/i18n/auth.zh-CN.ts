// Chinese text of the login page (loaded with the first page; the rest comes with the console, see full.ts).
export const authZhCN = {
  app: { title: '工会工作平台', subtitle: '组织建设 · 会员管理 · 工作台账' },
  login: {
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    showPassword: '显示密码',
    hidePassword: '隐藏密码',
    language: '语言',
    copyright: '工会工作平台 · 仅限授权人员使用',
    passwordRequired: '请输入密码',
    footer: '请使用管理员分配的账号登录；连续输错 3 次后每次须等待更久，输错 20 次账号将被锁定，需由安全管理员解锁。',
  },
};
