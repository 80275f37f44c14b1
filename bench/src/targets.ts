// Where the org benchmarks aim: a street with ~300 children, its district, a ~300-org street to move, a deep org.
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/src/platform/db/index.ts';

// A brand that occurs in a few hundred names, typed as characters and as pinyin initials.
export const NAME_Q = '华信';
export const PINYIN_Q = 'hx';

export interface Node {
  id: number;
  path: string;
  name: string;
  n: number;
}

export interface Targets {
  root: Node;
  street: Node; // the street whose direct children number closest to 300
  district: Node; // that street's district
  moveStreet: Node; // the street whose whole subtree is closest to 300 orgs
  moveTo: Node; // another district to move it under
  deep: Node; // a deepest org, for ancestors
}

export async function findTargets(db: Db): Promise<Targets> {
  const one = async (q: ReturnType<typeof sql>): Promise<Node> => {
    const row = (await db.execute<{ id: number; path: string; name: string; n: number }>(q)).rows[0];
    if (!row) throw new Error('bench target not found: load the city with gen:orgs first');
    return { id: row.id, path: row.path, name: row.name, n: Number(row.n) };
  };
  const total = await one(sql`SELECT 0 AS id, '' AS path, '' AS name, count(*)::int AS n FROM orgs`);
  if (total.n < 50_000) throw new Error(`only ${total.n} orgs: load the city with gen:orgs first`);
  const root = await one(
    sql`SELECT id, path, name, (SELECT count(*)::int FROM orgs c WHERE c.parent_id = o.id) AS n FROM orgs o WHERE depth = 0`,
  );
  const street = await one(sql`
    SELECT p.id, p.path, p.name, count(*)::int AS n FROM orgs c JOIN orgs p ON p.id = c.parent_id WHERE p.level = 'street'
    GROUP BY p.id ORDER BY abs(count(*) - 300), p.id LIMIT 1`);
  const districtId = Number(street.path.split('.')[1]);
  const district = await one(
    sql`SELECT id, path, name, (SELECT count(*)::int FROM orgs c WHERE c.path LIKE o.path || '%') AS n FROM orgs o WHERE id = ${districtId}`,
  );
  const moveStreet = await one(sql`
    SELECT p.id, p.path, p.name, count(*)::int AS n FROM orgs p JOIN orgs c ON c.path LIKE p.path || '%' WHERE p.level = 'street'
    GROUP BY p.id ORDER BY abs(count(*) - 300), p.id LIMIT 1`);
  const moveTo = await one(sql`
    SELECT id, path, name, 0 AS n FROM orgs WHERE level = 'district' AND ${moveStreet.path} NOT LIKE path || '%' ORDER BY id LIMIT 1`);
  const deep = await one(sql`SELECT id, path, name, depth AS n FROM orgs ORDER BY depth DESC, id LIMIT 1`);
  return { root, street, district, moveStreet, moveTo, deep };
}
