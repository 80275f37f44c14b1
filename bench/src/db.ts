// Opens the bench database: PostgreSQL on loopback (created on demand) or a PGlite data directory.
import fs from 'node:fs';
import { openDatabase, type Database } from '../../server/src/platform/db/index.ts';
import './members-crypto.ts'; // configures the audit chain's key
import { ensurePgDatabase, type BenchArgs } from './lib.ts';

export async function openBenchDb(args: BenchArgs, create: boolean): Promise<Database> {
  if (args.db === 'postgres') {
    if (create) await ensurePgDatabase(args.url, args.fresh);
    return openDatabase({ databaseUrl: args.url, poolMax: 10 });
  }
  if (create && args.fresh) fs.rmSync(args.dataDir, { recursive: true, force: true });
  if (!create && !fs.existsSync(args.dataDir)) throw new Error(`no PGlite data in ${args.dataDir}: run gen:orgs first`);
  return openDatabase({ dataDir: args.dataDir });
}
