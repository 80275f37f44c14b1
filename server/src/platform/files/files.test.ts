// The pieces without a database: content sniffing, file names, the local store's keys and permissions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES_DEFAULT } from '@gonghui/common';
import { loadConfig } from '../config.ts';
import { DOC, EXE, HTML, MSI, PDF, PNG, SVG, docm, docx, plainZip, xlsx } from './fixtures.ts';
import { contentDisposition, nameForKind } from './names.ts';
import { createLocalFileStore, FileMissingError, newFileKey, readAll, sanitizeFileName, sniff, FILE_KINDS } from './index.ts';

describe('sniff', () => {
  it('recognises the accepted kinds by content', async () => {
    expect(sniff(PNG)?.key).toBe('png');
    expect(sniff(PDF)?.key).toBe('pdf');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.key).toBe('jpeg');
    expect(sniff(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))?.key).toBe('gif');
    expect(sniff(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))?.key).toBe('webp');
    expect(sniff(await xlsx())?.key).toBe('xlsx');
    expect(sniff(docx())?.key).toBe('docx');
    expect(sniff(DOC)?.key).toBe('doc');
  });

  it('refuses executables, markup, plain or macro zips, other compound files and anything prefixed', () => {
    for (const buf of [EXE, HTML, SVG, plainZip(), docm(), MSI, Buffer.concat([EXE, docx()]), Buffer.concat([Buffer.from(' '), PDF])]) {
      expect(sniff(buf)).toBeUndefined();
    }
  });
});

describe('file names', () => {
  it('keeps the last path segment without controls, invisible or bidi characters, Chinese intact', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\张三\\会议纪要.docx')).toBe('会议纪要.docx');
    expect(sanitizeFileName('报告\u202Egnp.exe')).toBe('报告gnp.exe');
    expect(sanitizeFileName('a\u0000b\u200Bc\r\n.pdf')).toBe('abc.pdf');
    expect(sanitizeFileName('..')).toBe('附件');
    expect(sanitizeFileName('<a>:"b"|?*.png')).toBe('_a___b____.png');
    const long = sanitizeFileName(`${'工'.repeat(300)}.pdf`);
    expect([...long].length).toBe(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('adds the extension of the detected kind, refuses one of another kind or of code', () => {
    expect(nameForKind('扫描件', FILE_KINDS.pdf)).toBe('扫描件.pdf');
    expect(nameForKind('纪要.2024', FILE_KINDS.pdf)).toBe('纪要.2024.pdf');
    expect(nameForKind('photo.JPG', FILE_KINDS.jpeg)).toBe('photo.JPG');
    expect(nameForKind('photo.pdf', FILE_KINDS.png)).toBeUndefined();
    expect(nameForKind('photo.html', FILE_KINDS.png)).toBeUndefined();
  });

  it('writes Content-Disposition with an ASCII fallback and an RFC 5987 filename*', () => {
    expect(contentDisposition('attachment', "会议纪要 (1)'s.docx")).toBe(
      `attachment; filename="attachment.docx"; filename*=UTF-8''${encodeURIComponent('会议纪要 ')}%281%29%27s.docx`,
    );
    expect(contentDisposition('inline', 'a"b;.png')).toBe(`inline; filename="a_b_.png"; filename*=UTF-8''a%22b%3B.png`);
  });
});

describe('local file store', () => {
  it('writes 0600 files in 0700 directories under generated keys only', async () => {
    const root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-store-')), 'files');
    const store = createLocalFileStore(root);
    const key = newFileKey();
    await store.put(key, PNG);
    expect(fs.statSync(root).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.dirname(store.pathOf(key))).mode & 0o777).toBe(0o700);
    expect(fs.statSync(store.pathOf(key)).mode & 0o777).toBe(0o600);
    expect(await readAll(await store.get(key))).toEqual(PNG);
    await expect(store.put(key, PDF)).rejects.toThrow();
    for (const bad of ['../../etc/passwd', 'a/b', '', 'ABCDEF'.repeat(6)]) {
      await expect(store.get(bad)).rejects.toThrow('invalid file key');
      await expect(store.delete(bad)).rejects.toThrow('invalid file key');
    }
    await store.delete(key);
    await store.delete(key);
    await expect(store.get(key)).rejects.toBeInstanceOf(FileMissingError);
    // A half-written file left by a crash is removed when the store opens again (after an hour).
    const part = `${store.pathOf(newFileKey())}.part`;
    fs.mkdirSync(path.dirname(part), { recursive: true });
    fs.writeFileSync(part, 'half');
    createLocalFileStore(root);
    expect(fs.existsSync(part)).toBe(true);
    fs.utimesSync(part, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    createLocalFileStore(root);
    expect(fs.existsSync(part)).toBe(false);
    fs.rmSync(path.dirname(root), { recursive: true, force: true });
  });
});

describe('ATTACHMENT_MAX_BYTES', () => {
  it('defaults to 10 MB and refuses nonsense', () => {
    expect(loadConfig({}).attachmentMaxBytes).toBe(ATTACHMENT_MAX_BYTES_DEFAULT);
    expect(ATTACHMENT_MAX_BYTES_DEFAULT).toBe(10 * 1024 * 1024);
    expect(loadConfig({ ATTACHMENT_MAX_BYTES: '2048' }).attachmentMaxBytes).toBe(2048);
    expect(() => loadConfig({ ATTACHMENT_MAX_BYTES: '10MB' })).toThrow('ATTACHMENT_MAX_BYTES');
  });
});
