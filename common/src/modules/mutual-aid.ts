// 医疗互助: yearly plans with classes and payout rules, quotas, enrolment by unit, and claims on the case kernel.
import { defineCatalogue } from './define.ts';

export const mutualAidCatalogue = defineCatalogue({
  key: 'mutual-aid',
  label: '医疗互助',
  permissions: {
    'mutual_aid:read': '查看医疗互助计划、参保和报销',
    'mutual_aid:manage': '设立互助计划、登记参保、提交和审核报销申请',
    'mutual_aid:approve': '复核和赔付医疗互助报销',
    'mutual_aid:export': '导出医疗互助报销台账（脱敏）',
    'mutual_aid:view_health': '查看医疗互助报销的诊断等健康信息',
  },
  audit: {
    mutual_aid: {
      label: '医疗互助',
      actions: {
        'mutual_aid.plan_create': '设立医疗互助计划',
        'mutual_aid.quota_set': '下达医疗互助参保任务',
        'mutual_aid.enrol': '登记医疗互助参保',
        'mutual_aid.premium': '登记医疗互助缴费',
        'mutual_aid.claim': '提交医疗互助报销申请',
        'mutual_aid.withdraw': '职工撤回医疗互助报销申请',
        'mutual_aid.verify': '审核医疗互助报销申请',
        'mutual_aid.review': '复核医疗互助报销',
        'mutual_aid.pay': '赔付医疗互助报销',
        'mutual_aid.reject': '驳回医疗互助报销申请',
        'mutual_aid.view_health': '查看医疗互助健康信息',
        'mutual_aid.export': '导出医疗互助报销台账',
      },
    },
  },
  entities: { mutual_aid_plan: '医疗互助计划', mutual_aid_enrolment: '医疗互助参保', mutual_aid_claim: '医疗互助报销' },
});
