// 职工诉求 (appeals): workers' appeals received by a union, answered within a deadline in working days, escalated
// to the parent union by hand or when overdue, and closed with the worker's satisfaction.
import { defineCatalogue } from './define.ts';

export const appealsCatalogue = defineCatalogue({
  key: 'appeals',
  label: '职工诉求',
  permissions: {
    'appeal:read': '查看职工诉求',
    'appeal:manage': '登记、答复、办结和上报职工诉求',
  },
  audit: {
    appeal: {
      label: '职工诉求',
      actions: {
        'appeal.create': '登记职工诉求',
        'appeal.reply': '答复职工诉求',
        'appeal.withdraw': '职工撤回诉求',
        'appeal.close': '办结职工诉求',
        'appeal.escalate': '上报职工诉求',
        'appeal.auto_escalate': '职工诉求逾期自动上报',
        'appeal.reveal': '查看职工诉求联系人完整信息',
        'appeal.export': '导出职工诉求台账',
      },
    },
  },
  entities: { appeal: '职工诉求' },
});
