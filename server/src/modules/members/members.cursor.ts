// The roster's sort orders and their keyset cursors: a next page starts after the last row's sort key, so page 500 of
// a district costs what page 1 does (no OFFSET over the rows before it).
import { and, asc, desc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/http/errors.ts';
import { members } from '../../platform/db/index.ts';

export const MEMBER_SORTS = ['id', 'joinedAt', 'name'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

type Key = [string | number, number];

// Pinyin compares byte-wise (~<~), as its text_pattern_ops index orders it, whatever the database's collation.
const pinyinAfter = (v: string) => sql`${members.namePinyin} ~>~ ${v}`;

export function orderOf(sort: MemberSort): SQL[] {
  if (sort === 'joinedAt') return [desc(members.joinedAt), desc(members.id)];
  if (sort === 'name') return [sql`${members.namePinyin} USING ~<~`, asc(members.id)];
  return [desc(members.id)];
}

/** Rows after the cursor's key in the sort's order. */
export function afterKey(sort: MemberSort, [v, id]: Key): SQL | undefined {
  if (sort === 'joinedAt') return or(lt(members.joinedAt, String(v)), and(eq(members.joinedAt, String(v)), lt(members.id, id)));
  if (sort === 'name') return or(pinyinAfter(String(v)), and(eq(members.namePinyin, String(v)), gt(members.id, id)));
  return lt(members.id, id);
}

export function keyOf(sort: MemberSort, row: { id: number; joinedAt: string; namePinyin: string }): Key {
  return [sort === 'joinedAt' ? row.joinedAt : sort === 'name' ? row.namePinyin : row.id, row.id];
}

export function encodeCursor(sort: MemberSort, key: Key): string {
  return Buffer.from(JSON.stringify([sort, ...key])).toString('base64url');
}

/** A cursor from another sort, or one tampered with, is a 400 naming the field, never a 500. */
export function decodeCursor(sort: MemberSort, cursor: string): Key {
  try {
    const [s, v, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, unknown, unknown];
    const valueOk = sort === 'id' ? typeof v === 'number' : typeof v === 'string' && v.length <= 300;
    if (s === sort && valueOk && Number.isSafeInteger(id)) return [v as string | number, id as number];
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION', '翻页游标（cursor）无效或与排序方式不符，请从第一页重新查询', 'cursor');
}
