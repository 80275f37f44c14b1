// Indicators, dashboards and the targets handed down from above.
import { defineCatalogue } from './define.ts';

export const statsCatalogue = defineCatalogue({
  key: 'stats',
  label: '统计与目标',
  permissions: { 'stats:read': '查看统计和目标完成情况', 'target:manage': '下达和分解目标任务' },
  audit: { target: { label: '目标任务', actions: { 'target.set': '设定目标任务' } } },
  entities: { target: '目标任务' },
});
