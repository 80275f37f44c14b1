// Import throughput on PostgreSQL: (a) parse only (the platform's xlsx reader in its worker, as the job uses it),
// (b) parse + a bare unnest insert of the raw cells per 10,000 rows into a scratch table, (c) the real import job
// (commit) into a fresh org of a scratch copy of gh_bench (database gh_bench_import, dropped afterwards), with the
// HTTP server listening in the same process and probed every 500 ms (health + a member list page). Each phase runs
// in its own child process, so peak RSS (VmHWM) is per phase.
//   npx tsx bench/src/members-import.ts [--rows 1000000] [--url postgres://postgres@127.0.0.1:5432/gh_bench]
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { XlsxWorkbook } from '../../server/src/platform/excel/index.ts';
import { bigRosterFile } from '../../server/src/test/imports.ts';
import { personOf } from './members-people.ts';
import { peakRssMb, runImportPhase, type PhaseResult } from './members-import-job.ts';
import { assertLoopback, createPgDatabase, DEFAULT_PG_URL, dropPgDatabase, load1, OUT_DIR, printTable, takeOpt, writeOut } from './lib.ts';

const argv = process.argv.slice(2);
const ROWS = Number(takeOpt(argv, 'rows', '1000000'));
const URL_ = assertLoopback(takeOpt(argv, 'url', DEFAULT_PG_URL));
const PHASE = takeOpt(argv, 'phase', '');
const SEED = 20260101;
const FILE = path.join(OUT_DIR, `members-import-${ROWS}.xlsx`);
const LABEL: Record<string, string> = { migrant: '农民工', new_forms: '新业态劳动者', dispatched: '劳务派遣' };

async function writeRoster(): Promise<number> {
  if (fs.existsSync(FILE)) return 0;
  const t = performance.now();
  function* rows() {
    // People 10,000,000 + i: the generator's bijection keeps them apart from the registry's 0 … N-1.
    for (let i = 0; i < ROWS; i++) {
      const p = personOf(SEED, 10_000_000 + i);
      yield [p.name, p.idNumber, p.phone ?? '', p.joinedAt, p.categories.map((c) => LABEL[c] ?? c).join('、')];
    }
  }
  await bigRosterFile(`${FILE}.part`, ['姓名*', '身份证号*', '手机号', '入会日期*', '人员类别'], rows());
  fs.renameSync(`${FILE}.part`, FILE);
  return (performance.now() - t) / 1000;
}

async function parsePhase(insert: boolean): Promise<PhaseResult> {
  const client = new pg.Client({ connectionString: URL_ });
  if (insert) {
    await client.connect();
    await client.query('DROP TABLE IF EXISTS bench_import_scratch');
    await client.query('CREATE TABLE bench_import_scratch (row int, name text, id_number text, phone text, joined text, category text)');
  }
  const t = performance.now();
  const wb = await XlsxWorkbook.open(FILE);
  const sheet = wb.sheets[0];
  if (!sheet) throw new Error('no sheet');
  let n = 0;
  let cols: string[][] = [[], [], [], [], [], []];
  const flush = async () => {
    if (cols[0]?.length) {
      await client.query(
        'INSERT INTO bench_import_scratch SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])',
        cols,
      );
    }
    cols = [[], [], [], [], [], []];
  };
  for await (const r of wb.rows(sheet)) {
    if (r.rowNumber === 1) continue;
    n++;
    if (!insert) continue;
    cols[0]?.push(String(r.rowNumber));
    for (let c = 0; c < 5; c++) cols[c + 1]?.push(String(r.cells[c]?.value ?? ''));
    if ((cols[0]?.length ?? 0) >= 10_000) await flush();
  }
  if (insert) await flush();
  wb.close();
  const seconds = (performance.now() - t) / 1000;
  if (insert) {
    await client.query('DROP TABLE bench_import_scratch');
    await client.end();
  }
  return {
    phase: insert ? 'parse + bare unnest insert' : 'parse only',
    seconds,
    rows: n,
    rowsPerS: Math.round(n / seconds),
    peakRssMb: peakRssMb(),
  };
}

function child(phase: string, url = URL_): Promise<PhaseResult> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, script, '--rows', String(ROWS), '--url', url, '--phase', phase],
      { maxBuffer: 1 << 24 },
      (err, stdout, stderr) => {
        process.stderr.write(stderr);
        const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
        if (err || !line) reject(err ?? new Error(`phase ${phase}: no result\n${stdout}`));
        else {
          process.stdout.write(
            stdout
              .split('\n')
              .filter((l) => !l.startsWith('RESULT '))
              .join('\n'),
          );
          resolve(JSON.parse(line.slice(7)) as PhaseResult);
        }
      },
    );
  });
}

async function main() {
  if (PHASE) {
    const r =
      PHASE === 'parse' ? await parsePhase(false) : PHASE === 'bare' ? await parsePhase(true) : await runImportPhase(FILE, URL_, ROWS);
    process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
    return;
  }
  const loadStart = load1();
  process.stdout.write(`members-import: ${ROWS} rows, ${os.cpus().length} cores, load ${loadStart}\n`);
  const rosterS = await writeRoster();
  process.stdout.write(
    `roster ${FILE}: ${(fs.statSync(FILE).size / 1e6).toFixed(1)} MB${rosterS ? `, written in ${rosterS.toFixed(1)} s` : ' (reused)'}\n`,
  );
  const parse = await child('parse');
  process.stdout.write(`  parse only: ${parse.seconds.toFixed(1)} s\n`);
  const bare = await child('bare');
  process.stdout.write(`  parse + bare insert: ${bare.seconds.toFixed(1)} s\n`);
  const scratch = URL_.replace(/\/[^/?]+(\?|$)/, '/gh_bench_import$1');
  await dropPgDatabase(scratch);
  const tc = performance.now();
  await createPgDatabase(scratch, new URL(URL_).pathname.slice(1));
  process.stdout.write(`  scratch copy gh_bench_import: ${((performance.now() - tc) / 1000).toFixed(1)} s\n`);
  let imp: PhaseResult;
  try {
    imp = await child('import', scratch);
  } finally {
    await dropPgDatabase(scratch);
  }
  const loadEnd = load1();
  const ratio = imp.seconds / bare.seconds;
  printTable(
    ['phase', 'rows', 'wall s', 'rows/s', 'peak RSS MB', 'vs parse + bare insert'],
    [parse, bare, imp].map((r) => [r.phase, r.rows, r.seconds.toFixed(1), r.rowsPerS, r.peakRssMb, (r.seconds / bare.seconds).toFixed(2)]),
  );
  process.stdout.write(
    `import ${imp.seconds.toFixed(1)} s (target ≤ 90 s for 1M: ${ROWS === 1_000_000 ? (imp.seconds <= 90 ? 'met' : 'NOT met') : `extrapolated ${((imp.seconds * 1e6) / ROWS).toFixed(0)} s`}), ${ratio.toFixed(2)}× parse + bare insert (target ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'}); probes ${JSON.stringify(imp.extra)}; load ${loadStart} → ${loadEnd}\n`,
  );
  process.stdout.write(
    `wrote ${writeOut(`members-import-${ROWS}.json`, { rows: ROWS, load1: [loadStart, loadEnd], parse, bare, import: imp, ratio })}\n`,
  );
}

await main();
