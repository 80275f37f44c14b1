// Supply chain check for CI: known high or critical advisories in production dependencies fail the build.
// Exit 0: the registry answered and found none; 1: it found some (listed); 3: the registry did not answer
// (network error, an endpoint a mirror does not serve) — advisories were NOT checked, and we say so loudly.
// AUDIT_JSON=<file> parses a saved `npm audit --json` report instead of asking the registry.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const UNCHECKED = 3;
let raw;
if (process.env.AUDIT_JSON) raw = fs.readFileSync(process.env.AUDIT_JSON, 'utf8');
else {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', timeout: 120_000 });
  raw = run.stdout ?? '';
}

let report;
try {
  report = JSON.parse(raw);
} catch {
  report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts || typeof counts !== 'object') {
  const why = report?.message ?? report?.error?.summary ?? (raw.trim().split('\n')[0] || 'no answer');
  console.log(`npm audit: registry did not answer — advisories NOT checked (${why})`);
  process.exit(UNCHECKED);
}

const serious = Object.values(report.vulnerabilities ?? {}).filter((v) => v.severity === 'high' || v.severity === 'critical');
console.log(
  `npm audit (production dependencies): ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
for (const v of serious) {
  const via = (v.via ?? []).map((x) => (typeof x === 'string' ? x : `${x.title ?? ''} ${x.url ?? ''}`.trim())).join('; ');
  console.log(`  ${v.severity.padEnd(8)} ${v.name} ${v.range ?? ''} — ${via}${v.fixAvailable ? ' (fix available)' : ''}`);
}
process.exit(serious.length > 0 || (counts.high ?? 0) + (counts.critical ?? 0) > 0 ? 1 : 0);
