// Child process that owns the embedded PGlite database and serves it over the PostgreSQL wire protocol
// on a private Unix socket, so queries never block the API's event loop and the app uses one `pg` driver.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const [dataDir, socketPath] = process.argv.slice(2);
const db = await PGlite.create(dataDir === ':memory:' ? undefined : dataDir);
const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 4 });
await server.start();
process.send?.({ ready: true });

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
