// Console menu entries and the permission each one needs, assembled from the console modules (web/src/modules/);
// entries with a `group` sit under that menu group.
import type { ReactNode } from 'react';
import { WEB_MODULES, type MenuEntry, type MenuGroup } from '../modules/index.ts';

export type { MenuEntry, MenuGroup };

export const MENU_GROUPS: Record<string, MenuGroup> = Object.assign({}, ...WEB_MODULES.map((m) => m.menuGroups ?? {})) as Record<
  string,
  MenuGroup
>;

export const MENU: MenuEntry[] = WEB_MODULES.flatMap((m) => m.menu);

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
