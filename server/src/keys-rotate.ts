// `npm run keys:rotate [-- --resume]`: a new data key, then every encrypted value re-encrypted under it in
// small batches. Safe while the server runs (it reads every key version); resumable with --resume.
import { loadConfig } from './platform/config.ts';
import { asSystem, openDatabase, runMigrations } from './platform/db/index.ts';
import { rotateKeys } from './platform/crypto/index.ts';
import { CIPHER_COLUMNS } from './bootstrap/cipher-columns.ts';
import { keysOrExit, masterKeyOrExit } from './bootstrap/keys.ts';

const config = loadConfig();
const master = masterKeyOrExit(config);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await runMigrations(database.db);
// Rotation re-encrypts every row of the federation: a system context (row-level security).
const { crypto, provider } = await asSystem(() => keysOrExit(database.db, master, () => database.close()));
const resume = process.argv.includes('--resume');
try {
  const res = await asSystem(() =>
    rotateKeys(database.db, crypto, provider, CIPHER_COLUMNS, { resume, log: (line) => process.stdout.write(`${line}\n`) }),
  );
  process.exitCode = res.failed.length > 0 ? 2 : 0;
} finally {
  await database.close();
}
