// 维权: rights cases (法律援助 / 劳动争议调解 / 信访 / 欠薪), the lawyers and mediators an org keeps on its roster, and
// 工伤探视 (injury reports and visits), on the case kernel.
import { defineCatalogue } from './define.ts';

export const rightsCatalogue = defineCatalogue({
  key: 'rights',
  label: '维权服务',
  permissions: {
    'rights:read': '查看维权案件和工伤探视',
    'rights:manage': '登记和办理维权案件、工伤探视，维护律师调解员名册',
    'rights:export': '导出维权案件台账（脱敏）',
  },
  audit: {
    rights: {
      label: '维权案件',
      actions: {
        'rights.create': '登记维权案件',
        'rights.accept': '受理维权案件',
        'rights.withdraw': '职工撤回法律援助申请',
        'rights.decline': '不予受理维权案件',
        'rights.close': '维权案件结案',
        'rights.reveal': '查看维权案件当事人信息',
        'rights.export': '导出维权案件台账',
        'rights.roster_create': '新增律师调解员',
        'rights.roster_update': '修改律师调解员',
        'rights.roster_delete': '移除律师调解员',
        'injury.report': '登记工伤职工',
        'injury.visit': '探视工伤职工',
        'injury.reveal': '查看工伤职工完整姓名和身份证号',
        'injury.export': '导出工伤探视台账',
      },
    },
  },
  entities: { rights_case: '维权案件', rights_roster: '律师调解员', injury_report: '工伤探视' },
});
