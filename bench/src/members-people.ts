// Seeded synthetic people for the member registry bench: valid, unique 18-digit ID numbers (GB 11643 check
// character), Chinese names of 2–3 characters, phones, categories and join dates. Row i is a pure function of
// (seed, i), so a resumed load continues with the same people.
import { idCheckChar } from '@gonghui/common';

// Weighted surnames: the first ones (王李张刘陈…) are far more common, as in real rosters.
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彩春菊凤洁梅琳素云莲真环雪荣爱香月瑞凡佳嘉琼勤珍莉婷颖露瑶怡建国志文斌海波鹏飞宇浩俊峰亮辉晨阳鑫宁欣悦子涵浩然思雨梓轩',
];
// 5 districts' worth of region codes of 江苏 (3201xx 南京, 3202xx 无锡 …) plus a few migrants' home provinces.
const REGIONS = [
  '320102',
  '320104',
  '320105',
  '320106',
  '320111',
  '320113',
  '320114',
  '320115',
  '320116',
  '320117',
  '320205',
  '320206',
  '320211',
  '320213',
  '320214',
  '320302',
  '320303',
  '320311',
  '320312',
  '320321',
  '320402',
  '320404',
  '320411',
  '320412',
  '320481',
  '340102',
  '340103',
  '340104',
  '341202',
  '341203',
  '410102',
  '410103',
  '410105',
  '411302',
  '421102',
  '430102',
  '500101',
  '510107',
  '511302',
  '522601',
];
const DAYS = 40 * 365; // birth dates 1966-01-01 … 2005-12-27
const SLOTS = REGIONS.length * DAYS * 1000; // 3-digit sequence: capacity 584 M unique IDs
const STRIDE = 2_654_435_761 % SLOTS; // coprime with SLOTS (odd, not a multiple of 5 or 73): i → slot is a bijection
const BIRTH0 = Date.UTC(1966, 0, 1);
const JOIN0 = Date.UTC(2006, 0, 1);
const JOIN_SPAN = 20 * 365;

/** A small deterministic PRNG (mulberry32), seeded per row. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(xs: readonly T[], u: number): T => {
  const x = xs[Math.min(xs.length - 1, Math.floor(u * xs.length))];
  if (x === undefined) throw new Error('empty list');
  return x;
};

export interface Person {
  name: string;
  idNumber: string;
  phone: string | null;
  joinedAt: string;
  categories: string[];
  /** in [0, 1): where in the skewed union list this person lands */
  unionU: number;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function idNumberOf(seed: number, i: number): string {
  const slot = Number((BigInt(i + seed) * BigInt(STRIDE)) % BigInt(SLOTS));
  const seq = slot % 1000;
  const day = Math.floor(slot / 1000) % DAYS;
  const region = pick(REGIONS, Math.floor(slot / 1000 / DAYS) / REGIONS.length);
  const birth = isoDay(BIRTH0 + day * 86_400_000).replace(/-/g, '');
  const body = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

export function personOf(seed: number, i: number): Person {
  const r = rng(seed * 7919 + i);
  const s = r();
  // Skewed surnames: u² concentrates on the head of the list (王, 李, 张 … about 2.6 % each).
  const surname = pick(SURNAMES, s * s);
  const g1 = pick(GIVEN, r());
  const name = r() < 0.55 ? `${surname}${g1}${pick(GIVEN, r())}` : `${surname}${g1}`;
  const idNumber = idNumberOf(seed, i);
  const birthMs = Date.UTC(Number(idNumber.slice(6, 10)), Number(idNumber.slice(10, 12)) - 1, Number(idNumber.slice(12, 14)));
  const earliest = Math.max(JOIN0, birthMs + 18 * 365.25 * 86_400_000);
  const joinMs = Math.min(JOIN0 + JOIN_SPAN * 86_400_000, earliest + Math.floor(r() * JOIN_SPAN) * 86_400_000);
  const c = r();
  const categories = c < 0.25 ? ['migrant'] : c < 0.35 ? ['new_forms'] : c < 0.37 ? ['migrant', 'dispatched'] : [];
  const phone = r() < 0.9 ? `1${pick(['3', '5', '7', '8', '9'], r())}${String(Math.floor(r() * 1e9)).padStart(9, '0')}` : null;
  return { name, idNumber, phone, joinedAt: isoDay(joinMs), categories, unionU: r() };
}
