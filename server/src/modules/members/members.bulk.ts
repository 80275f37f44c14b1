// Bulk writes into the registry for other modules (member imports): they stage rows in the shape defined here and
// publish them through publishStagedMembers, so only this module knows the members tables' columns.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.ts';

/** A new member, ready to insert: sealed personal data, search fields and the source row it came from. */
export interface NewMember {
  id: number;
  orgId: number;
  orgPath: string;
  name: string;
  namePinyin: string;
  nameInitials: string;
  nameGrams: string[];
  idCipher: string;
  idHash: string;
  idMasked: string;
  phoneCipher: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  gender: string;
  birthYear: number;
  joinedAt: string;
  categories: string[];
  cardNo: string;
  /** The row of the source (an Excel row) reported back when the insert is refused. */
  sourceRow: number;
  /** A retiree who keeps the membership: 保留会籍 from this date (recorded as a 'retire_keep' event); absent: 在籍. */
  retainedSince?: string;
}

/** Changes to an existing member; a null phone or categories keeps what is recorded. */
export interface MemberPatch {
  id: number;
  name: string;
  namePinyin: string;
  nameInitials: string;
  nameGrams: string[];
  phoneCipher: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  joinedAt: string;
  categories: string[] | null;
  /** The union the member was found in when the batch was checked: the update applies only while they are still there. */
  orgId: number;
  /** The row of the source reported back when the update no longer applies. */
  sourceRow: number;
}

// Staged rows travel as JSON arrays, not objects: JSON.stringify of arrays is native and the keys would double the
// staged bytes of a million-row import. The order is private to this file. Text arrays travel as PostgreSQL array
// literals (textArrayLiteral): the publish casts them, where unpacking a JSON array took a subquery per row and
// value (a third of the publish statement's conversion time).
export type StagedMember = [
  number,
  number,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string,
  number,
  string,
  string,
  string,
  number,
  string | null,
];
export type StagedMemberPatch = [
  number,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string,
  string | null,
  number,
  number,
];

/** A PostgreSQL array literal of text values: each quoted, with its quotes and backslashes escaped. */
export const textArrayLiteral = (xs: readonly string[]): string => `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

export const stagedMember = (m: NewMember): StagedMember => [
  m.id,
  m.orgId,
  m.orgPath,
  m.name,
  m.namePinyin,
  m.nameInitials,
  textArrayLiteral(m.nameGrams),
  m.idCipher,
  m.idHash,
  m.idMasked,
  m.phoneCipher,
  m.phoneHash,
  m.phoneMasked,
  m.gender,
  m.birthYear,
  m.joinedAt,
  textArrayLiteral(m.categories),
  m.cardNo,
  m.sourceRow,
  m.retainedSince ?? null,
];

export const stagedPatch = (p: MemberPatch): StagedMemberPatch => [
  p.id,
  p.name,
  p.namePinyin,
  p.nameInitials,
  textArrayLiteral(p.nameGrams),
  p.phoneCipher,
  p.phoneHash,
  p.phoneMasked,
  p.joinedAt,
  p.categories && textArrayLiteral(p.categories),
  p.orgId,
  p.sourceRow,
];

export interface ExistingMember {
  id: number;
  idHash: string;
  orgId: number;
  orgPath: string;
  orgName: string;
  name: string;
  phoneHash: string | null;
  joinedAt: string;
  categories: string[];
  status: string;
}

/** The registered members with these ID hashes (blind indexes), with their org's name: one `= ANY` query per batch. */
export async function findMembersByIdHashes(db: DbOrTx, idHashes: string[]): Promise<Map<string, ExistingMember>> {
  if (idHashes.length === 0) return new Map();
  const res = await db.execute<ExistingMember & Record<string, unknown>>(sql`
    SELECT m.id, m.id_hash AS "idHash", m.org_id AS "orgId", m.org_path AS "orgPath", o.name AS "orgName", m.name,
           m.phone_hash AS "phoneHash", m.joined_at AS "joinedAt", m.categories, m.status
    FROM members m JOIN orgs o ON o.id = m.org_id
    WHERE m.id_hash = ANY(${sql.param(idHashes)}::text[])`);
  return new Map(res.rows.map((r) => [r.idHash, r]));
}

// A staged text array: a literal, or a JSON array as staged before migration 0060 (a job staged by the previous
// version and published after an upgrade).
const textArray = (e: string, i: number) =>
  sql.raw(
    `CASE WHEN jsonb_typeof(${e}->${i}) = 'array' THEN ARRAY(SELECT jsonb_array_elements_text(${e}->${i})) ELSE (${e}->>${i})::text[] END`,
  );

/**
 * Inserts the staged new members (each with its 'join' event, a retiree also with 'retire_keep') in the caller's
 * transaction. `inserts` is a query yielding one staged array per row as column `e`. A new member whose ID number was registered meanwhile is not
 * inserted: the source rows of those are returned.
 */
export async function publishStagedInserts(
  db: DbOrTx,
  src: { inserts: SQL; createdBy: number | null; eventData: Record<string, unknown> },
): Promise<number[]> {
  const res = await db.execute<{ row: number }>(sql`
    WITH src AS (${src.inserts}),
    added AS (
      INSERT INTO members (id, org_id, org_path, name, name_pinyin, name_initials, name_grams, id_cipher, id_hash, id_masked,
                           phone_cipher, phone_hash, phone_masked, gender, birth_year, joined_at, status, status_since, categories, card_no)
      SELECT (e->>0)::int, (e->>1)::int, e->>2, e->>3, e->>4, e->>5, ${textArray('e', 6)}, e->>7, e->>8, e->>9,
             e->>10, e->>11, e->>12, e->>13, (e->>14)::smallint, (e->>15)::date,
             CASE WHEN e->>19 IS NULL THEN 'active' ELSE 'retained' END, coalesce((e->>19)::date, (e->>15)::date),
             ${textArray('e', 16)}, e->>17
      FROM src
      ON CONFLICT (id_hash) DO NOTHING
      RETURNING id, org_id, joined_at, status, status_since, gender, categories),
    events AS (
      INSERT INTO member_events (member_id, org_id, type, date, data, created_by, gender, categories)
      SELECT id, org_id, 'join', joined_at, ${JSON.stringify(src.eventData)}::jsonb, ${src.createdBy}::int, gender, categories FROM added
      UNION ALL
      SELECT id, org_id, 'retire_keep', status_since, ${JSON.stringify({ ...src.eventData, reason: null })}::jsonb, ${src.createdBy}::int,
             gender, categories
      FROM added WHERE status = 'retained')
    SELECT (e->>18)::int AS row FROM src WHERE NOT EXISTS (SELECT 1 FROM added a WHERE a.id = (e->>0)::int)`);
  return res.rows.map((r) => r.row);
}

/**
 * Applies the staged patches, in the caller's transaction, to members still in the union they were found in and not
 * left (a transfer or 退会 may have been recorded since the batch was checked: the update would reach a member of
 * another union). Returns the source rows of the patches that no longer applied.
 */
export async function publishStagedPatches(db: DbOrTx, patches: SQL): Promise<number[]> {
  const res = await db.execute<{ row: number }>(sql`
    WITH p AS (${patches}),
    done AS (
      UPDATE members m SET name = e->>1, name_pinyin = e->>2, name_initials = e->>3, name_grams = ${textArray('e', 4)},
        phone_cipher = coalesce(e->>5, m.phone_cipher), phone_hash = coalesce(e->>6, m.phone_hash), phone_masked = coalesce(e->>7, m.phone_masked),
        joined_at = (e->>8)::date,
        categories = CASE WHEN e->>9 IS NULL THEN m.categories ELSE ${textArray('e', 9)} END, updated_at = now()
      FROM p
      WHERE m.id = (e->>0)::int AND m.status <> 'left' AND (e->>10 IS NULL OR m.org_id = (e->>10)::int)
      RETURNING m.id)
    SELECT (e->>11)::int AS row FROM p WHERE e->>11 IS NOT NULL AND (e->>0)::int NOT IN (SELECT id FROM done)`);
  return res.rows.map((r) => r.row);
}

/**
 * Inserts the staged new members, then applies the staged patches (see publishStagedInserts and
 * publishStagedPatches), in the caller's transaction; returns the source rows refused by each.
 */
export async function publishStagedMembers(
  db: DbOrTx,
  src: { inserts: SQL; patches: SQL; createdBy: number | null; eventData: Record<string, unknown> },
): Promise<{ inserts: number[]; patches: number[] }> {
  const inserts = await publishStagedInserts(db, src);
  const patches = await publishStagedPatches(db, src.patches);
  return { inserts, patches };
}

/**
 * Takes back members a bulk job inserted (`ids`: a query yielding their ids as column `id`) when the job fails after
 * publishing part of its rows: each goes with its 'join' event unless something else was recorded about them
 * meanwhile (another event, or a row elsewhere that refers to them), in which case they stay. Returns how many stay.
 */
export async function withdrawPublishedMembers(db: DbOrTx, ids: SQL): Promise<number> {
  const res = await db.execute<{ kept: number }>(sql`
    WITH target AS (SELECT m.id FROM members m WHERE m.id IN (${ids})),
    lone AS (
      SELECT t.id FROM target t
      WHERE NOT EXISTS (SELECT 1 FROM member_events e WHERE e.member_id = t.id AND e.type <> 'join')),
    events AS (DELETE FROM member_events e USING lone l WHERE e.member_id = l.id RETURNING e.member_id)
    SELECT (SELECT count(*) FROM target)::int - (SELECT count(DISTINCT member_id) FROM events)::int AS kept`);
  await db.execute(sql`
    DELETE FROM members m WHERE m.id IN (${ids})
      AND NOT EXISTS (SELECT 1 FROM member_events e WHERE e.member_id = m.id)`);
  return res.rows[0]?.kept ?? 0;
}
