// Phone-sized screen (below antd's md breakpoint, 768 px): pages stack their panels and show fewer columns.
import { Grid } from 'antd';

const PHONE_MAX = 767;

export function useIsPhone(): boolean {
  const md = Grid.useBreakpoint().md;
  // The breakpoints are empty on the very first render: the window's width answers until they are known, so
  // settings read once (a form's initial collapse) already fit the screen.
  return md === undefined ? window.innerWidth <= PHONE_MAX : !md;
}
