// --explain for stats-queries: EXPLAIN (ANALYZE, BUFFERS) of the exact SQL the indicator providers send for one
// org and period (all indicators), captured with a Drizzle logger, with each statement's execution time.
import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { schema } from '../../server/src/platform/db/index.ts';
import type { IndicatorProvider } from '../../server/src/platform/indicators/index.ts';

export async function explainStats(
  pool: pg.Pool,
  providers: IndicatorProvider[],
  org: { path: string; depth: number; label: string },
  from: string,
  to: string,
): Promise<{ label: string; provider: string; ms: number; query: string }[]> {
  const captured: { query: string; params: unknown[] }[] = [];
  const db = drizzle(pool, { schema, logger: { logQuery: (query, params) => void captured.push({ query, params }) } });
  const out: { label: string; provider: string; ms: number; query: string }[] = [];
  for (const p of providers) {
    captured.length = 0;
    const keys = new Set(p.indicators.map((i) => i.key));
    await p.compute(db, { path: org.path, depth: org.depth, from, to, keys });
    for (const { query, params } of [...captured]) {
      const plan = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params);
      const lines = plan.rows.map((r) => r['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? NaN);
      out.push({ label: org.label, provider: p.indicators[0]?.theme ?? '?', ms, query: query.replace(/\s+/g, ' ').slice(0, 160) });
      process.stdout.write(
        `\n--- ${org.label}, ${p.indicators[0]?.theme ?? '?'}: ${ms} ms\n${query}\n-- params ${JSON.stringify(params)}\n${lines.join('\n')}\n`,
      );
    }
  }
  return out;
}
