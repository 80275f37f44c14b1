import { EditOutlined, FileProtectOutlined, IdcardOutlined, MobileOutlined, SwapOutlined } from '@ant-design/icons';
import { onEnterOnly, prefetchLoader } from '../app/prefetchRoute.ts';
import { prefetchMembers } from '../pages/members/memberQuery.ts';
import { defineWebModule, page } from './define.ts';

export const membersWebModule = defineWebModule({
  key: 'members',
  routes: [
    {
      path: 'members',
      // The roster's first page is asked for while the page's code loads and renders.
      loader: prefetchLoader(prefetchMembers),
      shouldRevalidate: onEnterOnly,
      lazy: page(() => import('../pages/members/MembersPage.tsx'), 'MembersPage'),
    },
    { path: 'transfers', lazy: page(() => import('../pages/transfers/TransfersPage.tsx'), 'TransfersPage') },
    { path: 'transfers/:id', lazy: page(() => import('../pages/transfers/TransferDetailPage.tsx'), 'TransferDetailPage') },
    { path: 'data-corrections', lazy: page(() => import('../pages/data-corrections/DataCorrectionsPage.tsx'), 'DataCorrectionsPage') },
    { path: 'member-accounts', lazy: page(() => import('../pages/memberAccounts/MemberAccountsPage.tsx'), 'MemberAccountsPage') },
    { path: 'export-requests', lazy: page(() => import('../pages/exportRequests/ExportRequestsPage.tsx'), 'ExportRequestsPage') },
  ],
  menu: [
    { path: '/members', labelKey: 'menu.members', permission: 'member:read', icon: <IdcardOutlined /> },
    { path: '/transfers', labelKey: 'menu.transfers', permission: 'member:read', icon: <SwapOutlined /> },
    { path: '/data-corrections', labelKey: 'dataCorrections.menu', permission: 'member:update', icon: <EditOutlined /> },
    { path: '/member-accounts', labelKey: 'memberAccount.menu', permission: 'member_account:read', icon: <MobileOutlined /> },
    { path: '/export-requests', labelKey: 'menu.exportRequests', permission: 'member:export', icon: <FileProtectOutlined /> },
  ],
});
