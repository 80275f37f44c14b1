// 困难职工档案: hardship files per household, on the case kernel.
import { defineCatalogue } from './define.ts';

export const hardshipCatalogue = defineCatalogue({
  key: 'hardship',
  label: '困难职工帮扶',
  permissions: {
    'hardship:read': '查看困难职工档案',
    'hardship:manage': '建立和维护困难职工档案',
    'hardship:approve': '审批困难职工建档',
  },
  audit: {
    hardship: {
      label: '困难职工档案',
      actions: {
        'hardship.create': '新建困难职工档案',
        'hardship.submit': '提交困难职工档案审批',
        'hardship.decline': '不予受理职工的困难帮扶申请',
        'hardship.withdraw': '职工撤回困难帮扶申请',
        'hardship.approve': '批准困难职工建档',
        'hardship.reject': '驳回困难职工建档',
        'hardship.review': '复核困难职工档案',
        'hardship.review_due': '困难职工档案到期待复核',
        'hardship.exit': '困难职工解困脱困',
        'hardship.reveal': '查看困难职工完整身份证号和手机号',
      },
    },
  },
  entities: { hardship_file: '困难职工档案' },
});
