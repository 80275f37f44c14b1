// Test helpers for member imports: valid ID numbers, rosters written with exceljs, multipart bodies, and waiting
// for a job. Used by tests and the benchmark only; a test kit, so it lives here and not inside the module.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { idCheckChar } from '@gonghui/common';
import type { Ctx } from '../platform/authz/index.ts';
import type { HttpApp } from '../platform/http/index.ts';
import type { Db } from '../platform/db/index.ts';
import { sql } from 'drizzle-orm';

const REGIONS = ['320102', '110105', '440305', '330106', '510104', '420106', '370102', '610113'];
let seq = Math.floor(Math.random() * 400_000);

/** A fresh valid 18-digit ID number: birth dates and sequence numbers walk forward, so calls never repeat in a process. */
export function newId(o: { female?: boolean; year?: number } = {}): string {
  seq++;
  const day = new Date(Date.UTC(o.year ?? 1965, 0, 1) + Math.floor(seq / 500) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const n = seq % 500;
  const gender = o.female ? 2 * (n % 5) : 2 * (n % 5) + 1;
  const body = `${REGIONS[Math.floor(seq / 500) % REGIONS.length]}${day}${String(Math.floor(n / 5)).padStart(2, '0')}${gender}`;
  return body + idCheckChar(body);
}

/** The 15-digit form of an ID number born in the 1900s (what legacy rosters hold). */
export const legacyOf = (id18: string) => id18.slice(0, 6) + id18.slice(8, 17);

export type CellInput = string | number | Date | null | undefined;

export interface RosterOptions {
  sheetName?: string;
  /** Rows above the header; the first one is merged across the header's width. */
  titleRows?: string[];
  header: string[];
  rows: CellInput[][];
}

export async function rosterXlsx(o: RosterOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(o.sheetName ?? 'Sheet1');
  for (const t of o.titleRows ?? []) ws.addRow([t]);
  if (o.titleRows?.length) ws.mergeCells(1, 1, 1, o.header.length);
  ws.addRow(o.header);
  for (const r of o.rows) {
    const row = ws.addRow(r.map((v) => (v === undefined ? null : v)));
    r.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A large roster through exceljs's streaming writer (shared strings, IDs as text). */
export async function bigRosterFile(file: string, header: string[], rows: Iterable<CellInput[]>): Promise<void> {
  const w = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = w.addWorksheet('会员名册');
  ws.addRow(header).commit();
  for (const r of rows) ws.addRow(r).commit();
  await w.commit();
}

export function multipartBody(file: Buffer, fileName: string, field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----gh${randomBytes(12).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface CookieClient {
  cookies: Record<string, string>;
}

/** A raw request with the client's session (binary bodies the JSON client cannot carry). */
export async function rawRequest(
  app: HttpApp,
  c: CookieClient,
  method: 'GET' | 'POST',
  url: string,
  body?: { payload: Buffer; headers: Record<string, string> },
) {
  const cookie = Object.entries(c.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const csrf = c.cookies.csrf_token;
  return app.inject({
    method,
    url,
    payload: body?.payload,
    headers: { cookie, ...(csrf && method === 'POST' ? { 'x-csrf-token': csrf } : {}), ...body?.headers },
  });
}

export async function upload(app: HttpApp, c: CookieClient, orgId: number, file: Buffer, o: { dryRun?: boolean; fileName?: string } = {}) {
  const res = await rawRequest(
    app,
    c,
    'POST',
    `/api/v1/orgs/${orgId}/member-imports?dryRun=${o.dryRun ? 'true' : 'false'}`,
    multipartBody(file, o.fileName ?? '会员名册.xlsx'),
  );
  return { status: res.statusCode, body: JSON.parse(res.body) as { id: number; message?: string; code?: string } };
}

export interface ImportStatus {
  id: number;
  status: string;
  dryRun: boolean;
  totalRows: number;
  validRows: number;
  imported: number;
  updated: number;
  skipped: number;
  errorCount: number;
  noticeCount: number;
  progress: number;
  message: string | null;
  errors: { row: number; column?: string; message: string }[];
  notices: { row: number; message: string }[];
}

export async function waitForImport(app: HttpApp, c: CookieClient, id: number, timeoutMs = 60_000): Promise<ImportStatus> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await rawRequest(app, c, 'GET', `/api/v1/member-imports/${id}`);
    const body = JSON.parse(res.body) as ImportStatus;
    if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}: ${res.body}`);
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    if (Date.now() > until) throw new Error(`import ${id} still ${body.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The request context of an administrator of `org` who starts an import outside HTTP (tests, benchmarks). */
export function importerCtx(org: { id: number; path: string }, o: { userId?: number; sessionId?: string; roles?: string[] } = {}): Ctx {
  return {
    actor: {
      userId: o.userId ?? 1,
      username: 'admin',
      displayName: null,
      orgId: org.id,
      orgPath: org.path,
      roles: o.roles ?? [],
      permissions: new Set(),
      sessionId: o.sessionId ?? 'test',
      mustChangePassword: false,
    },
    ip: null,
    requestId: null,
  };
}

/**
 * Kicks a job service until job `id` has succeeded or failed (a failed attempt is given back for a retry after the
 * poll interval); returns its final status, or the last one seen after `tries` kicks.
 */
export async function kickUntilEnded(jobs: { kick(): Promise<unknown> }, owner: Db, id: number, tries = 400): Promise<string> {
  let status = 'queued';
  for (let i = 0; i < tries && status !== 'succeeded' && status !== 'failed'; i++) {
    await jobs.kick();
    status = (await owner.execute<{ status: string }>(sql`SELECT status FROM jobs WHERE id = ${id}`)).rows[0]?.status ?? '';
    if (status !== 'succeeded' && status !== 'failed') await new Promise((r) => setTimeout(r, 25));
  }
  return status;
}
