// Phone-sized screen (below antd's md breakpoint, 768 px): pages stack their panels and show fewer columns.
import { useScreens } from './useScreens.ts';

export function useIsPhone(): boolean {
  return !useScreens().md;
}
