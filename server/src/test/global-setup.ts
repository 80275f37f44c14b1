// Vitest global setup (root vitest.config.ts): migrates and bootstraps once per run and hands the snapshots to the
// workers (inject('ghTestSnapshots') in test/db.ts); removes them when the run ends. GH_TEST_TIMING=1 prints how
// long that took.
import type { TestProject } from 'vitest/node';
import { makeTestSnapshots } from './snapshots.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // GH_TEST_SNAPSHOTS=0: every file migrates and bootstraps its own database (the old way; for comparison).
  if (process.env.GH_TEST_SNAPSHOTS === '0') {
    project.provide('ghTestSnapshots', {});
    return async () => undefined;
  }
  const t0 = performance.now();
  const { snapshots, dispose } = await makeTestSnapshots();
  project.provide('ghTestSnapshots', snapshots);
  if (process.env.GH_TEST_TIMING) console.log(`test snapshots ready in ${Math.round(performance.now() - t0)} ms`);
  return dispose;
}
