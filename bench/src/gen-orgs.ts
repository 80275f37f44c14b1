// Loads the 50,000-org city into a Gonghui database through the org repository, with its dated history
// (city-history.ts: founded 2021-01-01 … 2026-06-30, dissolutions, renames, re-elections as org_events rows),
// then VACUUM ANALYZE.
//   npx tsx bench/src/gen-orgs.ts --db pglite --data-dir bench/out/pglite50k [--fresh]
//   npx tsx bench/src/gen-orgs.ts --db postgres --url postgres://postgres@127.0.0.1:5432/gh_bench [--fresh]
import { sql } from 'drizzle-orm';
import { runMigrations } from '../../server/src/platform/db/index.ts';
import { bootstrap } from '../../server/src/bootstrap/bootstrap.ts';
import { nameSearchFields } from '../../server/src/modules/orgs/index.ts';
// A generator at benchmark scale writes through the repository directly (bench/ is outside the module boundary).
import * as orgRepo from '../../server/src/modules/orgs/orgs.repo.ts';
import { generateCity } from './city.ts';
import { applyCityHistory } from './city-history.ts';
import { openBenchDb } from './db.ts';
import { BENCH_ADMIN_PASSWORD, parseArgs, printTable, timed, writeOut } from './lib.ts';

const TOTAL = 50_000;

async function main() {
  const args = parseArgs();
  const target = args.db === 'postgres' ? args.url : args.dataDir;
  process.stdout.write(`gen-orgs: ${TOTAL} orgs into ${args.db} (${target}), seed ${args.seed}${args.fresh ? ', fresh' : ''}\n`);

  const gen = await timed(async () => {
    const city = generateCity(args.seed, TOTAL);
    const events = applyCityHistory(city, args.seed);
    return { city: city.map((o) => ({ ...o, ...nameSearchFields(o.name) })), events };
  });
  const { city, events } = gen.value;
  const root = city[0];
  if (!root) throw new Error('empty city');

  const database = await openBenchDb(args, true);
  try {
    const { db } = database;
    const setup = await timed(async () => {
      await runMigrations(db);
      return bootstrap(db, { adminPassword: BENCH_ADMIN_PASSWORD, rootOrgName: root.name });
    });
    const existing = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orgs`)).rows[0]?.n ?? 0;
    if (existing !== 1 || !setup.value.rootOrgId) throw new Error(`database already holds ${existing} orgs: rerun with --fresh`);
    const rootId = setup.value.rootOrgId;

    const load = await timed(() =>
      db.transaction(async (tx) => {
        const ids = await orgRepo.nextIds(tx, TOTAL - 1);
        const idOf = [rootId, ...ids];
        const paths: string[] = [`${rootId}.`];
        const depths: number[] = [0];
        const rows: orgRepo.OrgInsert[] = [];
        city.forEach((o, i) => {
          if (i === 0) return;
          const id = idOf[i];
          const parentPath = paths[o.parent];
          const parentDepth = depths[o.parent];
          if (id === undefined || parentPath === undefined || parentDepth === undefined) throw new Error(`bad row ${i}`);
          paths[i] = `${parentPath}${id}.`;
          depths[i] = parentDepth + 1;
          rows.push({
            id,
            parentId: idOf[o.parent],
            path: paths[i],
            depth: depths[i],
            name: o.name,
            pinyin: o.pinyin,
            pinyinInitials: o.pinyinInitials,
            searchGrams: o.searchGrams,
            level: o.level,
            kind: o.kind,
            status: o.status,
            uscc: o.uscc,
            divisionCode: o.divisionCode,
            foundedAt: o.foundedAt,
            dissolvedAt: o.dissolvedAt,
            chairName: o.chairName,
            contactName: o.contactName,
            employerName: o.employerName,
            headcount: o.headcount,
            address: o.address,
          });
        });
        await orgRepo.update(tx, rootId, {
          foundedAt: root.foundedAt,
          divisionCode: root.divisionCode,
          address: root.address,
          chairName: root.chairName,
        });
        await orgRepo.insertMany(tx, rows);
        // The rows the org service writes for each dated event (create → 'found' with the parent id; addEvent →
        // rename / reelect / dissolve with the same `data`); created_by is null (no acting user in a bench load).
        await orgRepo.insertEvents(
          tx,
          events.map((e) => {
            const orgId = idOf[e.row];
            if (orgId === undefined) throw new Error(`bad event row ${e.row}`);
            const parent = city[e.row]?.parent ?? -1;
            const data = e.type === 'found' ? { parentId: parent < 0 ? null : (idOf[parent] ?? null) } : e.data;
            return { orgId, type: e.type, date: e.date, data, createdBy: null };
          }),
        );
      }),
    );
    const vacuum = await timed(() => database.pool.query('VACUUM ANALYZE'));

    const levels = await db.execute<{ level: string; n: number }>(
      sql`SELECT level, count(*)::int AS n FROM orgs GROUP BY level ORDER BY min(depth), level`,
    );
    const evTypes = await db.execute<{ type: string; n: number; first: string; last: string }>(
      sql`SELECT type, count(*)::int AS n, min(date)::text AS first, max(date)::text AS last FROM org_events GROUP BY type ORDER BY type`,
    );
    const fanout = await db.execute<{ min: number; median: number; max: number }>(sql`
      SELECT min(n)::int AS min, percentile_disc(0.5) WITHIN GROUP (ORDER BY n)::int AS median, max(n)::int AS max
      FROM (SELECT count(*) AS n FROM orgs c JOIN orgs p ON p.id = c.parent_id WHERE p.level = 'street' GROUP BY p.id) s`);
    const sizes = await db.execute<{ table: string; index: string }>(sql`
      SELECT pg_size_pretty(pg_relation_size('orgs')) AS table, pg_size_pretty(pg_indexes_size('orgs')) AS index`);
    process.stdout.write('\norgs per level:\n');
    printTable(
      ['level', 'orgs'],
      levels.rows.map((r) => [r.level, r.n]),
    );
    process.stdout.write('\norg_events:\n');
    printTable(
      ['type', 'rows', 'first', 'last'],
      evTypes.rows.map((r) => [r.type, r.n, r.first, r.last]),
    );
    const f = fanout.rows[0];
    if (f) process.stdout.write(`direct children per street: min ${f.min}, median ${f.median}, max ${f.max}\n`);
    const s = sizes.rows[0];
    if (s) process.stdout.write(`orgs table ${s.table}, its indexes ${s.index}\n\n`);
    printTable(
      ['step', 'ms'],
      [
        ['generate names + pinyin (JS)', gen.ms],
        ['migrate + bootstrap', setup.ms],
        [`insert ${TOTAL - 1} orgs + ${events.length} org_events (one transaction)`, load.ms],
        ['VACUUM ANALYZE', vacuum.ms],
        ['load time (insert + VACUUM ANALYZE)', Math.round((load.ms + vacuum.ms) * 100) / 100],
      ],
    );
    const file = writeOut(`gen-orgs-${args.db}.json`, {
      engine: args.db,
      target,
      seed: args.seed,
      total: TOTAL,
      at: new Date().toISOString(),
      ms: { generate: gen.ms, setup: setup.ms, insert: load.ms, vacuum: vacuum.ms, load: load.ms + vacuum.ms },
      levels: levels.rows,
      orgEvents: evTypes.rows,
      streetFanout: f,
    });
    process.stdout.write(`\nwrote ${file}\n`);
  } finally {
    await database.close();
  }
}

await main();
