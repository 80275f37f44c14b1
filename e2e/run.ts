// End-to-end journeys in headless Chromium against the real app. Prints "N passed, N failed" and writes
// .tmp/e2e.json for CI; exits non-zero on any failure. E2E_JOURNEYS (comma-separated parts of journey names) runs
// only the journeys whose name contains one of them, e.g. E2E_JOURNEYS=困难职工帮扶 npm test -w e2e.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, root, startApp } from './harness.ts';
import { journeys } from './journeys/index.ts';

async function main(): Promise<void> {
  let passed = 0;
  let failed = 0;
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    const only = (process.env.E2E_JOURNEYS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const selected = only.length ? journeys.filter((j) => only.some((part) => j.name.includes(part))) : journeys;
    if (selected.length === 0) throw new Error(`no journey matches E2E_JOURNEYS=${process.env.E2E_JOURNEYS ?? ''}`);
    for (const j of selected) {
      const started = Date.now();
      try {
        await j.run({ app, browser });
        passed++;
        console.log(`✓ ${j.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        console.log(`✗ ${j.name}\n  ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
    // Supply chain: the server contacted nothing but loopback during start-up and every journey.
    const egress = app.egress();
    if (egress.length === 0) {
      passed++;
      console.log('✓ no outbound connection from the server');
    } else {
      failed++;
      console.log(`✗ the server tried to reach the network:\n  ${egress.join('\n  ')}`);
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(root, '.tmp/e2e.json'), JSON.stringify({ passed, failed }));
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  fs.writeFileSync(path.join(root, '.tmp/e2e.json'), JSON.stringify({ passed: 0, failed: 1 }));
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
