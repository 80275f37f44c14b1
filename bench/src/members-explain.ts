// --explain for members-queries: EXPLAIN (ANALYZE, BUFFERS) of the exact SQL memberRepo.list sends (rows and
// count), captured with a Drizzle logger.
import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { schema } from '../../server/src/platform/db/index.ts';
// Benchmarks measure the repository's SQL itself, so they read it directly (bench/ is outside the module boundary).
import * as memberRepo from '../../server/src/modules/members/members.repo.ts';
import { idHashOf } from '../../server/src/modules/members/members.record.ts';
import { benchCrypto } from './members-crypto.ts';
import { INITIALS, NAME2, type MemberTargets } from './members-targets.ts';

export async function explainMembers(pool: pg.Pool, t: MemberTargets): Promise<void> {
  const captured: { query: string; params: unknown[] }[] = [];
  const db = drizzle(pool, { schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } });
  const d = t.district.path;
  const c = t.root.path;
  const list = (f: memberRepo.MemberFilter, page: number, after?: number) => () => memberRepo.list(db, f, { page, pageSize: 20, after });
  const cases: [string, () => Promise<unknown>][] = [
    ['district page 1', list({ scopePath: d }, 1)],
    [`district keyset after page ${t.deepPage}`, list({ scopePath: d }, 1, t.after500)],
    [`district OFFSET page ${t.deepPage}`, list({ scopePath: d }, t.deepPage)],
    ['ID lookup, city scope', list({ scopePath: c, idHash: idHashOf(benchCrypto, t.idNumber) }, 1)],
    [`"${NAME2}" in district`, list({ scopePath: d, q: NAME2 }, 1)],
    [`"${NAME2}" in city`, list({ scopePath: c, q: NAME2 }, 1)],
    [`"${INITIALS}" in city`, list({ scopePath: c, q: INITIALS }, 1)],
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
