// The console (antd, ProComponents, the shell and every module's routes) is one lazy chunk group: the login page
// never waits for it, and starts fetching it once idle or as soon as the user types.
import type * as Console from './console.tsx';
import { loadAntdStyles } from './antdStyles.ts';

let loading: Promise<typeof Console> | undefined;

export function loadConsole(): Promise<typeof Console> {
  // antd's prebuilt styles with the console's code: they must be in place before antd first renders.
  loading ??= Promise.all([import('./console.tsx'), loadAntdStyles()])
    .then(([m]) => m)
    .catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
  return loading;
}

/** Fetches the console and the 工作台 (the usual first page after login) into the cache; errors are left for later. */
export function preloadConsole(): void {
  loadConsole()
    .then((m) => m.preloadHome())
    .catch(() => undefined);
}
