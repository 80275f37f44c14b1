// Demo members for the demo city: about twenty per grassroots union, with valid ID numbers, phones, categories
// and join dates spread over the years (some in the current half year), inserted in bulk like an import.
import { idCheckChar, type MemberCategory } from '@gonghui/common';
import type { FieldCrypto } from '../platform/crypto/index.ts';
import type { Db } from '../platform/db/index.ts';
import {
  cardNoOf,
  cipherFields,
  identityFields,
  insertMemberEvents,
  insertMembers,
  nextMemberIds,
  type MemberInsert,
} from '../modules/members/index.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰建华文斌辉玲红玉宁波鹏飞婷雪琳晨浩宇欣怡子涵梓轩';

export async function seedDemoMembers(
  db: Db,
  crypto: FieldCrypto,
  unions: { id: number; path: string; divisionCode: string | null }[],
  rand: () => number,
  today: string,
): Promise<number> {
  const thisYear = Number(today.slice(0, 4));
  // Joins of this year stop at the last full month; last year's give the year-on-year comparison.
  const monthsThisYear = Math.max(1, Number(today.slice(5, 7)) - 1);
  const pick = (s: string) => s.charAt(Math.floor(rand() * s.length));
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const rows: MemberInsert[] = [];
  const events: { memberId: number; orgId: number; type: string; date: string }[] = [];
  const total = unions.length * 20;
  const used = new Set<string>();
  const ids = await nextMemberIds(db, total);
  let i = 0;
  for (const u of unions) {
    for (let k = 0; k < 20; k++) {
      const id = ids[i++] as number;
      let body = '';
      do {
        const birthYear = 1965 + Math.floor(rand() * 38);
        body = `${u.divisionCode ?? '320102'}${birthYear}${pad(1 + Math.floor(rand() * 12), 2)}${pad(1 + Math.floor(rand() * 28), 2)}${pad(id % 1000, 3)}`;
      } while (used.has(body));
      used.add(body);
      const name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.6 ? pick(GIVEN) : '');
      const phone = `1${pick('3578')}${pad(Math.floor(rand() * 1e9), 9)}`;
      const roll = rand();
      const year = roll < 0.12 ? thisYear : roll < 0.22 ? thisYear - 1 : 2005 + Math.floor(rand() * (thisYear - 2006));
      const joinedAt = `${year}-${pad(1 + Math.floor(rand() * (year === thisYear ? monthsThisYear : 12)), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`;
      const categories: MemberCategory[] = [];
      if (rand() < 0.25) categories.push('migrant');
      if (rand() < 0.1) categories.push('new_forms');
      if (rand() < 0.05) categories.push('dispatched');
      const { fields, secret } = identityFields(crypto, { name, idNumber: body.slice(0, 17) + idCheckChar(body.slice(0, 17)), phone });
      // About one in thirty older members left this year (退会): the reports count them.
      const quit =
        year < thisYear && rand() < 0.035
          ? `${thisYear}-${pad(1 + Math.floor(rand() * monthsThisYear), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`
          : null;
      rows.push({
        id,
        orgId: u.id,
        orgPath: u.path,
        ...fields,
        ...cipherFields(crypto, id, secret),
        joinedAt,
        status: quit ? 'left' : 'active',
        statusSince: quit ?? joinedAt,
        categories,
        cardNo: cardNoOf(id),
      });
      events.push({ memberId: id, orgId: u.id, type: 'join', date: joinedAt });
      if (quit) events.push({ memberId: id, orgId: u.id, type: 'quit', date: quit });
    }
  }
  await db.transaction(async (tx) => {
    await insertMembers(tx, rows);
    await insertMemberEvents(tx, events);
  });
  return rows.length;
}
