// Decision experiment for docs/decisions/0002-org-tree-path.md: the same 50,000-org tree stored as a text path with
// a trailing dot (btree text_pattern_ops) and as ltree (GiST), compared on index size and subtree queries.
//   npx tsx bench/src/path-vs-ltree.ts --db postgres [--url postgres://postgres@127.0.0.1:5432/gh_bench]  (uses <db>_ltree)
//   npx tsx bench/src/path-vs-ltree.ts --db pglite   (in-process PGlite with @electric-sql/pglite/contrib/ltree)
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { generateCity } from './city.ts';
import {
  dropPgDatabase,
  ensurePgDatabase,
  fmt,
  measurePair,
  load1,
  parseArgs,
  pgliteVersion,
  printTable,
  timed,
  writeOut,
  type BenchArgs,
  type Stats,
} from './lib.ts';

type Row = Record<string, unknown>;
interface Runner {
  version: string;
  query<R extends Row>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

async function openRunner(args: BenchArgs): Promise<Runner> {
  if (args.db === 'postgres') {
    const url = new URL(args.url);
    url.pathname = `${url.pathname}_ltree`;
    await ensurePgDatabase(url.toString(), true);
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const v = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return {
      version: `PostgreSQL ${v.rows[0]?.v ?? '?'} (database ${url.pathname.slice(1)})`,
      query: async <R extends Row>(text: string, params?: unknown[]) => (await client.query<R>(text, params)).rows,
      close: async () => {
        await client.end();
        await dropPgDatabase(url.toString());
      },
    };
  }
  const db = await PGlite.create({ extensions: { ltree } });
  const v = await db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  return {
    version: `PGlite ${pgliteVersion()} (server_version ${v.rows[0]?.v ?? '?'}, in-process, in-memory)`,
    query: async <R extends Row>(text: string, params?: unknown[]) => (await db.query<R>(text, params)).rows,
    close: () => db.close(),
  };
}

const labels = (path: string) => path.slice(0, -1); // "1.5.23." → ltree "1.5.23"

async function main() {
  const args = parseArgs();
  const city = generateCity(args.seed);
  const paths: string[] = [];
  const depths: number[] = [];
  city.forEach((o, i) => {
    paths[i] = o.parent < 0 ? `${i + 1}.` : `${paths[o.parent] ?? ''}${i + 1}.`;
    depths[i] = o.parent < 0 ? 0 : (depths[o.parent] ?? 0) + 1;
  });
  // The same targets as org-queries: the street with ~300 children, and its district.
  const children = new Map<number, number>();
  for (const o of city) children.set(o.parent, (children.get(o.parent) ?? 0) + 1);
  const streets = city.map((o, i) => ({ i, n: children.get(i) ?? 0, o })).filter((s) => s.o.level === 'street');
  const street = streets.sort((a, b) => Math.abs(a.n - 300) - Math.abs(b.n - 300) || a.i - b.i)[0];
  if (!street) throw new Error('no street');
  const districtIdx = street.o.parent;
  const p = { city: paths[0] ?? '', district: paths[districtIdx] ?? '', street: paths[street.i] ?? '' };

  const r = await openRunner(args);
  process.stdout.write(
    `path-vs-ltree on ${r.version}: ${city.length} orgs, ${args.reps} reps after ${args.warmup} warm-up, load ${load1()}\n`,
  );
  try {
    await r.query('CREATE EXTENSION IF NOT EXISTS ltree');
    await r.query('DROP TABLE IF EXISTS t_path, t_ltree, sib_path, sib_ltree');
    const cols = 'id int PRIMARY KEY, parent_id int, depth smallint NOT NULL, level varchar(16) NOT NULL, kind varchar(32) NOT NULL';
    await r.query(`CREATE TABLE t_path (${cols}, path varchar(400) NOT NULL)`);
    await r.query(`CREATE TABLE t_ltree (${cols}, path ltree NOT NULL)`);
    // Indexes first, as in the app (rows arrive one by one over the years), then REINDEX for the compact size.
    const indexes = {
      path: 'CREATE UNIQUE INDEX t_path_path_uq ON t_path (path text_pattern_ops)',
      gist: 'CREATE INDEX t_ltree_path_gist ON t_ltree USING gist (path)',
      ltreeBtree: 'CREATE UNIQUE INDEX t_ltree_path_uq ON t_ltree (path)',
    };
    for (const ddl of Object.values(indexes)) await r.query(ddl);
    for (let from = 0; from < city.length; from += 1000) {
      const part = city.slice(from, from + 1000);
      const ids = part.map((_, k) => from + k + 1);
      const arrays = [
        ids,
        part.map((o) => (o.parent < 0 ? null : o.parent + 1)),
        depths.slice(from, from + 1000),
        part.map((o) => o.level),
        part.map((o) => o.kind),
      ];
      const load = 'SELECT * FROM unnest($1::int[], $2::int[], $3::smallint[], $4::varchar[], $5::varchar[], $6::text[])';
      await r.query(`INSERT INTO t_path ${load}`, [...arrays, paths.slice(from, from + 1000)]);
      await r.query(`INSERT INTO t_ltree SELECT a, b, c, d, e, f::ltree FROM (${load}) s(a, b, c, d, e, f)`, [
        ...arrays,
        paths.slice(from, from + 1000).map(labels),
      ]);
    }
    const size = async (rel: string) => Number((await r.query<{ n: string }>(`SELECT pg_relation_size('${rel}') AS n`))[0]?.n ?? 0);
    const grown = {
      pathIndex: await size('t_path_path_uq'),
      gistIndex: await size('t_ltree_path_gist'),
      ltreeBtree: await size('t_ltree_path_uq'),
    };
    const build = {
      path: (await timed(() => r.query('REINDEX INDEX t_path_path_uq'))).ms,
      gist: (await timed(() => r.query('REINDEX INDEX t_ltree_path_gist'))).ms,
      ltreeBtree: (await timed(() => r.query('REINDEX INDEX t_ltree_path_uq'))).ms,
    };
    await r.query('VACUUM ANALYZE t_path');
    await r.query('VACUUM ANALYZE t_ltree');

    const sizes = {
      pathIndex: await size('t_path_path_uq'),
      gistIndex: await size('t_ltree_path_gist'),
      ltreeBtree: await size('t_ltree_path_uq'),
      pathTable: await size('t_path'),
      ltreeTable: await size('t_ltree'),
    };
    const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
    process.stdout.write('\n');
    printTable(
      ['relation', 'size grown by inserts', 'size after REINDEX', 'REINDEX ms'],
      [
        ['text path btree (text_pattern_ops, unique)', kb(grown.pathIndex), kb(sizes.pathIndex), fmt(build.path)],
        ['ltree GiST (for <@ @> ~)', kb(grown.gistIndex), kb(sizes.gistIndex), fmt(build.gist)],
        ['ltree btree (needed for uniqueness)', kb(grown.ltreeBtree), kb(sizes.ltreeBtree), fmt(build.ltreeBtree)],
        ['table with text path', '', kb(sizes.pathTable), ''],
        ['table with ltree path', '', kb(sizes.ltreeTable), ''],
      ],
    );
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    process.stdout.write(
      `GiST / text btree size: ${ratio(grown.gistIndex, grown.pathIndex)} as grown, ${ratio(sizes.gistIndex, sizes.pathIndex)} after REINDEX\n\n`,
    );

    const depthOf = (path: string) => path.split('.').length - 2;
    const ids = (path: string) => path.split('.').filter(Boolean).map(Number).slice(0, -1);
    const cases: [string, string, unknown[], string, unknown[]][] = [
      [
        'subtree count: street',
        'SELECT count(*)::int AS n FROM t_path WHERE path LIKE $1',
        [`${p.street}%`],
        'SELECT count(*)::int AS n FROM t_ltree WHERE path <@ $1::ltree',
        [labels(p.street)],
      ],
      [
        'subtree count: district',
        'SELECT count(*)::int AS n FROM t_path WHERE path LIKE $1',
        [`${p.district}%`],
        'SELECT count(*)::int AS n FROM t_ltree WHERE path <@ $1::ltree',
        [labels(p.district)],
      ],
      [
        'subtree count: city',
        'SELECT count(*)::int AS n FROM t_path WHERE path LIKE $1',
        [`${p.city}%`],
        'SELECT count(*)::int AS n FROM t_ltree WHERE path <@ $1::ltree',
        [labels(p.city)],
      ],
      [
        'roll-up by kind: district',
        'SELECT kind, count(*)::int AS n FROM t_path WHERE path LIKE $1 GROUP BY kind',
        [`${p.district}%`],
        'SELECT kind, count(*)::int AS n FROM t_ltree WHERE path <@ $1::ltree GROUP BY kind',
        [labels(p.district)],
      ],
      [
        'children via path prefix: street',
        'SELECT id FROM t_path WHERE path LIKE $1 AND depth = $2',
        [`${p.street}%`, depthOf(p.street) + 1],
        'SELECT id FROM t_ltree WHERE path ~ $1::lquery',
        [`${labels(p.street)}.*{1}`],
      ],
      [
        'children via path prefix: district',
        'SELECT id FROM t_path WHERE path LIKE $1 AND depth = $2',
        [`${p.district}%`, depthOf(p.district) + 1],
        'SELECT id FROM t_ltree WHERE path ~ $1::lquery',
        [`${labels(p.district)}.*{1}`],
      ],
      [
        'ancestors of a street child',
        'SELECT id FROM t_path WHERE id = ANY($1::int[])',
        [ids(`${p.street}${street.i + 2}.`)],
        'SELECT id FROM t_ltree WHERE path @> $1::ltree AND path <> $1::ltree',
        [labels(`${p.street}${street.i + 2}.`)],
      ],
    ];
    const results: { query: string; rows: number; text: Stats; ltree: Stats }[] = [];
    for (const [name, tq, tp, lq, lp] of cases) {
      if (args.explain) {
        for (const [q, qp] of [
          [tq, tp],
          [lq, lp],
        ] as const) {
          const plan = await r.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${q}`, qp);
          process.stdout.write(`-- ${name}: ${q}\n${plan.map((x) => `   ${x['QUERY PLAN']}`).join('\n')}\n`);
        }
      }
      const [a, b] = await measurePair(
        () => r.query(tq, tp),
        () => r.query(lq, lp),
        args.reps,
        args.warmup,
      );
      const norm = (rows: Row[]) =>
        rows
          .map((x) => JSON.stringify(x))
          .sort()
          .join();
      if (norm(a.last) !== norm(b.last)) throw new Error(`${name}: text and ltree disagree`);
      results.push({ query: name, rows: a.last.length === 1 ? Number(a.last[0]?.n ?? 1) : a.last.length, text: a.stats, ltree: b.stats });
    }
    printTable(
      ['query', 'rows', 'text path median', 'p95', 'ltree median', 'p95', 'ltree / text'],
      results.map((x) => [
        x.query,
        x.rows,
        fmt(x.text.median),
        fmt(x.text.p95),
        fmt(x.ltree.median),
        fmt(x.ltree.p95),
        (x.ltree.median / x.text.median).toFixed(2),
      ]),
    );

    // Sibling-prefix rule: the subtree of 1.2 must not contain 1.20.
    await r.query('CREATE TABLE sib_path (path varchar(400))');
    await r.query('CREATE TABLE sib_ltree (path ltree)');
    const sib = ['1.', '1.2.', '1.2.5.', '1.20.', '1.20.7.', '1.21.'];
    await r.query('INSERT INTO sib_path SELECT unnest($1::text[])', [sib]);
    await r.query('INSERT INTO sib_ltree SELECT unnest($1::text[])::ltree', [sib.map(labels)]);
    const list = async (q: string, param: string) => (await r.query<{ path: string }>(q, [param])).map((x) => String(x.path)).join(' ');
    const sibling = {
      textWithDot: await list('SELECT path FROM sib_path WHERE path LIKE $1 ORDER BY path', '1.2.%'),
      textWithoutDot: await list('SELECT path FROM sib_path WHERE path LIKE $1 ORDER BY path', '1.2%'),
      ltree: await list('SELECT path::text AS path FROM sib_ltree WHERE path <@ $1::ltree ORDER BY path', '1.2'),
    };
    // And on the real tree: every non-grassroots subtree, counted three ways against the parent pointers.
    const truth = new Array<number>(city.length).fill(1);
    for (let i = city.length - 1; i > 0; i--) {
      const par = city[i]?.parent ?? -1;
      truth[par] = (truth[par] ?? 0) + (truth[i] ?? 0);
    }
    let checked = 0;
    const bad = { text: 0, ltree: 0, dotless: 0 };
    for (let i = 0; i < city.length; i++) {
      if (city[i]?.level === 'grassroots') continue;
      const path = paths[i] ?? '';
      checked++;
      const t = (await r.query<{ n: number }>('SELECT count(*)::int AS n FROM t_path WHERE path LIKE $1', [`${path}%`]))[0]?.n;
      const l = (await r.query<{ n: number }>('SELECT count(*)::int AS n FROM t_ltree WHERE path <@ $1::ltree', [labels(path)]))[0]?.n;
      const dotless = paths.filter((x) => x.startsWith(labels(path))).length;
      if (t !== truth[i]) bad.text++;
      if (l !== truth[i]) bad.ltree++;
      if (dotless !== truth[i]) bad.dotless++;
    }
    process.stdout.write(`\nsibling prefix, subtree of 1.2 among {${sib.join(' ')}}:\n`);
    process.stdout.write(
      `  text LIKE '1.2.%'   → ${sibling.textWithDot}\n  text LIKE '1.2%'    → ${sibling.textWithoutDot}   (what the trailing dot prevents)\n`,
    );
    process.stdout.write(`  ltree <@ '1.2'      → ${sibling.ltree}\n`);
    process.stdout.write(
      `all ${checked} non-grassroots subtrees vs parent pointers — wrong counts: text+dot ${bad.text}, ltree ${bad.ltree}, text without dot ${bad.dotless}\n`,
    );
    const file = writeOut(`path-vs-ltree-${args.db}.json`, {
      engine: r.version,
      at: new Date().toISOString(),
      load1: load1(),
      reps: args.reps,
      targets: p,
      build,
      grown,
      sizes,
      results,
      sibling,
      checked,
      bad,
    });
    process.stdout.write(`\nwrote ${file}\n`);
  } finally {
    await r.close();
  }
}

await main();
