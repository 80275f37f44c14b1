import type { browseZhCN } from './browse.zh-CN.ts';

export const browseEn: typeof browseZhCN = {
  browse: {
    pickOrg: 'Choose org',
    currentOrg: 'Current org',
    members: 'Members',
    membersSelf: '{{count}} in this union',
    membersSubtree: '{{count}} with subordinate unions',
    roster: 'Open roster',
    term: 'Current term',
    termRange: '{{from}} to {{to}}',
    termSince: 're-elected {{from}} (term length not recorded)',
    termNone: 'No re-election recorded',
    termExpired: 'Expired',
    parentOf: 'Parent: {{name}}',
  },
};
