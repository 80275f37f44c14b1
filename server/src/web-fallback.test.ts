// Page fallbacks: client-side routes get the console's index.html, /h5 and its routes the member H5 page; API paths
// stay JSON 404s and the card verify page (/v/<token>) keeps its own route.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from './test/db.ts';
import { testCrypto } from './test/http.ts';
import { buildServer, isH5Path } from './server.ts';
import type { HttpApp } from './platform/http/index.ts';

describe('web page fallbacks', () => {
  let t: TestDb;
  let app: HttpApp;
  let dist: string;
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-web-'));
    fs.mkdirSync(path.join(dist, 'h5'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<html>console</html>');
    fs.writeFileSync(path.join(dist, 'h5', 'index.html'), '<html>h5</html>');
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'assets', 'main-Ab12.js'), 'console.log("main");'.repeat(100));
    fs.writeFileSync(path.join(dist, 'assets', 'main-Ab12.js.gz'), zlib.gzipSync('console.log("main");'.repeat(100)));
    t = await openTestDb('pglite');
    app = await buildServer(t.db, { logLevel: 'silent', cookieSecure: false, loginRateLimit: 1000, crypto: testCrypto, webDist: dist });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string) => app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

  it('serves the H5 page for /h5 and its client-side routes', async () => {
    for (const url of ['/h5', '/h5/', '/h5/card', '/h5/join/RH-2026-0001?token=abc', '/h5?x=1']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('h5');
    }
  });

  it('keeps the console fallback, API 404s and the card verify route', async () => {
    for (const url of ['/', '/members', '/h5x', '/help/h5']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('console');
    }
    const api = await get('/api/v1/h5/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'NOT_FOUND' });
    const verify = await get('/v/not-a-token');
    expect(verify.body).not.toContain('<html>h5</html>');
    expect(verify.body).not.toContain('<html>console</html>');
  });

  it('caches hashed build files for good, asks again for pages, and sends scripts gzipped when the browser takes it', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/main-Ab12.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(asset.rawPayload).toString()).toContain('console.log("main")');
    const plain = await app.inject({ method: 'GET', url: '/assets/main-Ab12.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('console.log("main")');
    for (const url of ['/', '/index.html', '/members', '/h5/card']) {
      const page = await get(url);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('matches H5 paths exactly', () => {
    expect(isH5Path('/h5')).toBe(true);
    expect(isH5Path('/h5/my-data')).toBe(true);
    expect(isH5Path('/h5?lang=en')).toBe(true);
    expect(isH5Path('/h50')).toBe(false);
    expect(isH5Path('/api/v1/h5/me')).toBe(false);
  });
});
