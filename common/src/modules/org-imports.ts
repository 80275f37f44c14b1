// 组织名册 imports: cadres create or update the unions of their subtree from one Excel file.
import { defineCatalogue } from './define.ts';

export const orgImportsCatalogue = defineCatalogue({
  key: 'org-imports',
  label: '组织导入',
  permissions: { 'org:import': '批量导入组织' },
  audit: {
    org_import: {
      label: '组织导入',
      actions: { 'org.import': '批量导入组织', 'org.import_report': '下载组织导入错误报告' },
    },
  },
  entities: { org_import: '组织导入' },
});
