// Modules vite.config.ts provides.
declare module 'virtual:antd-styles' {
  /** URL of the prebuilt antd stylesheet in a build; null in dev. */
  const href: string | null;
  export default href;
}
