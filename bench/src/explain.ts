// --explain: EXPLAIN (ANALYZE, BUFFERS) of the exact SQL the org repository sends, captured with a Drizzle logger.
import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { schema } from '../../server/src/platform/db/index.ts';
// Benchmarks measure the repository's SQL itself, so they read it directly (bench/ is outside the module boundary).
import * as orgRepo from '../../server/src/modules/orgs/orgs.repo.ts';
import { NAME_Q, PINYIN_Q, type Targets } from './targets.ts';

export async function explainAll(pool: pg.Pool, t: Targets): Promise<void> {
  const captured: { query: string; params: unknown[] }[] = [];
  const db = drizzle(pool, { schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } });
  const cases: [string, () => Promise<unknown>][] = [
    ['children of street', () => orgRepo.listChildren(db, t.street.id, 1, 20)],
    [`search "${NAME_Q}" in district`, () => orgRepo.search(db, { scopePath: t.district.path, q: NAME_Q }, 1, 20)],
    [`search "${NAME_Q}" in city`, () => orgRepo.search(db, { scopePath: t.root.path, q: NAME_Q }, 1, 20)],
    [`search "${PINYIN_Q}" in city`, () => orgRepo.search(db, { scopePath: t.root.path, q: PINYIN_Q }, 1, 20)],
    ['summary of city', () => orgRepo.subtreeSummary(db, t.root.path)],
  ];
  for (const [title, run] of cases) {
    captured.length = 0;
    await run();
    for (const { query, params } of [...captured]) {
      const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params);
      process.stdout.write(`\n--- ${title}\n${query}\n-- params ${JSON.stringify(params)}\n`);
      for (const r of plan.rows) process.stdout.write(`${r['QUERY PLAN']}\n`);
    }
  }
  process.stdout.write('\n');
}
