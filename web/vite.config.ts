// Two pages: the console (index.html) and the member H5 portal (h5/index.html, served under /h5/). React plugin,
// /api proxied to the local server in dev, vendor code split into cacheable chunks. Packages reached from the H5
// entry never join the console's antd/pro groups, so a phone never downloads antd.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
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

// The console's antd styles, generated at build time (scripts/antd-css.tsx) into a stylesheet the console loads before
// antd first renders: cssinjs then finds each component's styles listed in the file (its cache-path map) and skips
// generating them on every page load. `virtual:antd-styles` is the file's URL in a build, null in dev (where class
// hashes differ). The file is emitted as it is: Vite's CSS pipeline would lower antd's logical properties for old
// targets, changing selectors and specificity.
function prebuiltAntdStyles(): Plugin {
  const id = 'virtual:antd-styles';
  let building = false;
  return {
    name: 'prebuilt-antd-styles',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      if (!building) return 'export default null;';
      const script = fileURLToPath(new URL('./scripts/antd-css.tsx', import.meta.url));
      const css = execFileSync(process.execPath, ['--import', 'tsx', script], {
        // The web package's tsconfig (its JSX settings) and node_modules.
        cwd: fileURLToPath(new URL('.', import.meta.url)),
        env: { ...process.env, NODE_ENV: 'production' },
        maxBuffer: 64 * 1024 * 1024,
      });
      const ref = this.emitFile({ type: 'asset', name: 'antd.css', source: css });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}

export default defineConfig({
  plugins: [react(), h5DevFallback(), precompress(), prebuiltAntdStyles()],
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
