// An attacker with the database owner's rights but without the master key: every falsification of the trail
// that was possible with the plain SHA-256 chain must now verify as broken. Each case tampers through a separate
// owner connection (PostgreSQL) or the same pool with the triggers disabled (PGlite), then restores the rows.
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { asc } from 'drizzle-orm';
import { engines, openTestDb, type TestDb } from '../../test/db.ts';
import { buildTestApp, loginAs, loginRoot, type Client } from '../../test/http.ts';
import { makeTree, makeUser, PASSWORD } from '../../test/factories.ts';
import { asSystem, auditEvents } from '../db/index.ts';
import type { HttpApp } from '../http/index.ts';
import { canonicalJson, type Hashed } from './audit.ts';
import { bindAuditSeals, openSealStore } from './seals.ts';
import { sealAuditChain, startAuditSealer } from './sealer.ts';

type Query = (text: string, params?: unknown[]) => Promise<pg.QueryResult>;
type Row = typeof auditEvents.$inferSelect;

/** A statement as the schema owner, whom row-level security does not bind: its own connection on PostgreSQL,
 *  the one (superuser) connection on PGlite. */
async function ownerQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  t: TestDb,
  text: string,
  params?: unknown[],
): Promise<pg.QueryResult<R>> {
  if (!t.url) return await t.pool.query(text, params);
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    return await client.query<R>(text, params);
  } finally {
    await client.end();
  }
}

const bodyOf = (r: Hashed) =>
  canonicalJson([
    r.at.toISOString(),
    r.actorId,
    r.actorName,
    r.orgId,
    r.orgPath,
    r.action,
    r.entityType,
    r.entityId,
    r.before,
    r.after,
    r.ip,
    r.requestId,
  ]);
const plainSha = (prev: string, r: Hashed) => createHash('sha256').update(prev).update('\n').update(bodyOf(r)).digest('hex');
const hmacWith = (key: Buffer) => (prev: string, r: Row) =>
  createHmac('sha256', key).update(prev).update('\n').update(bodyOf(r)).digest('hex');

describe.each(engines())('audit chain against an owner without the key on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let pristine: unknown[];
  let clerk: Client;
  const sealFile = () => path.join(t.auditSealDir, 'seals.jsonl');
  const sealLines = () => fs.readFileSync(sealFile(), 'utf8').trim().split('\n');

  /** Runs statements as the table's owner with its triggers off, the way an attacker with DDL rights would. */
  async function asAttacker(fn: (q: Query) => Promise<void>): Promise<void> {
    const client = t.url ? new pg.Client({ connectionString: t.url }) : undefined;
    await client?.connect();
    const q: Query = (text, params) => (client ? client.query(text, params) : t.pool.query(text, params));
    await q('ALTER TABLE audit_events DISABLE TRIGGER USER');
    try {
      await fn(q);
    } finally {
      await q('ALTER TABLE audit_events ENABLE TRIGGER USER');
      await client?.end();
    }
  }
  const snapshot = async () =>
    (await ownerQuery<{ r: unknown }>(t, 'SELECT to_jsonb(a) AS r FROM audit_events a ORDER BY id')).rows.map((x) => x.r);
  const restore = (rows: unknown[]) =>
    asAttacker(async (q) => {
      await q('DELETE FROM audit_events');
      await q('INSERT INTO audit_events SELECT * FROM jsonb_populate_recordset(null::audit_events, $1::jsonb)', [JSON.stringify(rows)]);
    });
  const verify = async () => {
    const res = await admin.get('/api/v1/audit-events/verify');
    expect(res.status).toBe(200);
    return res.body as { ok: boolean; checked: number; brokenAt?: number; sealedThrough?: number; reason?: string };
  };
  async function rechain(hash: (prev: string, r: Row) => string, relabel?: number) {
    const rows = await t.owner.select().from(auditEvents).orderBy(asc(auditEvents.id));
    const hasVersion =
      (await ownerQuery(t, "SELECT 1 FROM information_schema.columns WHERE table_name = 'audit_events' AND column_name = 'chain_version'"))
        .rowCount === 1;
    await asAttacker(async (q) => {
      let prev = '';
      for (const r of rows) {
        const h = hash(prev, r);
        if (relabel && hasVersion)
          await q('UPDATE audit_events SET prev_hash = $1, hash = $2, chain_version = $3 WHERE id = $4', [prev, h, relabel, r.id]);
        else await q('UPDATE audit_events SET prev_hash = $1, hash = $2 WHERE id = $3', [prev, h, r.id]);
        prev = h;
      }
    });
  }

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    admin = await loginRoot(app, 'auditor');
    const tree = await makeTree(t.db, t.rootOrgId);
    const u = await makeUser(t.db, tree.district.id, ['org_admin']);
    clerk = await loginAs(app, u.username, PASSWORD);
    for (const name of ['甲', '乙', '丙']) {
      expect((await clerk.patch(`/api/v1/orgs/${tree.district.id}`, { chairName: name })).status).toBe(200);
    }
    await t.sealAudit();
    pristine = await snapshot();
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('an untouched trail verifies, up to and past the last seal', async () => {
    const total = pristine.length;
    expect(await verify()).toMatchObject({ ok: true, checked: total });
  });

  it('deleting the tail behind the trigger’s back is detected against the seal', async () => {
    const ids = (await ownerQuery<{ id: number }>(t, 'SELECT id FROM audit_events ORDER BY id DESC LIMIT 2')).rows.map((r) => r.id);
    await asAttacker(async (q) => void (await q('DELETE FROM audit_events WHERE id = ANY($1)', [ids])));
    try {
      const res = await verify();
      expect(res).toMatchObject({ ok: false, checked: pristine.length - 2, reason: 'tail_deleted', brokenAt: res.sealedThrough });
      // The sealer refuses to bless the shortened chain.
      const lines = sealLines().length;
      expect((await asSystem(() => sealAuditChain(t.db))).broken).toMatchObject({ reason: 'tail_deleted' });
      expect(sealLines()).toHaveLength(lines);
    } finally {
      await restore(pristine);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('TRUNCATE is refused, and a truncation with the triggers off is detected', async () => {
    // The app's role: no TRUNCATE privilege on PostgreSQL; the trigger refuses it where there are no roles (PGlite).
    await expect(t.pool.query('TRUNCATE audit_events')).rejects.toThrow(engine === 'postgres' ? /permission denied/ : /append-only/);
    // The owner, with the trigger in place: refused too.
    await expect(ownerQuery(t, 'TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    await asAttacker(async (q) => void (await q('TRUNCATE audit_events')));
    try {
      expect(await verify()).toMatchObject({ ok: false, checked: 0, reason: 'truncated' });
    } finally {
      await restore(pristine);
    }
  });

  it('recomputing every hash with plain SHA-256 is detected, relabelled as legacy or not', async () => {
    for (const relabel of [undefined, 1]) {
      await rechain(plainSha, relabel);
      try {
        const res = await verify();
        expect(res.ok, `relabel ${relabel}`).toBe(false);
      } finally {
        await restore(pristine);
      }
    }
  });

  it('recomputing every hash with HMAC under a wrong key is detected at the first row', async () => {
    await rechain(hmacWith(Buffer.alloc(32, 9)));
    try {
      const res = await verify();
      expect(res).toMatchObject({ ok: false, checked: 0 });
    } finally {
      await restore(pristine);
    }
  });
});

describe.each(engines())('audit seals on %s', (engine) => {
  let t: TestDb;
  let app: HttpApp;
  let admin: Client;
  let auditor: Client;
  let districtId: number;
  const sealFile = () => path.join(t.auditSealDir, 'seals.jsonl');
  const sealLines = () => fs.readFileSync(sealFile(), 'utf8').trim().split('\n');
  const verify = async () => (await auditor.get('/api/v1/audit-events/verify')).body as Record<string, unknown>;
  const touch = async (chairName: string) => expect((await admin.patch(`/api/v1/orgs/${districtId}`, { chairName })).status).toBe(200);

  beforeAll(async () => {
    t = await openTestDb(engine);
    app = await buildTestApp(t.db);
    admin = await loginRoot(app, 'admin');
    auditor = await loginRoot(app, 'auditor');
    districtId = (await makeTree(t.db, t.rootOrgId)).district.id;
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('are signed JSON lines in a private directory; a forged or edited line is reported', async () => {
    await t.sealAudit();
    expect(fs.statSync(t.auditSealDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(sealFile()).mode & 0o777).toBe(0o600);
    const last = JSON.parse(sealLines().at(-1) ?? '') as Record<string, unknown>;
    expect(Object.keys(last).sort()).toEqual(['at', 'count', 'hash', 'sig', 'throughId', 'v']);
    const before = await verify();
    expect(before).toMatchObject({ ok: true, sealedThrough: last.throughId, checked: last.count });

    const original = fs.readFileSync(sealFile(), 'utf8');
    // Someone who can write the file but lacks the key moves the seal back, to hide a deleted tail.
    fs.appendFileSync(sealFile(), `${JSON.stringify({ ...last, throughId: Number(last.throughId) - 1, count: Number(last.count) - 1 })}\n`);
    try {
      expect(await verify()).toMatchObject({ ok: false, reason: 'seal_forged', sealedThrough: last.throughId });
    } finally {
      fs.writeFileSync(sealFile(), original);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('a legacy SHA-256 prefix verifies once the first seal covers it; a legacy row after a keyed one breaks', async () => {
    const realStore = openSealStore(t.auditSealDir);
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-seals-upgrade-'));
    const snapshot = (await ownerQuery<{ r: unknown }>(t, 'SELECT to_jsonb(a) AS r FROM audit_events a ORDER BY id')).rows.map((x) => x.r);
    const asOwner = async (fn: () => Promise<unknown>) => {
      await ownerQuery(t, 'ALTER TABLE audit_events DISABLE TRIGGER USER');
      try {
        await fn();
      } finally {
        await ownerQuery(t, 'ALTER TABLE audit_events ENABLE TRIGGER USER');
      }
    };
    try {
      // The database as it was before the upgrade: plain SHA-256 rows, version 1, and no seal yet.
      const rows = await t.owner.select().from(auditEvents).orderBy(asc(auditEvents.id));
      await asOwner(async () => {
        let prev = '';
        for (const r of rows) {
          const h = plainSha(prev, r);
          await ownerQuery(t, 'UPDATE audit_events SET prev_hash = $1, hash = $2, chain_version = 1 WHERE id = $3', [prev, h, r.id]);
          prev = h;
        }
      });
      bindAuditSeals(t.db, openSealStore(fresh));
      expect(await verify()).toMatchObject({ ok: false, reason: 'legacy_unsealed' });
      await t.sealAudit(); // the first start after the upgrade
      await touch('升级后');
      expect(await verify()).toMatchObject({ ok: true, checked: rows.length + 1 });
      await t.sealAudit();

      // A legacy-looking row appended after the keyed ones.
      const [lastRow] = (await ownerQuery<{ id: number; hash: string }>(t, 'SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1'))
        .rows;
      const legacy: Hashed = {
        at: new Date(),
        actorId: null,
        actorName: null,
        orgId: null,
        orgPath: null,
        action: 'auth.login',
        entityType: null,
        entityId: null,
        before: null,
        after: null,
        ip: null,
        requestId: null,
      };
      const prevHash = lastRow?.hash ?? '';
      await ownerQuery(t, `INSERT INTO audit_events (at, action, prev_hash, hash, chain_version) VALUES ($1, 'auth.login', $2, $3, 1)`, [
        legacy.at,
        prevHash,
        plainSha(prevHash, legacy),
      ]);
      expect(await verify()).toMatchObject({ ok: false, reason: 'legacy_after_keyed' });
    } finally {
      await asOwner(async () => {
        await ownerQuery(t, 'DELETE FROM audit_events');
        await ownerQuery(t, 'INSERT INTO audit_events SELECT * FROM jsonb_populate_recordset(null::audit_events, $1::jsonb)', [
          JSON.stringify(snapshot),
        ]);
      });
      bindAuditSeals(t.db, realStore);
      fs.rmSync(fresh, { recursive: true, force: true });
    }
    expect((await verify()).ok).toBe(true);
  });

  it('the sealer seals at start, after every N rows and at stop, and logs each seal', async () => {
    const logged: { obj: Record<string, unknown>; msg: string }[] = [];
    const log = {
      info: (obj: object, msg: string) => logged.push({ obj: obj as Record<string, unknown>, msg }),
      error: (obj: object, msg: string) => logged.push({ obj: obj as Record<string, unknown>, msg }),
    };
    await touch('启动前');
    const sealer = await startAuditSealer(t.db, { log, intervalMs: 3_600_000, everyRows: 2 });
    expect(logged.map((l) => l.msg)).toEqual(['audit seal']);
    const lines = sealLines().length;
    await touch('第一');
    await touch('第二');
    await expect.poll(() => sealLines().length, { timeout: 10_000 }).toBe(lines + 1);
    await touch('第三');
    await sealer.stop();
    expect(sealLines()).toHaveLength(lines + 2);
    expect(logged.map((l) => l.msg)).toEqual(['audit seal', 'audit seal', 'audit seal']);
    // The log line carries the same signed head as the file.
    expect(JSON.parse(sealLines().at(-1) ?? '')).toEqual(logged.at(-1)?.obj.auditSeal);
    expect(await verify()).toMatchObject({ ok: true, sealedThrough: (logged.at(-1)?.obj.auditSeal as { throughId: number }).throughId });
  });
});
