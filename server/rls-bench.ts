// Rough timing of GET /api/v1/members (root admin and street cadre), app.inject, PostgreSQL.
import pg from 'pg';
import { openDatabase, runMigrations } from './src/platform/db/index.ts';
import { bootstrap } from './src/bootstrap/bootstrap.ts';
import { buildTestApp, loginAs } from './src/test/http.ts';
import { makeOrg, makeUser } from './src/test/factories.ts';
const base = 'postgres://postgres@127.0.0.1:5432/';
const name = `rls_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: base + 'test' });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
try {
  const su = await openDatabase({ databaseUrl: base + name });
  await runMigrations(su.db);
  const boot = await bootstrap(su.db, { adminPassword: 'Admin#Test2026', rootOrgName: '基准' });
  const root = boot.rootOrgId ?? 0;
  const district = await makeOrg(su.db, root, { level: 'district' });
  const unions: { id: number; path: string }[] = [];
  let street0 = 0;
  for (let s = 0; s < 20; s++) {
    const st = await makeOrg(su.db, district, { level: 'street' });
    if (s === 0) street0 = st.id;
    for (let g = 0; g < 5; g++) unions.push(await makeOrg(su.db, st, { level: 'grassroots' }));
  }
  const cadre = await makeUser(su.db, street0, ['org_admin']);
  await su.pool.query(`INSERT INTO members (org_id, org_path, name, name_pinyin, name_initials, name_grams, id_cipher, id_hash, id_masked, gender, birth_date, joined_at, card_no)
    SELECT (u->>'id')::int, u->>'path', '张伟', 'zhangwei', 'zw', '{张,张伟,伟}', 'x', 'h' || g, '320***********123X', 'male', '1990-01-01', '2020-01-01', 'c' || g
    FROM generate_series(1, 50000) g, LATERAL (SELECT ($1::jsonb)->(g % ${unions.length}) AS u) x`, [JSON.stringify(unions)]);
  await su.pool.query('VACUUM ANALYZE');
  await su.close();
  const appUrl = process.env.BENCH_APP_ROLE ? `postgres://${process.env.BENCH_APP_ROLE}@127.0.0.1:5432/${name}` : base + name;
  const app = await openDatabase({ databaseUrl: appUrl });
  const server = await buildTestApp(app.db);
  const clients = { root: await loginAs(server, 'admin', 'Admin#Test2026'), street: await loginAs(server, cadre.username, cadre.password) };
  for (const [who, c] of Object.entries(clients)) {
    for (const url of ['/api/v1/members?pageSize=20', `/api/v1/members?pageSize=20&orgId=${unions[7]?.id}`]) {
      for (let i = 0; i < 20; i++) await c.get(url);
      const times: number[] = [];
      for (let i = 0; i < 150; i++) {
        const t0 = performance.now();
        const r = await c.get(url);
        times.push(performance.now() - t0);
        if (r.status !== 200 && r.status !== 404) throw new Error(`${r.status}`);
      }
      times.sort((a, b) => a - b);
      console.log(`${who.padEnd(6)} ${url.padEnd(48)} median ${times[75]?.toFixed(2)} ms  p90 ${times[135]?.toFixed(2)} ms`);
    }
  }
  await server.close();
  await app.close();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
