// Keys at start, shared by `npm start` and `npm run keys:rotate`: the master key from its configured source, the
// data keys unwrapped and self-tested. A problem ends the process with one line saying why (no stack trace).
import type { Config } from '../platform/config.ts';
import {
  KeyCheckError,
  MasterKeyError,
  createFieldCrypto,
  createLocalKeyProvider,
  initKeys,
  resolveMasterKey,
  type FieldCrypto,
  type KeyProvider,
} from '../platform/crypto/index.ts';
import type { Db } from '../platform/db/index.ts';
import { CIPHER_COLUMNS } from './cipher-columns.ts';

export function refuseToStart(message: string): never {
  process.stderr.write(`无法启动 / refusing to start: ${message}\n`);
  process.exit(1);
}

/** Before the database is opened: a production server without a proper key source stops here. */
export function masterKeyOrExit(config: Config): Buffer {
  try {
    return resolveMasterKey({
      dataDir: config.dataDir,
      envKey: config.masterKey,
      keyFile: config.masterKeyFile,
      production: config.production,
    });
  } catch (e) {
    if (e instanceof MasterKeyError) refuseToStart(e.message);
    throw e;
  }
}

/** Data keys unwrapped (the first one created on a fresh database) and the self-test passed. */
export async function keysOrExit(
  db: Db,
  master: Buffer,
  onFail: () => Promise<void>,
): Promise<{ crypto: FieldCrypto; provider: KeyProvider }> {
  const crypto = createFieldCrypto(master);
  // The KMS hook: an external KeyProvider goes here instead of the local one.
  const provider = createLocalKeyProvider(master);
  try {
    await initKeys(db, crypto, provider, CIPHER_COLUMNS);
  } catch (e) {
    if (!(e instanceof KeyCheckError)) throw e;
    await onFail();
    refuseToStart(e.message);
  }
  return { crypto, provider };
}
