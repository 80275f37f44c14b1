import { ApartmentOutlined } from '@ant-design/icons';
import { onEnterOnly, prefetchLoader } from '../app/prefetchRoute.ts';
import { prefetchOrgs } from '../pages/orgs/orgQueries.ts';
import { defineWebModule, page } from './define.ts';

export const orgsWebModule = defineWebModule({
  key: 'orgs',
  routes: [
    {
      path: 'orgs',
      // The selected org's detail is asked for while the page's code loads and renders.
      loader: prefetchLoader(prefetchOrgs),
      shouldRevalidate: onEnterOnly,
      lazy: page(() => import('../pages/orgs/OrgsPage.tsx'), 'OrgsPage'),
    },
  ],
  menu: [{ path: '/orgs', labelKey: 'menu.orgs', permission: 'org:read', icon: <ApartmentOutlined /> }],
});
