// Audit action names and how the console labels them.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录成功',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'org.create': '新建组织',
  'org.update': '编辑组织',
  'org.rename': '更名',
  'org.reelect': '换届选举',
  'org.upgrade': '升格',
  'org.move': '转出（变更上级）',
  'org.dissolve': '注销',
  'user.create': '新建用户',
  'user.update': '编辑用户',
  'role.create': '新建角色',
  'system.bootstrap': '系统初始化',
};
