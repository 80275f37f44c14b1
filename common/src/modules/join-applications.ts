// 网上入会 (join-applications): workers apply online; the union approves (the member is registered) or rejects.
import { defineCatalogue } from './define.ts';

export const joinApplicationsCatalogue = defineCatalogue({
  key: 'join-applications',
  label: '入会申请',
  permissions: {
    'join:read': '查看入会申请',
    'join:decide': '审批入会申请',
  },
  audit: {
    join_application: {
      label: '入会申请',
      actions: {
        'join.apply': '提交入会申请',
        'join.approve': '批准入会申请',
        'join.reject': '不予批准入会申请',
      },
    },
  },
  entities: { join_application: '入会申请' },
});
