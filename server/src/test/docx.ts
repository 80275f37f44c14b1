// A generated .docx as a reader sees it: the text LibreOffice reads when it is installed (CI installs it), else the
// paragraphs of word/document.xml.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import type { HttpApp } from '../platform/http/index.ts';
import type { Client } from './http.ts';
import { rawRequest } from './imports.ts';

function documentXml(buf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2 ?? new Error('no stream'));
          const parts: Buffer[] = [];
          s.on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error('word/document.xml missing')));
      zip.readEntry();
    });
  });
}

/** The document's text as LibreOffice reads it when it is installed, else the runs of document.xml. */
export async function docxText(buf: Buffer): Promise<string> {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) {
    const dir = mkdtempSync(join(tmpdir(), 'gh-docx-'));
    try {
      writeFileSync(join(dir, 'summary.docx'), buf);
      const run = spawnSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'txt:Text (encoded):UTF8',
          '--outdir',
          dir,
          join(dir, 'summary.docx'),
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (run.status !== 0) throw new Error(`LibreOffice could not open the document: ${run.stderr}`);
      return readFileSync(join(dir, 'summary.txt'), 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return (await documentXml(buf)).replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '');
}

/** A work summary downloaded as .docx by `c`, as text. */
export async function summaryDocxText(app: HttpApp, c: Client, id: number): Promise<string> {
  const res = await rawRequest(app, c, 'GET', `/api/v1/reports/work-summaries/${id}/download?format=docx`);
  if (res.statusCode !== 200) throw new Error(`download ${res.statusCode}: ${res.body}`);
  return docxText(res.rawPayload);
}
