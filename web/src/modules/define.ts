// A console module: the pages it adds (lazy routes under the console shell) and its menu entries. The router and
// the menu are assembled from the list in ./index.ts, so a new module is one file here plus one line there.
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { ModuleKey, Permission } from '@gonghui/common';

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

export interface WebModule {
  /** The module's key, as in common/src/modules/ (`platform` for the workbench of casework). */
  key: ModuleKey;
  routes: RouteObject[];
  menu: MenuEntry[];
  menuGroups?: Record<string, MenuGroup>;
}

export const defineWebModule = (m: WebModule): WebModule => m;

/** A lazily loaded page: `page(() => import('…/XPage.tsx'), 'XPage')`. */
export function page<K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) {
  return async () => ({ Component: (await load())[name] });
}
