// Child process that owns the embedded PGlite database and serves it over the PostgreSQL wire protocol
// on a private Unix socket, so queries never block the API's event loop and the app uses one `pg` driver.
// An optional third argument names a dumpDataDir() archive to start an in-memory database from (the test kit's
// migrated snapshot); the parent may ask for such a dump over IPC ({dump: file}).
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const [dataDir, socketPath, snapshot] = process.argv.slice(2);
const db = snapshot
  ? await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(snapshot)]) })
  : await PGlite.create(dataDir === ':memory:' ? undefined : dataDir);
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 });
await server.start();
process.send?.({ ready: true });

process.on('message', (msg) => {
  if (!msg || typeof msg.dump !== 'string') return;
  db.query('CHECKPOINT')
    .then(() => db.dumpDataDir('none'))
    .then(async (tar) => fs.writeFileSync(msg.dump, Buffer.from(await tar.arrayBuffer()), { mode: 0o600 }))
    .then(
      () => process.send?.({ dumped: msg.dump }),
      (e) => process.send?.({ dumped: msg.dump, error: String(e?.message ?? e) }),
    );
});

let closing = false;
async function shutdown(code) {
  if (closing) return;
  closing = true;
  try {
    await server.stop();
    await db.close();
  } finally {
    process.exit(code);
  }
}
// The parent's death closes the IPC channel: close the database cleanly rather than linger.
process.on('disconnect', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGINT', () => void shutdown(0));
