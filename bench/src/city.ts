// A deterministic city federation of exactly `total` orgs: city → 12 districts → ~15 streets each → a few
// federations per street → grassroots unions. Rows come parent-first (depth-first), so row i's parent is < i.
import { usccCheckChar, type OrgKind, type OrgLevel } from '@gonghui/common';
import {
  AMENITIES,
  BIDS,
  BRANCHES,
  BRANDS,
  CITY,
  CLINICS,
  COMMUNITY,
  CORP,
  DISTRICTS,
  FEDS,
  GIVEN,
  HOSPITALS,
  INDUSTRIES,
  NEW_FORMS,
  OTHER,
  PLACES,
  PROJECTS,
  ROADS,
  SCHOOLS,
  STATE,
  STATIONS,
  SURNAMES,
} from './city-words.ts';

export interface CityOrg {
  parent: number; // index of the parent row, -1 for the city
  level: OrgLevel;
  kind: OrgKind;
  name: string;
  status: 'active' | 'dissolved';
  foundedAt: string;
  dissolvedAt: string | null;
  divisionCode: string;
  uscc: string | null;
  chairName: string;
  contactName: string;
  employerName: string | null;
  headcount: number | null;
  address: string;
}

// Grassroots kinds and how often they occur.
const KIND_WEIGHTS: [OrgKind, number][] = [
  ['enterprise_private', 36],
  ['community', 13],
  ['public_institution', 9],
  ['school', 8],
  ['enterprise_state', 6],
  ['enterprise_collective', 4],
  ['enterprise_foreign', 4],
  ['new_forms', 4],
  ['migrant', 3],
  ['hospital', 3],
  ['project', 3],
  ['other', 2],
];

/** Park–Miller style LCG on 31 bits (same family as the demo seed): repeatable across runs and engines. */
export function rng(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

export function generateCity(seed: number, total = 50_000): CityOrg[] {
  const rand = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const shuffled = <T>(xs: readonly T[]): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j] as T, a[i] as T];
    }
    return a;
  };
  const person = () => pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const date = (y0: number, y1: number, after?: string) => {
    const y = y1 - Math.floor((y1 - y0 + 1) * rand() * rand()); // skewed toward recent years
    const d = `${y}-${pad(int(1, y === 2026 ? 3 : 12), 2)}-${pad(int(1, 28), 2)}`;
    return after && d < after ? after : d;
  };
  const totalWeight = KIND_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const grassrootsKind = (): OrgKind => {
    let r = rand() * totalWeight;
    for (const [k, w] of KIND_WEIGHTS) if ((r -= w) < 0) return k;
    return 'other';
  };

  const rows: CityOrg[] = [];
  const used = new Set<string>();
  let usccSeq = 0;
  const add = (o: Omit<CityOrg, 'status' | 'dissolvedAt' | 'chairName' | 'contactName' | 'uscc'>, uscc: boolean): number => {
    let name = o.name;
    for (let n = 2; used.has(name); n++) name = o.name.replace(/(工会委员会|工会联合会|联合工会|工会)$/, `第${n}$1`);
    used.add(name);
    const dissolved = o.level === 'grassroots' && rand() < 0.02;
    let code: string | null = null;
    if (uscc) {
      const body = `81${o.divisionCode.slice(0, 6)}${pad(++usccSeq, 9)}`;
      code = body + (usccCheckChar(body) ?? '0');
    }
    rows.push({
      ...o,
      name,
      status: dissolved ? 'dissolved' : 'active',
      dissolvedAt: dissolved ? date(2020, 2026, o.foundedAt) : null,
      uscc: code,
      chairName: person(),
      contactName: person(),
    });
    return rows.length - 1;
  };

  const city = add(
    {
      parent: -1,
      level: 'city',
      kind: 'federation_body',
      name: `${CITY}总工会`,
      foundedAt: '1950-05-01',
      divisionCode: '330700000000',
      employerName: null,
      headcount: null,
      address: `${CITY}人民路1号`,
    },
    false,
  );

  // Plan the shape first so that the grand total comes out exact.
  const plan = DISTRICTS.map(() => Array.from({ length: int(13, 17) }, () => ({ feds: int(1, 5), weight: 0.4 + 1.4 * rand() })));
  const streets = plan.flat();
  const fedCount = streets.reduce((s, p) => s + p.feds, 0);
  const grassroots = total - 1 - DISTRICTS.length - streets.length - fedCount;
  const weightSum = streets.reduce((s, p) => s + p.weight, 0);
  const quota = streets.map((p) => Math.max(p.feds * 10 + 20, Math.round((grassroots * p.weight) / weightSum)));
  for (let diff = grassroots - quota.reduce((a, b) => a + b, 0), i = 0; diff !== 0; i = (i + 1) % quota.length) {
    const step = Math.sign(diff);
    const q = quota[i] ?? 0;
    if (step > 0 || q > (streets[i]?.feds ?? 0) * 10 + 20) {
      quota[i] = q + step;
      diff -= step;
    }
  }

  let streetNo = 0;
  DISTRICTS.forEach((dName, di) => {
    const dCode = `3307${pad(di + 2, 2)}`;
    const dShort = dName.slice(0, 2);
    const district = add(
      {
        parent: city,
        level: 'district',
        kind: 'federation_body',
        name: `${dName}总工会`,
        foundedAt: date(1950, 1995),
        divisionCode: `${dCode}000000`,
        employerName: null,
        headcount: null,
        address: `${CITY}${dName}${pick(ROADS)}${int(1, 200)}号`,
      },
      false,
    );
    const places = shuffled(PLACES);
    plan[di]?.forEach((sp, si) => {
      const sq = quota[streetNo++] ?? 0;
      const place = places[si] ?? `第${si + 1}`;
      const sName = `${place}${rand() < 0.7 ? '街道' : rand() < 0.85 ? '镇' : '乡'}`;
      const sCode = `${dCode}${pad(si + 1, 3)}000`;
      const street = add(
        {
          parent: district,
          level: 'street',
          kind: 'federation_body',
          name: `${dName}${sName}总工会`,
          foundedAt: date(1980, 2012),
          divisionCode: sCode,
          employerName: null,
          headcount: null,
          address: `${CITY}${dName}${sName}${pick(ROADS)}${int(1, 300)}号`,
        },
        false,
      );
      const streetRow = rows[street];
      const stations = shuffled(STATIONS);
      const naming = (kind: OrgKind, hint: string | undefined): [string, string | null] => {
        const brand = pick(BRANDS);
        const industry = hint ?? pick(INDUSTRIES);
        const prefix = pick([CITY.slice(0, 2), dShort, place, '']);
        let employer: string | null = null;
        switch (kind) {
          case 'enterprise_private':
            employer = `${prefix}${brand}${industry}${pick(CORP)}`;
            return [`${employer}工会${rand() < 0.5 ? '委员会' : ''}`, employer];
          case 'enterprise_state':
            employer = `${CITY}${pick(STATE)}`;
            return [`${employer}${dShort}${place}${pick(BRANCHES)}工会`, employer];
          case 'enterprise_collective':
            employer = `${place}${brand}${industry}合作社`;
            return [`${employer}工会`, employer];
          case 'enterprise_foreign':
            employer = `${brand}（${pick(['中国', '江州', '亚太'])}）${industry}${pick(['有限公司', '实业有限公司', '科技有限公司'])}`;
            return [`${employer}工会`, employer];
          case 'public_institution':
            return [`${dShort}${place}${stations.pop() ?? `${pick(COMMUNITY)}${pick(AMENITIES)}`}工会`, null];
          case 'community':
            return [`${place}${shuffled(COMMUNITY).slice(0, 2).join('')}${rand() < 0.7 ? '社区工会' : '村工会委员会'}`, null];
          case 'school':
            return [`${dShort}${place}${pick(COMMUNITY)}${pick(SCHOOLS)}工会`, null];
          case 'hospital':
            return [rand() < 0.3 ? `${dShort}${place}${pick(HOSPITALS)}工会` : `${dShort}${brand}${pick(CLINICS)}工会`, null];
          case 'new_forms':
            return [`${dShort}${place}${brand}${pick(['配送站', '速运', '出行', '服务站'])}${pick(NEW_FORMS)}工会`, null];
          case 'migrant':
            employer = `${brand}建设${pick(CORP)}`;
            return [`${employer}${dShort}${pick(PROJECTS)}项目部农民工工会`, employer];
          case 'project':
            employer = `${brand}建设${pick(CORP)}`;
            return [`${dShort}${place}${pick(PROJECTS)}${pick(BIDS)}标段项目工会`, employer];
          case 'other':
          case 'federation_body':
          case 'industry_federation':
          case 'joint':
            employer = `${brand}${pick(OTHER)}`;
            return [`${prefix}${employer}工会`, employer];
        }
      };
      const unit = (parent: number, hint?: string) => {
        const kind = grassrootsKind();
        let [name, employer] = naming(kind, hint);
        for (let t = 0; t < 8 && used.has(name); t++) [name, employer] = naming(kind, hint);
        add(
          {
            parent,
            level: 'grassroots',
            kind,
            name,
            foundedAt: date(1985, 2026, rows[parent]?.foundedAt),
            divisionCode: sCode,
            employerName: employer,
            headcount: Math.floor(Math.exp(2.3 + 5.5 * rand() ** 1.6)) + 3,
            address: `${CITY}${dName}${sName}${pick(ROADS)}${int(1, 999)}号`,
          },
          true,
        );
      };
      const feds = shuffled(FEDS);
      let direct = sq;
      for (let f = 0; f < sp.feds; f++) {
        const [kind, suffix] = feds[f] ?? ['joint', '联合工会'];
        const fed = add(
          {
            parent: street,
            level: 'federation',
            kind,
            name: `${dShort}${place}${suffix}`,
            foundedAt: date(2005, 2024, streetRow?.foundedAt),
            divisionCode: sCode,
            employerName: null,
            headcount: null,
            address: `${CITY}${dName}${sName}${pick(ROADS)}${int(1, 300)}号`,
          },
          true,
        );
        const n = Math.min(int(10, 40), direct - (sp.feds - f - 1) * 10 - 20);
        const hint = suffix.startsWith('餐饮') ? '餐饮' : suffix.startsWith('快递') || suffix.startsWith('物流') ? '物流' : undefined;
        for (let g = 0; g < n; g++) unit(fed, hint);
        direct -= n;
      }
      for (let g = 0; g < direct; g++) unit(street);
    });
  });
  if (rows.length !== total) throw new Error(`generated ${rows.length} orgs, expected ${total}`);
  return rows;
}
