// Console menu entries and the permission each one needs; entries with a `group` sit under that menu group.
import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@gonghui/common';

export interface MenuEntry {
  path: string;
  labelKey: string;
  permission: Permission;
  icon: ReactNode;
  /** Key of the menu group (MENU_GROUPS) the entry belongs to. */
  group?: string;
}

export interface MenuGroup {
  labelKey: string;
  icon: ReactNode;
}

export const MENU_GROUPS: Record<string, MenuGroup> = {
  stats: { labelKey: 'menu.statsGroup', icon: <BarChartOutlined /> },
};

export const MENU: MenuEntry[] = [
  // 工作台 (待办 and key figures) is the home page of every cadre who works with members.
  { path: '/', labelKey: 'menu.workbench', permission: 'member:read', icon: <HomeOutlined /> },
  { path: '/orgs', labelKey: 'menu.orgs', permission: 'org:read', icon: <ApartmentOutlined /> },
  { path: '/members', labelKey: 'menu.members', permission: 'member:read', icon: <IdcardOutlined /> },
  { path: '/transfers', labelKey: 'menu.transfers', permission: 'member:read', icon: <SwapOutlined /> },
  { path: '/dashboard', labelKey: 'menu.dashboard', permission: 'stats:read', icon: <DashboardOutlined />, group: 'stats' },
  { path: '/stats', labelKey: 'menu.stats', permission: 'stats:read', icon: <BarChartOutlined />, group: 'stats' },
  { path: '/targets', labelKey: 'menu.targets', permission: 'stats:read', icon: <FlagOutlined />, group: 'stats' },
  { path: '/summaries', labelKey: 'menu.summaries', permission: 'report:read', icon: <FileTextOutlined />, group: 'stats' },
  { path: '/export-requests', labelKey: 'menu.exportRequests', permission: 'member:export', icon: <FileProtectOutlined /> },
  { path: '/users', labelKey: 'menu.users', permission: 'user:read', icon: <TeamOutlined /> },
  { path: '/roles', labelKey: 'menu.roles', permission: 'role:read', icon: <SafetyCertificateOutlined /> },
  { path: '/audit', labelKey: 'menu.audit', permission: 'audit:read', icon: <AuditOutlined /> },
];

/** The menu entry a path belongs to: '/' only itself, the others their subpaths too. */
export function menuEntryOf(pathname: string): MenuEntry | undefined {
  return MENU.find((m) => (m.path === '/' ? pathname === '/' : pathname === m.path || pathname.startsWith(`${m.path}/`)));
}

export function allowedMenu(permissions: readonly string[]): MenuEntry[] {
  return MENU.filter((m) => permissions.includes(m.permission));
}

export interface MenuRoute {
  path: string;
  name: string;
  icon: ReactNode;
  routes?: MenuRoute[];
}

/** ProLayout routes: grouped entries under their group (shown once, where its first entry stands). */
export function menuRoutes(entries: MenuEntry[], t: (key: string) => string): MenuRoute[] {
  const out: MenuRoute[] = [];
  const groups = new Map<string, MenuRoute>();
  for (const m of entries) {
    const route = { path: m.path, name: t(m.labelKey), icon: m.icon };
    const g = m.group ? MENU_GROUPS[m.group] : undefined;
    if (!m.group || !g) {
      out.push(route);
      continue;
    }
    let group = groups.get(m.group);
    if (!group) {
      group = { path: `/group/${m.group}`, name: t(g.labelKey), icon: g.icon, routes: [] };
      groups.set(m.group, group);
      out.push(group);
    }
    group.routes?.push(route);
  }
  return out;
}
