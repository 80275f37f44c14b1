// Two pages: the console (index.html) and the member H5 portal (h5/index.html, served under /h5/). React plugin,
// /api proxied to the local server in dev, vendor code split into cacheable chunks. Packages reached from the H5
// entry never join the console's antd/pro groups, so a phone never downloads antd.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { h5Reach } from './scripts/h5-reach.ts';

const REACT = /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-is)[\\/]/;
// Checked in order; a module joins the first group whose pattern matches its path.
const VENDOR_GROUPS: [string, RegExp][] = [
  ['react', REACT],
  ['pro', /[\\/]node_modules[\\/]@ant-design[\\/]pro-/],
  ['antd', /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|@emotion|stylis)[\\/]/],
  ['i18n', /[\\/]node_modules[\\/](i18next|react-i18next)[\\/]/],
  // dayjs (and its locales) only with the console: the login page has no dates.
  ['dayjs', /[\\/]node_modules[\\/]dayjs[\\/]/],
  ['zod', /[\\/]node_modules[\\/]zod[\\/]/],
  ['query', /[\\/]node_modules[\\/]@tanstack[\\/]/],
  // Charts load only with the pages that draw them.
  ['charts', /[\\/]node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/],
  ['vendor', /[\\/]node_modules[\\/]/],
];
const NODE_MODULES = /[\\/]node_modules[\\/]/;

// Dev server: client-side routes under /h5/ get the H5 page (the console's fallback would answer otherwise).
function h5DevFallback(): Plugin {
  return {
    name: 'h5-dev-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '';
        if (/^\/h5(\/[^.]*)?(\?.*)?$/.test(url) && req.headers.accept?.includes('text/html')) req.url = '/h5/index.html';
        next();
      });
    },
  };
}

// A .gz beside each built script and stylesheet: the server sends it to browsers that accept gzip (preCompressed), so
// nothing is compressed per request.
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? fileURLToPath(new URL('./dist', import.meta.url));
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css)$/.test(file)) continue;
        const full = path.join(dir, file);
        const raw = fs.readFileSync(full);
        if (raw.length >= 1024) fs.writeFileSync(`${full}.gz`, zlib.gzipSync(raw, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), h5DevFallback(), precompress()],
  server: {
    // API_TARGET points the dev proxy at another server port.
    proxy: { '/api': process.env.API_TARGET ?? 'http://localhost:3000' },
  },
  build: {
    // The H5 page runs in WeChat's built-in browser (XWeb / X5 on Android, the system WKWebView on iOS): older engines
    // than Vite's default baseline (Safari 16.4) are still common there.
    target: ['es2020', 'chrome87', 'safari14', 'firefox78', 'edge88'],
    outDir: 'dist',
    emptyOutDir: true,
    // antd stays one ~1.3 MB chunk (≈400 kB gzip) even when split out; it is cached across releases.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        h5: fileURLToPath(new URL('./h5/index.html', import.meta.url)),
      },
      output: {
        codeSplitting: {
          // Keep each group to its own packages instead of pulling in everything they import.
          includeDependenciesRecursively: false,
          groups: [
            // React (and the router) is shared by both pages as it is.
            { name: 'react', test: REACT, priority: VENDOR_GROUPS.length + 2 },
            {
              // Packages the H5 page reaches: its own chunk, or a small shared one when the console needs them too.
              name: (id, ctx) => {
                const reach = h5Reach(id, ctx);
                return reach === 'h5' ? 'mobile' : reach === 'both' ? 'shared' : null;
              },
              test: NODE_MODULES,
              priority: VENDOR_GROUPS.length + 1,
            },
            ...VENDOR_GROUPS.slice(1).map(([name, test], i) => ({ name, test, priority: VENDOR_GROUPS.length - i - 1 })),
          ],
        },
      },
    },
  },
});
