// Real PostgreSQL errors from both engines, mapped the way the error handler answers them; and the registry of
// constraint names checked against the migrated schema, so a renamed index cannot silently lose its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
// The server wires every module, and each module registers its constraints when loaded.
import '../../server.ts';
import { registeredConstraints } from '../db/index.ts';
import { appErrorFromDb } from './db-errors.ts';

const pgError = (code: string) => Object.assign(new Error('boom'), { code, severity: 'ERROR' });
/** As Drizzle wraps a failed statement: its SQL and parameters, the driver's error as `cause`. */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: …'), { query: 'insert …', params: ['secret'], cause });

describe('appErrorFromDb on errors shaped like pg’s', () => {
  it('asks to retry after a deadlock or a serialization failure, wrapped or not', () => {
    for (const code of ['40001', '40P01']) {
      expect(appErrorFromDb(pgError(code))).toMatchObject({ status: 409, code: 'RETRY' });
      expect(appErrorFromDb(wrapped(pgError(code)))).toMatchObject({
        status: 409,
        code: 'RETRY',
        message: expect.stringContaining('请重试'),
      });
    }
  });

  it('answers an unregistered unique violation without a field, and leaves real faults to the 500', () => {
    const e = appErrorFromDb(wrapped(Object.assign(pgError('23505'), { constraint: 'some_other_uq' })));
    expect(e).toMatchObject({ status: 409, code: 'DUPLICATE', field: undefined });
    for (const err of [pgError('42501'), pgError('23502'), pgError('22007'), new Error('x'), 'text', null]) {
      expect(appErrorFromDb(err)).toBeUndefined();
    }
  });
});

describe.each(engines())('database errors on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The error a raw statement fails with (the owner's connection: row-level security is not what is tested). */
  const failure = async (query: SQL): Promise<unknown> => {
    try {
      await t.owner.execute(query);
    } catch (e) {
      return e;
    }
    throw new Error('the statement did not fail');
  };

  it('knows every registered constraint in the migrated schema', async () => {
    const { rows } = await t.owner.execute<{ name: string }>(
      sql`SELECT conname AS name FROM pg_constraint UNION SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'`,
    );
    const names = new Set(rows.map((r) => r.name));
    const registered = registeredConstraints();
    expect(registered).toEqual(
      expect.arrayContaining(['members_id_hash_uq', 'users_username_uq', 'orgs_uscc_uq', 'targets_org_id_year_key_pk']),
    );
    expect(registered.filter((n) => !names.has(n))).toEqual([]);
  });

  it('names the field of a registered unique violation', async () => {
    const err = await failure(sql`INSERT INTO roles (key, name, permissions) VALUES ('viewer', 'x', '{}')`);
    expect(appErrorFromDb(err)).toMatchObject({ status: 409, code: 'DUPLICATE', field: 'key', message: '角色标识：已存在' });
  });

  it('answers a foreign key violation 409 in Chinese, for a missing parent and for a row still referenced', async () => {
    const missing = await failure(sql`INSERT INTO org_events (org_id, type, date) VALUES (2000000001, 'found', '2024-01-01')`);
    expect(appErrorFromDb(missing)).toMatchObject({ status: 409, code: 'REFERENCE', message: '关联的数据不存在或已被删除，请刷新后重试' });
    const referenced = await failure(sql`DELETE FROM orgs WHERE id = ${t.rootOrgId}`);
    expect(appErrorFromDb(referenced)).toMatchObject({ status: 409, code: 'REFERENCE', message: '该数据仍被其他数据引用，不能删除或更改' });
  });

  it('answers a check violation 400 naming the field', async () => {
    const err = await failure(sql`UPDATE orgs SET mfa_policy = 'nobody' WHERE id = ${t.rootOrgId}`);
    expect(appErrorFromDb(err)).toMatchObject({ status: 400, code: 'VALIDATION', field: 'mfaPolicy', message: '二次验证策略：取值无效' });
  });
});
