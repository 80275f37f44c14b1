// The console's antd theme: ConfigProvider in console.tsx, and scripts/antd-css.tsx, which must generate the same
// styles at build time.
export const CONSOLE_THEME = { token: { colorPrimary: '#1d5fd6', borderRadius: 6 } };
