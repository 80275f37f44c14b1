// Console build: React plugin, /api proxied to the local server in dev, vendor code split into cacheable chunks.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Checked in order; a module joins the first group whose pattern matches its path.
const VENDOR_GROUPS: [string, RegExp][] = [
  ['react', /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-is)[\\/]/],
  ['pro', /[\\/]node_modules[\\/]@ant-design[\\/]pro-/],
  ['antd', /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|@emotion|stylis)[\\/]/],
  ['i18n', /[\\/]node_modules[\\/](i18next|react-i18next|dayjs)[\\/]/],
  ['zod', /[\\/]node_modules[\\/]zod[\\/]/],
  ['query', /[\\/]node_modules[\\/]@tanstack[\\/]/],
  // Charts load only with the pages that draw them.
  ['charts', /[\\/]node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/],
  ['vendor', /[\\/]node_modules[\\/]/],
];

export default defineConfig({
  plugins: [react()],
  server: {
    // API_TARGET points the dev proxy at another server port.
    proxy: { '/api': process.env.API_TARGET ?? 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd stays one ~1.3 MB chunk (≈400 kB gzip) even when split out; it is cached across releases.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Keep each group to its own packages instead of pulling in everything they import.
          includeDependenciesRecursively: false,
          groups: VENDOR_GROUPS.map(([name, test], i) => ({ name, test, priority: VENDOR_GROUPS.length - i })),
        },
      },
    },
  },
});
