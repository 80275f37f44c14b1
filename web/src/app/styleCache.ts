// antd's CSS-in-JS drops a component type's generated styles from its cache when the last instance unmounts, and
// builds them again (design tokens → style objects → CSS text) when the next page mounts one: on every menu
// navigation, for every component type the page uses (the roster's table, filter form, date pickers, selects…).
// The <style> elements themselves stay in the document (autoClear is off), so this cache keeps the entries too,
// unreferenced: a page opened again reuses them. Its size is bounded by the component types × the console's one theme.
import { createCache } from '@ant-design/cssinjs';

export function createKeepAliveStyleCache(): ReturnType<typeof createCache> {
  const cache = createCache();
  const opUpdate = cache.opUpdate.bind(cache);
  cache.opUpdate = (key, valueFn) =>
    opUpdate(key, (prev) => {
      const next = valueFn(prev);
      // The last user left: keep the entry with no references instead of deleting it.
      return next === null && prev ? [0, prev[1]] : next;
    });
  return cache;
}
