// The peer city of issue 13: city → 12 districts → 150 streets → 5,000 grassroots unions that share only 1,865
// distinct names (as in the generated city), loaded set-based through orgRepo.insertMany, and its roster:
// `members` people spread over the unions, written as an xlsx with the importer's headers, real-roster 人员类别
// (在职职工, 退休职工, 新就业形态劳动者, 劳务派遣人员, 进城务工人员) and 所在工会 written 「街道/工会」 when the name is
// not unique in the city.
import fs from 'node:fs';
import { nameSearchFields } from '../../server/src/modules/orgs/index.ts';
// A generator at benchmark scale writes through the repository directly (bench/ is outside the module boundary).
import * as orgRepo from '../../server/src/modules/orgs/orgs.repo.ts';
import type { Db } from '../../server/src/platform/db/index.ts';
import { bigRosterFile } from '../../server/src/test/imports.ts';
import { generateCity, rng, type CityOrg } from './city.ts';
import { personOf } from './members-people.ts';

export const DISTRICTS = 12;
export const STREETS = 150;
export const UNIONS = 5_000;
export const DISTINCT_NAMES = 1_865;

export interface PeerUnion {
  street: number; // index into streets
  name: string;
  /** What the roster writes in 所在工会: the bare name when unique in the city, else 「街道/工会」. */
  cell: string;
}
export interface PeerCity {
  root: CityOrg;
  districts: CityOrg[];
  streets: { org: CityOrg; district: number }[];
  unions: (PeerUnion & { org: CityOrg })[];
}

/** Names, kinds and details come from the 50,000-org city's generator (same seed, same city). */
export function planPeerCity(seed: number): PeerCity {
  const city = generateCity(seed, 50_000);
  const root = city[0];
  if (!root) throw new Error('empty city');
  const districtRows = city.flatMap((o, i) => (o.level === 'district' ? [i] : []));
  if (districtRows.length !== DISTRICTS) throw new Error(`city has ${districtRows.length} districts`);
  // 150 of the city's 183 streets: drop from the districts with the most until 150 remain.
  const byDistrict = districtRows.map((d) => city.flatMap((o, i) => (o.level === 'street' && o.parent === d ? [i] : [])));
  for (let total = byDistrict.reduce((s, x) => s + x.length, 0); total > STREETS; total--) {
    const most = byDistrict.reduce((m, x, i) => (x.length > (byDistrict[m]?.length ?? 0) ? i : m), 0);
    byDistrict[most]?.pop();
  }
  const streets = byDistrict.flatMap((rows, d) => rows.map((i) => ({ org: city[i] as CityOrg, district: d })));
  // The first 1,865 distinct active grassroots names, each with the details of the union it came from.
  const pool: CityOrg[] = [];
  const seen = new Set<string>();
  for (const o of city) {
    if (pool.length === DISTINCT_NAMES) break;
    if (o.level !== 'grassroots' || o.status !== 'active' || seen.has(o.name)) continue;
    seen.add(o.name);
    pool.push(o);
  }
  const rand = rng(seed + 13);
  const inStreet = streets.map(() => new Set<string>());
  const unions: (PeerUnion & { org: CityOrg })[] = [];
  for (let j = 0; j < UNIONS; j++) {
    const street = j % STREETS;
    let src = pool[j];
    // Past the distinct names, draw again, never twice in one street (so that 「街道/工会」 tells them apart).
    while (!src || inStreet[street]?.has(src.name)) src = pool[Math.floor(rand() * pool.length)];
    inStreet[street]?.add(src.name);
    const first = j < DISTINCT_NAMES;
    unions.push({ street, name: src.name, cell: src.name, org: { ...src, uscc: first ? src.uscc : null } });
  }
  const count = new Map<string, number>();
  for (const u of unions) count.set(u.name, (count.get(u.name) ?? 0) + 1);
  for (const u of unions) if ((count.get(u.name) ?? 0) > 1) u.cell = `${streets[u.street]?.org.name}/${u.name}`;
  return { root, districts: districtRows.map((i) => city[i] as CityOrg), streets, unions };
}

export interface LoadedCity {
  rootId: number;
  districtIds: number[];
  streetIds: number[];
  unionIds: number[];
}

/** Inserts the tree under the bootstrapped root in one transaction (ids from the sequence, paths computed here). */
export async function loadPeerCity(db: Db, rootId: number, plan: PeerCity): Promise<LoadedCity> {
  return db.transaction(async (tx) => {
    const n = plan.districts.length + plan.streets.length + plan.unions.length;
    const ids = await orgRepo.nextIds(tx, n);
    let next = 0;
    const take = () => {
      const id = ids[next++];
      if (id === undefined) throw new Error('ran out of ids');
      return id;
    };
    const rows: orgRepo.OrgInsert[] = [];
    const row = (o: CityOrg, id: number, parentId: number, path: string, depth: number): orgRepo.OrgInsert => ({
      id,
      parentId,
      path,
      depth,
      name: o.name,
      ...nameSearchFields(o.name),
      level: o.level,
      kind: o.kind,
      status: 'active',
      uscc: o.uscc,
      divisionCode: o.divisionCode,
      foundedAt: o.foundedAt,
      dissolvedAt: null,
      chairName: o.chairName,
      contactName: o.contactName,
      employerName: o.employerName,
      headcount: o.headcount,
      address: o.address,
    });
    const rootPath = `${rootId}.`;
    const districtIds = plan.districts.map(() => take());
    const districtPaths = districtIds.map((id) => `${rootPath}${id}.`);
    plan.districts.forEach((o, i) => rows.push(row(o, districtIds[i] as number, rootId, districtPaths[i] as string, 1)));
    const streetIds = plan.streets.map(() => take());
    const streetPaths = plan.streets.map((s, i) => `${districtPaths[s.district]}${streetIds[i]}.`);
    plan.streets.forEach((s, i) =>
      rows.push(row(s.org, streetIds[i] as number, districtIds[s.district] as number, streetPaths[i] as string, 2)),
    );
    const unionIds = plan.unions.map(() => take());
    plan.unions.forEach((u, i) =>
      rows.push(row(u.org, unionIds[i] as number, streetIds[u.street] as number, `${streetPaths[u.street]}${unionIds[i]}.`, 3)),
    );
    await orgRepo.insertMany(tx, rows);
    return { rootId, districtIds, streetIds, unionIds };
  });
}

/** Member i's union: a mild skew (a few unions hold a few hundred members, most a dozen). */
export function unionOf(seed: number, i: number): number {
  const r = ((Math.imul(i + 1, 2654435761) ^ seed) >>> 0) / 2 ** 32;
  return Math.min(UNIONS - 1, Math.floor(UNIONS * r ** 1.3));
}

// 人员类别 as real rosters write it: the special groups under their common names, 在职 / 退休 otherwise.
const LABEL: Record<string, string> = { migrant: '进城务工人员', new_forms: '新就业形态劳动者', dispatched: '劳务派遣人员' };

export function rosterRow(seed: number, plan: PeerCity, i: number): string[] {
  const p = personOf(seed, i);
  const u = plan.unions[unionOf(seed, i)] as PeerUnion;
  const category = p.categories.length
    ? p.categories.map((c) => LABEL[c] ?? c).join('、')
    : i % 13 === 0
      ? '退休职工'
      : i % 5 === 0
        ? ''
        : '在职职工';
  return [p.name, p.idNumber, p.phone ?? '', p.joinedAt, category, u.cell];
}

export const ROSTER_HEADER = ['姓名*', '身份证号*', '手机号', '入会日期*', '人员类别', '所在工会'];

/** Writes the roster once per (seed, members); later runs reuse it. */
export async function writePeerRoster(file: string, seed: number, plan: PeerCity, members: number): Promise<boolean> {
  if (fs.existsSync(file)) return false;
  function* rows() {
    for (let i = 0; i < members; i++) yield rosterRow(seed, plan, i);
  }
  await bigRosterFile(`${file}.part`, ROSTER_HEADER, rows());
  fs.renameSync(`${file}.part`, file);
  return true;
}
