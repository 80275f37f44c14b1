// Child process of the crash test: runs the import runner on the test's database and stops inside the
// transaction of batch CRASH_AT_BATCH (its rows already written, not committed) until it is killed with -9.
import { createFieldCrypto } from '../../platform/crypto/index.ts';
import { openDatabase } from '../../platform/db/index.ts';
import { configureAuditChain } from '../../platform/audit/index.ts';
import { createImportRuntime } from './index.ts';

const env = process.env;
const crashAt = Number(env.CRASH_AT_BATCH ?? 0);
const database = await openDatabase(env.CRASH_DB_URL ? { databaseUrl: env.CRASH_DB_URL } : { dataDir: env.CRASH_DATA_DIR ?? '' });
const crypto = createFieldCrypto(Buffer.alloc(32, 1));
configureAuditChain(crypto);
const log = { error: (o: object, m: string) => console.error(m, o), info: () => undefined };
const runtime = createImportRuntime({
  db: database.db,
  // The route tests' fixed key, so blind indexes match the parent's.
  crypto,
  dir: env.CRASH_IMPORTS_DIR ?? '',
  log,
  batchSize: Number(env.CRASH_BATCH_SIZE ?? 500),
  leaseMs: 1500,
  pollMs: 100,
  afterBatchWrite: async (_jobId, batchNo) => {
    if (batchNo !== crashAt) return;
    process.send?.({ midBatch: batchNo });
    await new Promise(() => undefined);
  },
});
await runtime.runner.start();
