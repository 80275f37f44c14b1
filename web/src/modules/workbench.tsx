import { HomeOutlined } from '@ant-design/icons';
import { defineWebModule } from './define.ts';

// 工作台 (待办 and key figures) is the home page of every cadre who works with members; "/" itself renders it
// (app/HomeRedirect.tsx). Case pages of each module link back here through their to-dos.
export const workbenchWebModule = defineWebModule({
  key: 'platform',
  routes: [],
  menu: [{ path: '/', labelKey: 'menu.workbench', permission: 'member:read', icon: <HomeOutlined /> }],
});
