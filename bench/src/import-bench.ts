// Member import throughput: parse-only, bare COPY of the same members (PostgreSQL), then the real import job
// (commit, then the same file again, then a dry run). Targets loopback PostgreSQL or a throw-away PGlite dir.
//   npx tsx bench/src/import-bench.ts --db postgres --rows 100000 [--url postgres://postgres@127.0.0.1:5432/gh_import_bench] [--batch N (default adaptive)]
//   npx tsx bench/src/import-bench.ts --db pglite --rows 100000
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { idCheckChar } from '@gonghui/common';
import { bootstrap } from '../../server/src/bootstrap/bootstrap.ts';
import { configureAuditChain } from '../../server/src/platform/audit/index.ts';
import { createFieldCrypto } from '../../server/src/platform/crypto/index.ts';
import { openDatabase, runMigrations } from '../../server/src/platform/db/index.ts';
import { XlsxWorkbook } from '../../server/src/platform/excel/index.ts';
import { cardNoOf, cipherFields, identityFields } from '../../server/src/modules/members/index.ts';
import { createImportRuntime } from '../../server/src/modules/member-imports/index.ts';
import { createJobService } from '../../server/src/platform/jobs/index.ts';
import { bigRosterFile, importerCtx } from '../../server/src/test/imports.ts';
import { makeOrg } from '../../server/src/test/factories.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const engine = arg('db', 'pglite');
const rows = Number(arg('rows', '100000'));
const batchArg = arg('batch', '');
const batchSize = batchArg ? Number(batchArg) : undefined;
const url = arg('url', 'postgres://postgres@127.0.0.1:5432/gh_import_bench');
if (engine !== 'pglite' && !/@(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url)) throw new Error('bench targets loopback only');

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'out');
fs.mkdirSync(out, { recursive: true });
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彩春菊凤洁梅琳素云莲真环雪荣爱妹香月莺媛瑞凡佳嘉琼勤珍贞莉娣叶璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓';
const nameOf = (i: number) =>
  `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i % 3 ? (GIVEN[(i * 13) % GIVEN.length] ?? '') : ''}`;
const CATS = ['', '农民工', '新业态劳动者', '劳务派遣'];

// Deterministic valid ID numbers: birth dates walk forward one day every 500 rows.
function idOf(i: number): string {
  const day = new Date(Date.UTC(1960, 0, 1) + Math.floor(i / 500) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const n = i % 500;
  const body = `${['320102', '110105', '440305', '330106'][i % 4] ?? ''}${day}${String(Math.floor(n / 5)).padStart(2, '0')}${n % 5}`;
  return body + idCheckChar(body);
}
function* rosterRows() {
  for (let i = 0; i < rows; i++) {
    yield [
      nameOf(i),
      idOf(i),
      `13${String(100_000_000 + i).slice(-9)}`,
      `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
      CATS[i % 4] ?? '',
    ];
  }
}

const secs = (t0: number) => (performance.now() - t0) / 1000;
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en-US')} rows/s`;

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-import-bench-'));
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    const name = new URL(url).pathname.slice(1);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  }
  const database = await openDatabase(engine === 'postgres' ? { databaseUrl: url } : { dataDir: path.join(work, 'data') });
  const db = database.db;
  await runMigrations(db);
  const crypto = createFieldCrypto(Buffer.alloc(32, 7));
  configureAuditChain(crypto);
  const boot = await bootstrap(db, { adminPassword: 'Bench#Import2026', rootOrgName: '压测市总工会' });
  const org = await makeOrg(db, boot.rootOrgId ?? 0, { level: 'district', name: '压测区总工会' });

  const file = path.join(out, `import-${rows}.xlsx`);
  const phoneOf = (i: number) => `13${String(100_000_000 + i).slice(-9)}`;
  let t = performance.now();
  await bigRosterFile(file, ['姓名*', '身份证号*', '手机号', '入会日期*', '人员类别'], rosterRows());
  console.log(`roster: ${rows} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB written in ${secs(t).toFixed(1)} s`);

  t = performance.now();
  const wb = await XlsxWorkbook.open(file);
  let seen = 0;
  for await (const r of wb.rows(wb.sheets[0] ?? { name: '', path: '', hidden: false })) seen += r.cells.length > 0 ? 1 : 0;
  wb.close();
  const parse = secs(t);
  console.log(`parse only: ${parse.toFixed(2)} s (${rate(seen, parse)})`);

  let copy = 0;
  if (engine === 'postgres') {
    // The same members, fully formed, as CSV for a server-side COPY (built untimed, streamed to disk).
    const csv = path.join(work, 'members.csv');
    const q = (v: string | null) => (v === null ? '' : `"${v.replace(/"/g, '""')}"`);
    const arr = (xs: string[]) => `{${xs.map((x) => `"${x}"`).join(',')}}`;
    const outCsv = fs.createWriteStream(csv);
    for (let i = 0; i < rows; i++) {
      const { fields: f, secret } = identityFields(crypto, { name: nameOf(i), idNumber: idOf(i), phone: phoneOf(i) });
      const mid = 10_000_000 + i;
      const sealed = cipherFields(crypto, mid, secret);
      const cols = [
        f.name,
        f.namePinyin,
        f.nameInitials,
        arr(f.nameGrams),
        sealed.idCipher,
        f.idHash,
        f.idMasked,
        sealed.phoneCipher,
        f.phoneHash,
        f.phoneMasked,
        f.gender,
        String(f.birthYear),
      ];
      const line = `${mid},${org.id},${q(org.path)},${cols.map(q).join(',')},2020-01-01,2020-01-01,{},${cardNoOf(mid)}\n`;
      if (!outCsv.write(line)) await once(outCsv, 'drain');
    }
    outCsv.end();
    await once(outCsv, 'finish');
    fs.chmodSync(work, 0o755);
    fs.chmodSync(csv, 0o644);
    t = performance.now();
    const columns =
      'id, org_id, org_path, name, name_pinyin, name_initials, name_grams, id_cipher, id_hash, id_masked, phone_cipher, phone_hash, phone_masked, gender, birth_year, joined_at, status_since, categories, card_no';
    // Timed inside a transaction that is rolled back: the job then imports the same people into an empty registry
    // (TRUNCATE is refused by the append-only ledger's trigger).
    await db
      .transaction(async (tx) => {
        await tx.execute(sql.raw(`COPY members (${columns}) FROM '${csv}' WITH (FORMAT csv)`));
        copy = secs(t);
        throw new Error('rollback');
      })
      .catch((e: unknown) => {
        if (!(e instanceof Error && e.message === 'rollback')) throw e;
      });
    console.log(`bare COPY into members: ${copy.toFixed(2)} s (${rate(rows, copy)}); baseline parse+COPY ${(parse + copy).toFixed(1)} s`);
    await db.execute(sql`VACUUM ANALYZE members`);
    fs.rmSync(csv);
  }

  const ctx = importerCtx(org, { sessionId: 'bench' });
  const runtime = createImportRuntime({
    db,
    crypto,
    dir: work,
    jobs: createJobService({ db, log: { error: (o, m) => console.error(m, o), info: () => undefined }, pollMs: 60_000 }),
    batchSize,
  });
  await runtime.jobs.start();
  const run = async (label: string, dryRun: boolean) => {
    const tmp = path.join(work, 'upload.part');
    fs.copyFileSync(file, tmp);
    const t0 = performance.now();
    const { id } = await runtime.service.enqueue(ctx, org.id, { tmpPath: tmp, fileName: 'bench.xlsx' }, dryRun);
    await runtime.jobs.kick();
    const s = secs(t0);
    const res = (
      await db.execute(
        sql`SELECT j.status, i.imported, i.skipped, i.error_count FROM jobs j JOIN member_imports i ON i.job_id = j.id WHERE j.id = ${id}`,
      )
    ).rows[0];
    console.log(
      `${label}: ${s.toFixed(2)} s (${rate(rows, s)}) ${JSON.stringify(res)}${copy && label === 'import' ? `; ${(s / (parse + copy)).toFixed(2)}× parse+COPY` : ''}`,
    );
  };
  await run('import', false);
  await run('same file again', false);
  await run('dry run', true);
  await runtime.jobs.stop();
  await database.close();
  fs.rmSync(work, { recursive: true, force: true });
}

await main();
