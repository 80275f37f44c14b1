// Where the member benchmarks aim: the bench district (targets.ts), its member count, a keyset cursor ~50 and
// ~500 pages deep, an ID number known to be in the district (decrypted from its row), and a district admin.
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/src/platform/db/index.ts';
import { makeUser } from '../../server/src/test/factories.ts';
import { benchCrypto } from './members-crypto.ts';
import { findTargets, type Node } from './targets.ts';

export const NAME2 = '张伟';
export const INITIALS = 'zw';

export interface MemberTargets {
  root: Node;
  district: Node;
  districtMembers: number;
  cityMembers: number;
  after50: number; // id of the last row of page 50 (pageSize 20): `after=` gives page 51
  deepPage: number; // 500, or the last full page of a smaller district
  after500: number; // same for page deepPage
  idNumber: string;
  districtAdmin: { username: string; password: string };
}

export async function findMemberTargets(db: Db): Promise<MemberTargets> {
  const t = await findTargets(db);
  const n = async (q: ReturnType<typeof sql>) => Number((await db.execute<{ n: number }>(q)).rows[0]?.n ?? 0);
  const like = `${t.district.path}%`;
  const districtMembers = await n(sql`SELECT count(*)::int AS n FROM members WHERE org_path LIKE ${like}`);
  const cityMembers = await n(sql`SELECT count(*)::int AS n FROM members`);
  if (districtMembers < 20 * 60) throw new Error(`district ${t.district.id} has ${districtMembers} members: run gen:members first`);
  const deepPage = Math.min(500, Math.floor(districtMembers / 20) - 1);
  const cursor = (page: number) =>
    n(sql`SELECT id AS n FROM members WHERE org_path LIKE ${like} ORDER BY id DESC OFFSET ${page * 20 - 1} LIMIT 1`);
  const row = (
    await db.execute<{ id: number; c: string }>(
      sql`SELECT id, id_cipher AS c FROM members WHERE org_path LIKE ${like} ORDER BY id LIMIT 1 OFFSET 777`,
    )
  ).rows[0];
  if (!row) throw new Error('no member in district');
  const user = await makeUser(db, t.district.id, ['org_admin']);
  return {
    root: t.root,
    district: t.district,
    districtMembers,
    cityMembers,
    after50: await cursor(50),
    deepPage,
    after500: await cursor(deepPage),
    idNumber: benchCrypto.decrypt(row.c, { table: 'members', column: 'id_cipher', id: row.id }),
    districtAdmin: { username: user.username, password: user.password },
  };
}
