// How long a test file waits for its database: openTestDb three times per engine. Runs only with GH_TEST_TIMING=1
// (figures in docs/benchmarks.md, "Test kit"); GH_TEST_SNAPSHOTS=0 times the old way (migrate + bootstrap per file).
import { describe, expect, it } from 'vitest';
import { engines, openTestDb } from './db.ts';

describe.skipIf(!process.env.GH_TEST_TIMING).each(engines())('openTestDb timing on %s', (engine) => {
  it('opens and closes a test database three times', async () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const t = await openTestDb(engine);
      times.push(Math.round(performance.now() - t0));
      expect(t.rootOrgId).toBeGreaterThan(0);
      await t.close();
    }
    console.log(`openTestDb(${engine}) ms: ${times.join(', ')}`);
  });
});
