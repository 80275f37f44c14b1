// DEMO=1: a small but realistic city federation — districts, streets, a federation, a few hundred grassroots
// unions of varied kinds with founding dates and life events — and one account per level.
import { sql } from 'drizzle-orm';
import { todayCst, usccCheckChar, type OrgKind, type OrgLevel } from '@gonghui/common';
import { recordAudit } from '../platform/audit/index.ts';
import type { Db } from '../platform/db/index.ts';
import { findOrgById, insertOrgEvents, insertOrgs, nameSearchFields, nextOrgIds, type OrgInsert } from '../modules/orgs/index.ts';
import { hashPassword, insertUser } from '../modules/users/index.ts';
import { randomPassword } from './bootstrap.ts';
import type { FieldCrypto } from '../platform/crypto/index.ts';
import { seedDemoMembers } from './demo-members.ts';
import { seedDemoTargets } from './demo-targets.ts';

const DISTRICTS = ['城东区', '城西区', '高新区', '滨江区', '临湖县', '青山县'];
const STREETS = ['新华街道', '人民路街道', '东湖街道', '长安镇', '青石镇', '南山街道', '北门街道', '双桥镇'];
const FIRMS = [
  '恒达机械',
  '华信电子',
  '绿源食品',
  '金桥物流',
  '明珠纺织',
  '宏远建设',
  '天成软件',
  '瑞丰化工',
  '新峰汽配',
  '嘉禾印务',
  '东方精工',
  '诚信物业',
];
const GRASSROOTS: [OrgKind, (firm: string, street: string) => string][] = [
  ['enterprise_private', (f) => `${f}有限公司工会委员会`],
  ['enterprise_state', (f) => `${f}集团股份有限公司工会`],
  ['enterprise_foreign', (f) => `${f}（中外合资）有限公司工会`],
  ['public_institution', (_f, s) => `${s}办事处机关工会`],
  ['school', (_f, s) => `${s.replace(/街道|镇/, '')}实验小学工会`],
  ['hospital', (_f, s) => `${s.replace(/街道|镇/, '')}社区卫生服务中心工会`],
  ['community', (_f, s) => `${s.replace(/街道|镇/, '')}社区工会`],
  ['migrant', (f) => `${f}项目部农民工工会`],
  ['new_forms', (_f, s) => `${s.replace(/街道|镇/, '')}快递外卖骑手联合工会`],
  ['enterprise_collective', (f) => `${f}合作社工会`],
];

// Deterministic pseudo-random numbers, so every demo database looks the same.
/** mulberry32: integer arithmetic only (a float LCG loses bits past 2^53 and falls into short cycles). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoAccount {
  username: string;
  password: string;
  level: string;
  orgName: string;
  role: string;
}

export async function seedDemo(db: Db, crypto: FieldCrypto, rootOrgId: number, demoPassword?: string): Promise<DemoAccount[]> {
  const rand = rng(20260101);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  // Dates never fall after today: the current year's unions and members are the "this half year" of the demo.
  const today = todayCst();
  const thisYear = Number(today.slice(0, 4));
  const day = (y0: number, y1: number) => {
    const y = y0 + Math.floor(rand() * (y1 - y0 + 1));
    const months = y === thisYear ? Math.max(1, Number(today.slice(5, 7)) - 1) : 12;
    const m = 1 + Math.floor(rand() * months);
    const d = `${y}-${String(m).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    return d > today ? today : d;
  };
  const accounts = await db.transaction(async (tx) => {
    const root = await findOrgById(tx, rootOrgId);
    if (!root) throw new Error('root org missing');
    const rows: OrgInsert[] = [];
    const events: { orgId: number; type: string; date: string; data: Record<string, unknown> }[] = [];
    const ids = await nextOrgIds(tx, 700);
    let next = 0;
    let seq = 0;
    const add = (
      parent: { id: number; path: string; depth: number },
      name: string,
      level: OrgLevel,
      kind: OrgKind,
      founded: string,
      division: string,
    ) => {
      const id = ids[next++] as number;
      seq++;
      const body = `81${division}${String(1000000000 + seq).slice(1)}`.slice(0, 17);
      const row: OrgInsert = {
        id,
        parentId: parent.id,
        path: `${parent.path}${id}.`,
        depth: parent.depth + 1,
        name,
        ...nameSearchFields(name),
        level,
        kind,
        uscc: level === 'grassroots' ? body + usccCheckChar(body) : null,
        divisionCode: division,
        foundedAt: founded,
        chairName: pick(['王建国', '李秀英', '张伟', '刘芳', '陈静', '杨军', '赵敏', '黄磊']),
        headcount: level === 'grassroots' ? 20 + Math.floor(rand() * 600) : null,
      };
      rows.push(row);
      events.push({ orgId: id, type: 'found', date: founded, data: { parentId: parent.id } });
      return { id, path: row.path, depth: row.depth, name };
    };
    const firstOf: Record<string, { id: number; name: string }> = {};
    const used = new Set<string>();
    const uniqueName = (name: string) => {
      let n = name;
      for (let i = 2; used.has(n); i++) n = name.replace(/(工会委员会|工会联合会|联合工会|工会)$/, `第${i}$1`);
      used.add(n);
      return n;
    };
    DISTRICTS.forEach((d, di) => {
      const division = `3201${String(di + 2).padStart(2, '0')}`;
      const district = add(root, `${d}总工会`, 'district', 'federation_body', day(1990, 2000), division);
      firstOf.district ??= district;
      for (let si = 0; si < 5; si++) {
        const sname = STREETS[(di + si) % STREETS.length] as string;
        const street = add(district, `${d}${sname}总工会`, 'street', 'federation_body', day(2000, 2010), division);
        firstOf.street ??= street;
        const parentForNewForms =
          si === 0
            ? add(street, `${d}${sname.replace(/街道|镇/, '')}商圈工会联合会`, 'federation', 'joint', day(2012, 2020), division)
            : street;
        for (let gi = 0; gi < 10; gi++) {
          const [kind, nameOf] = GRASSROOTS[(gi + si + di) % GRASSROOTS.length] as (typeof GRASSROOTS)[number];
          const firm = FIRMS[(gi * 7 + si * 3 + di) % FIRMS.length] as string;
          const parent = kind === 'new_forms' || kind === 'enterprise_private' ? parentForNewForms : street;
          const name = uniqueName(`${d.slice(0, 2)}${nameOf(firm, sname)}`);
          const founded =
            rand() < 0.15 ? day(thisYear, thisYear) : rand() < 0.1 ? day(thisYear - 1, thisYear - 1) : day(2010, thisYear - 2);
          const g = add(parent, name, 'grassroots', kind, founded, division);
          firstOf.grassroots ??= g;
          // Some unions held their re-election this year (换届), as reports count.
          if (founded < `${thisYear - 3}-01-01` && rand() < 0.12)
            events.push({ orgId: g.id, type: 'reelect', date: day(thisYear, thisYear), data: { chairName: null, termYears: 5 } });
        }
      }
    });
    await insertOrgs(tx, rows);
    await insertOrgEvents(tx, events);

    const accounts: DemoAccount[] = [];
    const mk = async (username: string, org: { id: number; name: string }, level: string, ...roles: string[]) => {
      const password = demoPassword ?? randomPassword();
      await insertUser(tx, { orgId: org.id, username, displayName: `${level}演示账号`, passwordHash: await hashPassword(password), roles });
      accounts.push({ username, password, level, orgName: org.name, role: roles.join(',') });
    };
    const need = (k: string) => firstOf[k] as { id: number; name: string };
    await mk('district_admin', need('district'), '区总工会', 'org_admin');
    await mk('street_admin', need('street'), '街道总工会', 'org_admin');
    await mk('union_admin', need('grassroots'), '基层工会', 'org_admin');
    await mk('viewer', root, '市总工会', 'viewer');
    // Unmasked exports: a district officer asks, the city's officer approves (admin, secadmin and auditor come
    // from the bootstrap).
    await mk('district_privacy', need('district'), '区总工会', 'org_admin', 'privacy_officer');
    await mk('city_privacy', root, '市总工会', 'privacy_officer');
    await recordAudit(
      tx,
      { actorId: null, actorName: 'system', ip: null, requestId: null },
      {
        action: 'system.demo_seed',
        orgId: root.id,
        orgPath: root.path,
        entityType: 'org',
        entityId: root.id,
        after: { orgs: rows.length, users: accounts.map((a) => a.username) },
      },
    );
    return accounts;
  });
  const unions = await db.execute<{ id: number; path: string; divisionCode: string | null }>(
    sql`SELECT id, path, division_code AS "divisionCode" FROM orgs WHERE level = 'grassroots' AND path LIKE ${`${rootOrgId}.%`} ORDER BY id`,
  );
  await seedDemoMembers(db, crypto, unions.rows, rand, today);
  await seedDemoTargets(db, rootOrgId, thisYear, rand);
  return accounts;
}
