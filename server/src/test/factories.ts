// Factories write through the real services and repositories (no mocks of our own database); each test
// builds its own subtree, so tests never depend on each other's data. They set data up as the system (the
// database's row-level security would otherwise show them nothing outside a request).
import { randomBytes } from 'node:crypto';
import { idCheckChar, type OrgKind, type OrgLevel } from '@gonghui/common';
import { asSystem, type Db } from '../platform/db/index.ts';
import { findOrgById, insertOrgs, nameSearchFields, nextOrgIds } from '../modules/orgs/index.ts';
import { hashPassword, insertUser } from '../modules/users/index.ts';

export const PASSWORD = 'Test#Pass2026';
const hashed = hashPassword(PASSWORD);

export const uniq = (prefix: string) => `${prefix}_${randomBytes(4).toString('hex')}`;

export interface OrgRef {
  id: number;
  path: string;
  depth: number;
  name: string;
  level: OrgLevel;
}

export function makeOrg(
  db: Db,
  parent: OrgRef | number,
  o: { name?: string; level?: OrgLevel; kind?: OrgKind; foundedAt?: string } = {},
): Promise<OrgRef> {
  return asSystem(() => insertOrg(db, parent, o));
}

async function insertOrg(
  db: Db,
  parent: OrgRef | number,
  o: { name?: string; level?: OrgLevel; kind?: OrgKind; foundedAt?: string },
): Promise<OrgRef> {
  const p = typeof parent === 'number' ? await findOrgById(db, parent) : parent;
  if (!p) throw new Error('parent not found');
  const [id] = await nextOrgIds(db, 1);
  if (id === undefined) throw new Error('no id');
  const name = o.name ?? uniq('测试工会');
  const level = o.level ?? 'grassroots';
  const row = {
    id,
    parentId: p.id,
    path: `${p.path}${id}.`,
    depth: p.depth + 1,
    name,
    ...nameSearchFields(name),
    level,
    kind: o.kind ?? 'enterprise_private',
    foundedAt: o.foundedAt ?? null,
  };
  await insertOrgs(db, [row]);
  return { id, path: row.path, depth: row.depth, name, level };
}

export async function makeUser(db: Db, orgId: number, roles: string[] = ['org_admin'], o: { mustChangePassword?: boolean } = {}) {
  const username = uniq('u');
  const passwordHash = await hashed;
  const u = await asSystem(() =>
    insertUser(db, { orgId, username, passwordHash, roles, mustChangePassword: o.mustChangePassword ?? false }),
  );
  return { id: u.id, username, password: PASSWORD };
}

/** district → 2 streets → 2 grassroots unions each, under the given root. */
export async function makeTree(db: Db, rootId: number) {
  const district = await makeOrg(db, rootId, { level: 'district', name: uniq('区总工会') });
  const streets = [];
  for (let s = 0; s < 2; s++) {
    const street = await makeOrg(db, district, { level: 'street', name: uniq(`街道${s}`) });
    const unions = [];
    for (let g = 0; g < 2; g++) unions.push(await makeOrg(db, street, { level: 'grassroots', name: uniq(`基层${s}${g}`) }));
    streets.push({ org: street, unions });
  }
  return { district, streets };
}

let idSeq = 0;
/** A fresh valid 身份证号 (unique within a test run): varies the division and sequence digits. */
export function newIdNumber(birth = '19900307', female = false): string {
  idSeq++;
  const seq = String(idSeq % 100).padStart(2, '0');
  const gender = 2 * (Math.floor(idSeq / 100) % 5) + (female ? 0 : 1);
  const body = `32${String(1000 + (Math.floor(idSeq / 500) % 9000)).padStart(4, '0')}${birth}${seq}${gender}`;
  return body + idCheckChar(body);
}
