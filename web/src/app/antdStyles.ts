// The prebuilt antd stylesheet (vite.config.ts, prebuiltAntdStyles), applied before antd first renders: cssinjs reads
// the file's list of styles once per page, at the first component it styles, and then skips generating those.
import href from 'virtual:antd-styles';

let loaded: Promise<void> | undefined;

/**
 * Resolves once the stylesheet has loaded, or failed to (antd then generates every style itself, as in dev). It goes
 * first in <head>, followed by an empty <style> that heads cssinjs's queue (lowest priority): the styles cssinjs still
 * generates at run time (e.g. ProLayout's menu with its own component tokens) are inserted after that one, so they
 * come after the file and win where they differ, as they would without it; the console's own stylesheets follow.
 */
export function loadAntdStyles(): Promise<void> {
  if (!href) return Promise.resolve();
  const url = href;
  loaded ??= new Promise<void>((resolve) => {
    const anchor = document.createElement('style');
    anchor.setAttribute('data-rc-order', 'prependQueue');
    anchor.setAttribute('data-rc-priority', '-9999');
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = url;
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.prepend(link, anchor);
  });
  return loaded;
}
