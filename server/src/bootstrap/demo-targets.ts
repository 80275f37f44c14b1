// Demo targets for the current year (目标任务): the city sets its own and hands one to each district, sized
// from what each district actually records so that completion lands around time progress, some ahead, some behind.
import { sql } from 'drizzle-orm';
import { targets, type Db } from '../platform/db/index.ts';

export async function seedDemoTargets(db: Db, rootOrgId: number, year: number, rand: () => number): Promise<void> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const res = await db.execute<{ id: number; founded: number; joined: number }>(sql`
    SELECT d.id,
      (SELECT count(*) FROM orgs o WHERE o.path LIKE d.path || '%' AND o.id <> d.id AND o.founded_at BETWEEN ${from} AND ${to})::int AS founded,
      (SELECT count(*) FROM member_events e JOIN orgs o ON o.id = e.org_id
         WHERE o.path LIKE d.path || '%' AND e.type = 'join' AND e.date BETWEEN ${from} AND ${to})::int AS joined
    FROM orgs d WHERE d.parent_id = ${rootOrgId}`);
  const rows: (typeof targets.$inferInsert)[] = [];
  let founded = 0;
  let joined = 0;
  for (const d of res.rows) {
    const f = Math.max(2, Math.round((d.founded * (1.1 + rand() * 0.8)) / 1));
    const j = Math.max(10, Math.round((d.joined * (1.1 + rand() * 0.8)) / 10) * 10);
    founded += f;
    joined += j;
    rows.push({ orgId: d.id, year, key: 'orgs.founded', value: f }, { orgId: d.id, year, key: 'members.joined', value: j });
  }
  rows.push(
    { orgId: rootOrgId, year, key: 'orgs.founded', value: Math.ceil(founded / 10) * 10 },
    { orgId: rootOrgId, year, key: 'members.joined', value: Math.ceil(joined / 100) * 100 },
  );
  if (rows.length) await db.insert(targets).values(rows);
}
