// First-load budget of the member H5 page: the JS that dist/h5/index.html loads (its entry script, modulepreloads and
// every chunk they import statically), gzipped like `gzip -c`. Prints the list and exits 1 over budget.
// Usage: node web/scripts/bundle-size.mjs [--budget-kb 250] (after `npm run build -w web`).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
const args = process.argv.slice(2);
const budgetArg = args.indexOf('--budget-kb');
const budgetKb = budgetArg >= 0 ? Number(args[budgetArg + 1]) : 250;
const page = args.find((a) => a.endsWith('.html')) ?? 'h5/index.html';

const html = fs.readFileSync(path.join(dist, page), 'utf8');
const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
// Static imports in a built chunk: `import ... from "./x.js"` and bare `import "./x.js"` (never `import("./x.js")`).
const STATIC_IMPORT = /\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+\.js)["']/g;

const seen = new Set();
const queue = refs.map((r) => path.join(dist, r.replace(/^\//, '')));
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  const code = fs.readFileSync(file, 'utf8');
  for (const m of code.matchAll(STATIC_IMPORT)) queue.push(path.resolve(path.dirname(file), m[1]));
}

let total = 0;
const rows = [...seen].map((file) => {
  const gz = zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;
  total += gz;
  return [path.relative(dist, file), gz];
});
rows.sort((a, b) => b[1] - a[1]);
for (const [name, gz] of rows) console.log(`${(gz / 1000).toFixed(1).padStart(8)} kB  ${name}`);
const forbidden = rows.filter(([name]) => /[\\/](antd|pro)-[\w-]+\.js$/.test(name));
console.log(`${(total / 1000).toFixed(1).padStart(8)} kB  total gzip JS for /${page} (budget ${budgetKb} kB)`);
if (forbidden.length > 0) {
  console.error(`✗ ${page} loads console chunks: ${forbidden.map(([n]) => n).join(', ')}`);
  process.exit(1);
}
if (total > budgetKb * 1000) {
  console.error(`✗ over budget by ${((total - budgetKb * 1000) / 1000).toFixed(1)} kB`);
  process.exit(1);
}
console.log('✓ within budget');
