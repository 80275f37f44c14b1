import { ApartmentOutlined } from '@ant-design/icons';
import { defineWebModule, page } from './define.ts';

export const orgsWebModule = defineWebModule({
  key: 'orgs',
  routes: [{ path: 'orgs', lazy: page(() => import('../pages/orgs/OrgsPage.tsx'), 'OrgsPage') }],
  menu: [{ path: '/orgs', labelKey: 'menu.orgs', permission: 'org:read', icon: <ApartmentOutlined /> }],
});
