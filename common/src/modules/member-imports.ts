// Excel roster imports into the member registry.
import { defineCatalogue } from './define.ts';

export const memberImportsCatalogue = defineCatalogue({
  key: 'member-imports',
  label: '会员导入',
  permissions: { 'member:import': '导入会员' },
  audit: {
    member_import: {
      label: '会员导入',
      actions: { 'member.import': '导入会员', 'member.import_report': '下载会员导入错误报告' },
    },
  },
  entities: { member_import: '会员导入' },
});
