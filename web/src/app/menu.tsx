// Console menu entries and the permission each one needs.
import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, IdcardOutlined, SafetyCertificateOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import type { Permission } from '@gonghui/common';

export interface MenuEntry {
  path: string;
  labelKey: string;
  permission: Permission;
  icon: ReactNode;
}

export const MENU: MenuEntry[] = [
  { path: '/orgs', labelKey: 'menu.orgs', permission: 'org:read', icon: <ApartmentOutlined /> },
  { path: '/members', labelKey: 'menu.members', permission: 'member:read', icon: <IdcardOutlined /> },
  { path: '/transfers', labelKey: 'menu.transfers', permission: 'member:read', icon: <SwapOutlined /> },
  { path: '/users', labelKey: 'menu.users', permission: 'user:read', icon: <TeamOutlined /> },
  { path: '/roles', labelKey: 'menu.roles', permission: 'role:read', icon: <SafetyCertificateOutlined /> },
  { path: '/audit', labelKey: 'menu.audit', permission: 'audit:read', icon: <AuditOutlined /> },
];

export function allowedMenu(permissions: readonly string[]): MenuEntry[] {
  return MENU.filter((m) => permissions.includes(m.permission));
}
