// The org tree and its dated life events.
import { defineCatalogue } from './define.ts';

export const orgsCatalogue = defineCatalogue({
  key: 'orgs',
  label: '组织',
  permissions: {
    'org:read': '查看组织',
    'org:create': '新建组织',
    'org:update': '编辑组织',
    'org:event': '登记组织变更（更名、换届、升格、转出、注销）',
  },
  audit: {
    org: {
      label: '组织',
      actions: {
        'org.create': '新建组织',
        'org.update': '修改组织',
        'org.rename': '组织更名',
        'org.reelect': '换届选举',
        'org.upgrade': '组织升格',
        'org.move': '组织转出（变更上级）',
        'org.dissolve': '组织注销',
      },
    },
  },
  entities: { org: '组织' },
});
