// npm run backup  [-- --out DIR] [--with-key]        database archive + manifest (+ the master key if asked)
// npm run backup:key -- --out DIR                     the master key alone, for separate safekeeping
// npm run restore -- --from DIR [--key FILE]          into an empty database / a new DATA_DIR
// Same environment as `npm start` (DATABASE_URL or DATA_DIR, GONGHUI_MASTER_KEY, AUDIT_SEAL_DIR); on PostgreSQL the
// schema owner's DATABASE_MIGRATION_URL is used when set (the app's own role may not read every row under RLS).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.ts';
import { backupDatabase } from './backup.ts';
import { KEY_FILE, readMasterKey, writePrivate } from './backup-common.ts';
import { restoreDatabase } from './restore.ts';

const config = loadConfig();
const cwd = process.env.INIT_CWD ?? process.cwd();
const databaseUrl = process.env.DATABASE_MIGRATION_URL || config.databaseUrl;
const [command = '', ...rest] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);
const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

async function backup() {
  const { values } = parseArgs({
    args: rest,
    options: { out: { type: 'string' }, 'with-key': { type: 'boolean' }, 'key-only': { type: 'boolean' } },
  });
  const engine = databaseUrl ? 'postgres' : 'pglite';
  const out = path.resolve(cwd, values.out ?? path.join('backups', `gonghui-${engine}-${stamp()}`));
  const masterKey = readMasterKey({ envKey: config.masterKey, keyFile: path.join(config.dataDir, KEY_FILE) });
  if (values['key-only']) {
    fs.mkdirSync(out, { recursive: true, mode: 0o700 });
    writePrivate(path.join(out, KEY_FILE), masterKey.toString('base64'));
    say(`主密钥已写入 ${path.join(out, KEY_FILE)}（0600）。请与数据库备份分开保管 / keep it apart from the database backups.`);
    return;
  }
  const { manifest } = await backupDatabase({
    databaseUrl,
    dataDir: config.dataDir,
    outDir: out,
    masterKey,
    sealDir: config.auditSealDir,
    withKey: values['with-key'],
  });
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  say(`备份完成 / backup written: ${out}`);
  say(
    `  ${manifest.engine} · ${manifest.archive} · ${Object.keys(manifest.tables).length} 张表 ${rows} 行 · sha256 ${manifest.sha256.slice(0, 16)}…`,
  );
  say(
    values['with-key']
      ? `  主密钥在 ${path.join(out, KEY_FILE)}：与备份同放即失去加密的意义，请另行保管`
      : '  未包含主密钥：恢复时需要它（npm run backup:key 单独导出）/ the master key is not included',
  );
}

async function restore() {
  const { values } = parseArgs({ args: rest, options: { from: { type: 'string' }, key: { type: 'string' } } });
  if (!values.from) throw new Error('用法 / usage: npm run restore -- --from <备份目录> [--key <主密钥文件>]');
  const from = path.resolve(cwd, values.from);
  let masterKey: Buffer | undefined;
  if (values.key) masterKey = readMasterKey({ keyFile: path.resolve(cwd, values.key) });
  else if (config.masterKey) masterKey = readMasterKey({ envKey: config.masterKey });
  else if (fs.existsSync(path.join(config.dataDir, KEY_FILE))) masterKey = readMasterKey({ keyFile: path.join(config.dataDir, KEY_FILE) });
  const res = await restoreDatabase({
    from,
    databaseUrl,
    dataDir: config.dataDir,
    masterKey,
    installKey: Boolean(values.key) && !config.masterKey,
    sealDir: config.auditSealDir,
  });
  say(`恢复完成 / restored from ${from} (${res.manifest.createdAt})`);
  say(`  ${Object.keys(res.tables).length} 张表的行数与备份一致 / row counts match`);
  say(
    res.manifest.sample
      ? '  样本会员的身份证号可以解密 / the sample row decrypts'
      : '  备份中没有会员，仅校验了密钥 / no members: only the key check ran',
  );
  for (const n of res.notes) say(`  ${n}`);
}

try {
  if (command === 'backup') await backup();
  else if (command === 'restore') await restore();
  else throw new Error(`unknown command ${command}: backup | restore`);
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
}
