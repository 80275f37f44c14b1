// First-load budgets: the JS a page's HTML loads (its entry script, modulepreloads and every chunk they import
// statically), gzipped like `gzip -c`. Checked after every build for
//   - the member H5 page (dist/h5/index.html): 250 kB;
//   - the console's login page (dist/index.html; the signed-in console is a lazy chunk group): 150 kB.
// Neither may load the console's antd / ProComponents chunks. Prints each list and exits 1 over a budget.
// Usage: node web/scripts/bundle-size.mjs [page.html --budget-kb N] (after `npm run build -w web`).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
const args = process.argv.slice(2);
const budgetArg = args.indexOf('--budget-kb');
const onlyPage = args.find((a) => a.endsWith('.html'));
const PAGES = onlyPage
  ? [{ page: onlyPage, budgetKb: budgetArg >= 0 ? Number(args[budgetArg + 1]) : 250 }]
  : [
      { page: 'h5/index.html', budgetKb: 250 },
      { page: 'index.html', budgetKb: 150, label: 'console login page' },
    ];
// Static imports in a built chunk: `import ... from "./x.js"` and bare `import "./x.js"` (never `import("./x.js")`).
const STATIC_IMPORT = /\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+\.js)["']/g;

/** The JS files a page loads before any dynamic import, with their gzip sizes, largest first. */
function firstLoad(page) {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  const queue = refs.map((r) => path.join(dist, r.replace(/^\//, '')));
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(path.resolve(path.dirname(file), m[1]));
  }
  const rows = [...seen].map((file) => [path.relative(dist, file), zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length]);
  return rows.sort((a, b) => b[1] - a[1]);
}

let failed = false;
for (const { page, budgetKb, label } of PAGES) {
  const rows = firstLoad(page);
  const total = rows.reduce((sum, [, gz]) => sum + gz, 0);
  console.log(`/${page}${label ? ` (${label})` : ''}`);
  for (const [name, gz] of rows) console.log(`${(gz / 1000).toFixed(1).padStart(8)} kB  ${name}`);
  console.log(`${(total / 1000).toFixed(1).padStart(8)} kB  total gzip JS for /${page} (budget ${budgetKb} kB)`);
  const forbidden = rows.filter(([name]) => /[\\/](antd|pro)-[\w-]+\.js$/.test(name));
  if (forbidden.length > 0) {
    console.error(`✗ ${page} loads console chunks: ${forbidden.map(([n]) => n).join(', ')}`);
    failed = true;
  } else if (total > budgetKb * 1000) {
    console.error(`✗ ${page} over budget by ${((total - budgetKb * 1000) / 1000).toFixed(1)} kB`);
    failed = true;
  } else {
    console.log('✓ within budget');
  }
}
if (failed) process.exit(1);
