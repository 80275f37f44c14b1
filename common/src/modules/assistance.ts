// 帮扶救助 and campaigns (送温暖 / 送清凉 / 金秋助学 / 救灾): assistance entries paid through the ledger.
import { defineCatalogue } from './define.ts';

export const assistanceCatalogue = defineCatalogue({
  key: 'assistance',
  label: '帮扶救助',
  permissions: {
    'assistance:read': '查看帮扶救助和帮扶活动',
    'assistance:manage': '登记、发放和取消帮扶救助',
    'assistance:approve': '审批和冲正帮扶救助',
    'assistance:export': '导出帮扶救助台账（脱敏）',
    'campaign:manage': '发起帮扶活动（送温暖、送清凉、金秋助学、救灾）',
  },
  audit: {
    assistance: {
      label: '帮扶救助',
      actions: {
        'assistance.request': '登记帮扶救助',
        'assistance.approve': '审批帮扶救助',
        'assistance.pay': '发放帮扶救助',
        'assistance.cancel': '取消帮扶救助',
        'assistance.reverse': '冲正帮扶救助',
        'campaign.create': '发起帮扶活动',
        'assistance.export': '导出帮扶救助台账',
        'assistance.import_report': '下载受助名单错误报告',
      },
    },
  },
  entities: { assistance: '帮扶救助', campaign: '帮扶活动', beneficiary_import: '受助名单导入' },
});
