import { Grid } from 'antd';

/** Phones and small tablets: below antd's `md` breakpoint (768 px). */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return !screens.md;
}

/** Screens wide enough for the fixed side navigation (antd `lg`, 992 px). */
export function useHasSider(): boolean {
  const screens = Grid.useBreakpoint();
  return !!screens.lg;
}
