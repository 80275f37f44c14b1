// Where the master key (the key-encryption key) comes from. It never goes into the database:
// GONGHUI_MASTER_KEY (base64, 32 bytes), or the file GONGHUI_MASTER_KEY_FILE, or — outside production only —
// DATA_DIR/master.key created on first start with mode 0600. In production the key must live apart from the data
// (a copied or backed-up DATA_DIR must not carry the key that opens it).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class MasterKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}

export interface MasterKeySource {
  dataDir: string;
  /** GONGHUI_MASTER_KEY */
  envKey?: string | undefined;
  /** GONGHUI_MASTER_KEY_FILE */
  keyFile?: string | undefined;
  production: boolean;
}

const decode = (text: string, where: string): Buffer => {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new MasterKeyError(`${where} 应为 base64 编码的 32 字节密钥`);
  return key;
};

const isInside = (dir: string, file: string) => {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Resolves the master key; throws MasterKeyError with a one-line reason the server prints before exiting. */
export function resolveMasterKey(src: MasterKeySource): Buffer {
  if (src.envKey) return decode(src.envKey, 'GONGHUI_MASTER_KEY');
  if (src.keyFile) {
    const real = fs.existsSync(src.keyFile) ? fs.realpathSync(src.keyFile) : src.keyFile;
    const dataReal = fs.existsSync(src.dataDir) ? fs.realpathSync(src.dataDir) : src.dataDir;
    if (src.production && (isInside(src.dataDir, src.keyFile) || isInside(dataReal, real))) {
      throw new MasterKeyError(`生产模式下主密钥文件不得位于数据目录 ${src.dataDir} 内（GONGHUI_MASTER_KEY_FILE=${src.keyFile}）`);
    }
    if (!fs.existsSync(src.keyFile)) throw new MasterKeyError(`主密钥文件不存在：${src.keyFile}`);
    return decode(fs.readFileSync(src.keyFile, 'utf8'), `主密钥文件 ${src.keyFile}`);
  }
  if (src.production) {
    throw new MasterKeyError(
      '生产模式（NODE_ENV=production）须由 GONGHUI_MASTER_KEY 或 GONGHUI_MASTER_KEY_FILE（数据目录之外）提供主密钥，不使用 DATA_DIR/master.key',
    );
  }
  return loadMasterKey(src.dataDir);
}

/** Development and demo: DATA_DIR/master.key, created once with mode 0600. */
export function loadMasterKey(dataDir: string, envKey?: string): Buffer {
  if (envKey) return decode(envKey, 'GONGHUI_MASTER_KEY');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'master.key');
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return decode(fs.readFileSync(file, 'utf8'), `密钥文件 ${file}`);
}
