// Where attachment bytes live. A FileStore knows only opaque keys the platform generated (newFileKey), never a
// path or name a user supplied; an object store (S3, OSS, MinIO) can implement the same three calls later.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface FileStore {
  /** Stores the bytes under a new key; a key is written once (an existing key is an error). */
  put(key: string, data: Buffer | Readable): Promise<void>;
  /** The bytes under a key; rejects with FileMissingError when there are none. */
  get(key: string): Promise<Readable>;
  /** Removes the bytes; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export class FileMissingError extends Error {
  constructor(key: string) {
    super(`file ${key} is missing from the store`);
    this.name = 'FileMissingError';
  }
}

const KEY = /^[0-9a-f]{32}$/;

/** A fresh random key (128 bits, hex). */
export const newFileKey = (): string => randomBytes(16).toString('hex');

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error('invalid file key');
  return key;
}

/** DATA_DIR/files: the local store's root. */
export const filesDirOf = (dataDir: string) => path.join(dataDir, 'files');

/**
 * Files under `root/<first two hex digits>/<key>`, directories 0700 and files 0600 whatever the umask. A file is
 * written to `<key>.part`, flushed and renamed, so a crash never leaves a half file under a key.
 */
export function createLocalFileStore(root: string): FileStore & { pathOf(key: string): string } {
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  fs.chmodSync(root, 0o700);
  removeStaleParts(root);
  const pathOf = (key: string) => path.join(root, checkKey(key).slice(0, 2), key);

  async function ensureDir(dir: string): Promise<void> {
    await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
    await fs.promises.chmod(dir, 0o700);
  }

  return {
    pathOf,
    async put(key, data) {
      const file = pathOf(key);
      await ensureDir(path.dirname(file));
      if (fs.existsSync(file)) throw new Error('file key already used');
      const part = `${file}.part`;
      const handle = await fs.promises.open(part, 'wx', 0o600);
      try {
        if (Buffer.isBuffer(data)) await handle.writeFile(data);
        else await pipeline(data, handle.createWriteStream({ autoClose: false }));
        await handle.chmod(0o600);
        await handle.sync();
      } catch (e) {
        await handle.close().catch(() => undefined);
        await fs.promises.rm(part, { force: true });
        throw e;
      }
      await handle.close();
      await fs.promises.rename(part, file);
    },
    async get(key) {
      try {
        const handle = await fs.promises.open(pathOf(key), 'r');
        return handle.createReadStream();
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new FileMissingError(key);
        throw e;
      }
    },
    async delete(key) {
      await fs.promises.rm(pathOf(key), { force: true });
    },
  };
}

/** Half-written files (`<key>.part`) left by a crash more than an hour ago; called when the store opens. */
export function removeStaleParts(root: string, olderThanMs = 3600_000): number {
  let removed = 0;
  for (const dir of fs.readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory() || !/^[0-9a-f]{2}$/.test(dir.name)) continue;
    for (const name of fs.readdirSync(path.join(root, dir.name))) {
      const file = path.join(root, dir.name, name);
      if (name.endsWith('.part') && Date.now() - fs.statSync(file).mtimeMs > olderThanMs) {
        fs.rmSync(file, { force: true });
        removed++;
      }
    }
  }
  return removed;
}

/** Reads a whole stream (tests, small files). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}
