// The screen's breakpoints, known on the very first render. antd's Grid.useBreakpoint starts empty and fills itself in
// a layout effect, which renders a page (and an antd Table with responsive columns) a second time before it shows;
// this reads the same media queries synchronously and re-renders only when one of them changes.
import { useSyncExternalStore } from 'react';
import type { Breakpoint } from 'antd';

export type ScreenMap = Partial<Record<Breakpoint, boolean>>;

/** antd's default breakpoints (theme tokens screenSM…screenXXL; the console keeps them). */
const QUERIES: [Breakpoint, string][] = [
  ['xs', '(max-width: 575px)'],
  ['sm', '(min-width: 576px)'],
  ['md', '(min-width: 768px)'],
  ['lg', '(min-width: 992px)'],
  ['xl', '(min-width: 1200px)'],
  ['xxl', '(min-width: 1600px)'],
];

let lists: [Breakpoint, MediaQueryList][] | undefined;
let snapshot: { key: string; screens: ScreenMap } | undefined;

function mediaLists(): [Breakpoint, MediaQueryList][] {
  lists ??= QUERIES.map(([bp, q]) => [bp, window.matchMedia(q)]);
  return lists;
}

function getSnapshot(): ScreenMap {
  const matches = mediaLists().map(([, mql]) => mql.matches);
  const key = matches.map(Number).join('');
  if (snapshot?.key !== key) snapshot = { key, screens: Object.fromEntries(mediaLists().map(([bp], i) => [bp, matches[i]])) };
  return snapshot.screens;
}

function subscribe(onChange: () => void): () => void {
  const all = mediaLists();
  for (const [, mql] of all) mql.addEventListener('change', onChange);
  return () => {
    for (const [, mql] of all) mql.removeEventListener('change', onChange);
  };
}

/** Which breakpoints the window reaches now (like Grid.useBreakpoint, without the empty first render). */
export function useScreens(): ScreenMap {
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** Columns with `responsive` kept only when the screen reaches one of their breakpoints, the field dropped: the table
 * then needs no breakpoint subscription of its own. */
export function visibleColumns<C extends { responsive?: Breakpoint[] }>(columns: C[], screens: ScreenMap): Omit<C, 'responsive'>[] {
  return columns.filter((c) => !c.responsive || c.responsive.some((bp) => screens[bp])).map(({ responsive: _responsive, ...rest }) => rest);
}
