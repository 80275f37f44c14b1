// The drafted work summaries (上半年工作总结 / 年度工作总结).
import { defineCatalogue } from './define.ts';

export const reportsCatalogue = defineCatalogue({
  key: 'reports',
  label: '工作总结',
  permissions: { 'report:read': '查看工作总结', 'report:manage': '生成和编辑工作总结' },
  audit: {
    report: {
      label: '工作总结',
      actions: { 'report.create': '生成工作总结', 'report.update': '修改工作总结', 'report.refresh': '刷新工作总结数据' },
    },
  },
  entities: { work_summary: '工作总结' },
  errors: { SUMMARY_EXISTS: { status: 409, message: '该组织同一期间已有工作总结' } },
});
