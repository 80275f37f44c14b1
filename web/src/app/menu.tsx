// Console menu entries and the permission each one needs.
import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import type { Permission } from '@gonghui/common';

export interface MenuEntry {
  path: string;
  labelKey: string;
  permission: Permission;
  icon: ReactNode;
}

export const MENU: MenuEntry[] = [
  { path: '/orgs', labelKey: 'menu.orgs', permission: 'org:read', icon: <ApartmentOutlined /> },
  { path: '/users', labelKey: 'menu.users', permission: 'user:read', icon: <TeamOutlined /> },
  { path: '/roles', labelKey: 'menu.roles', permission: 'role:read', icon: <SafetyCertificateOutlined /> },
  { path: '/audit', labelKey: 'menu.audit', permission: 'audit:read', icon: <AuditOutlined /> },
];

export function allowedMenu(permissions: readonly string[]): MenuEntry[] {
  return MENU.filter((m) => permissions.includes(m.permission));
}
