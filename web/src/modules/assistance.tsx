import { GiftOutlined, HeartOutlined } from '@ant-design/icons';
import { defineWebModule, page } from './define.ts';

export const assistanceWebModule = defineWebModule({
  key: 'assistance',
  routes: [
    { path: 'assistance', lazy: page(() => import('../pages/assistance/AssistancePage.tsx'), 'AssistancePage') },
    { path: 'assistance/:id', lazy: page(() => import('../pages/assistance/AssistanceDetailPage.tsx'), 'AssistanceDetailPage') },
    { path: 'campaigns', lazy: page(() => import('../pages/assistance/CampaignsPage.tsx'), 'CampaignsPage') },
    { path: 'campaigns/:id', lazy: page(() => import('../pages/assistance/CampaignDetailPage.tsx'), 'CampaignDetailPage') },
  ],
  menu: [
    { path: '/assistance', labelKey: 'assistance.menuLedger', permission: 'assistance:read', icon: <HeartOutlined /> },
    { path: '/campaigns', labelKey: 'assistance.menuCampaigns', permission: 'assistance:read', icon: <GiftOutlined /> },
  ],
});
