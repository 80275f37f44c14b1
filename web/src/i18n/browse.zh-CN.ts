// Browsing by org on any screen (组织管理, 会员管理): the tree in a drawer on phones, roster links, 届期.
export const browseZhCN = {
  browse: {
    pickOrg: '选择组织',
    currentOrg: '当前组织',
    members: '会员人数',
    membersSelf: '本级 {{count}} 人',
    membersSubtree: '含下级 {{count}} 人',
    roster: '查看会员名册',
    term: '本届任期',
    termRange: '{{from}} 至 {{to}}',
    termSince: '{{from}} 换届（未登记任期年限）',
    termNone: '未登记换届',
    termExpired: '已到期',
    parentOf: '上级：{{name}}',
  },
};
