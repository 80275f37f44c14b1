// Applies the committed migrations to a bench database and VACUUM ANALYZEs it (a migration that backfills a column
// rewrites every row): `npx tsx bench/src/migrate.ts --url postgres://…/gh_assist`. Prints the time of each step.
import { sql } from 'drizzle-orm';
import { runMigrations } from '../../server/src/platform/db/index.ts';
import { openBenchDb } from './db.ts';
import { parseArgs } from './lib.ts';

const args = parseArgs(['--db', 'postgres', ...process.argv.slice(2)]);
const database = await openBenchDb(args, false);
try {
  let t0 = performance.now();
  await runMigrations(database.db);
  console.log(`migrations: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  t0 = performance.now();
  if (args.db === 'postgres') await database.db.execute(sql`VACUUM ANALYZE`);
  console.log(`VACUUM ANALYZE: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} finally {
  await database.close();
}
