// File names as uploaded are display text only: the bytes live under a generated key. A name is cut to its last
// path segment and cleared of control, invisible and direction-changing characters (here stripped, not refused: the
// name comes from the cadre's file system, not from typing), Chinese and other letters are kept.
import { ATTACHMENT_NAME_MAX } from '@gonghui/common';
import { FILE_KINDS, type FileKind } from './sniff.ts';

export const FALLBACK_NAME = '附件';

/** The last path segment, NFC, without Cc/Cf/line-separator characters or Windows-reserved ones, at most 120 characters. */
export function sanitizeFileName(raw: string, max = ATTACHMENT_NAME_MAX): string {
  let s = raw.normalize('NFC');
  s = s.split(/[/\\]/).pop() ?? '';
  s = s.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '');
  s = s.replace(/[<>:"|?*]/g, '_');
  s = s.replace(/\s+/g, ' ').trim();
  // Leading dots (hidden files, "..") and trailing dots or spaces (Windows drops them) go.
  s = s.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const chars = [...s];
  if (chars.length > max) {
    const dot = s.lastIndexOf('.');
    const ext = dot > 0 && s.length - dot <= 10 ? s.slice(dot) : '';
    s =
      [...s.slice(0, s.length - ext.length)]
        .slice(0, max - ext.length)
        .join('')
        .trimEnd() + ext;
  }
  return s || FALLBACK_NAME;
}

export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

// Extensions that name another accepted kind, or a kind that runs code or renders markup when opened.
const KNOWN_EXTENSIONS = new Set(Object.values(FILE_KINDS).flatMap((k) => [...k.extensions]));
const RISKY_EXTENSIONS = new Set(
  'exe com scr pif bat cmd msi msp dll cpl jar js mjs vbs vbe wsf wsh ps1 psm1 sh lnk hta htm html xhtml shtml svg svgz xml php asp aspx jsp swf apk app dmg iso img zip rar 7z gz tar docm xlsm pptm dotm xltm potm ppsm rtf txt csv'.split(
    ' ',
  ),
);

/**
 * The name to keep for a file of this kind: a name without an extension gets the kind's; a name whose extension
 * belongs to another accepted kind or to one that runs code is refused (undefined), so a saved copy never opens in the
 * wrong program; any other suffix ("纪要.2024") is kept and the kind's extension added.
 */
export function nameForKind(name: string, kind: FileKind, max = ATTACHMENT_NAME_MAX): string | undefined {
  const ext = extensionOf(name);
  if (ext && kind.extensions.includes(ext)) return name;
  if (ext && (KNOWN_EXTENSIONS.has(ext) || RISKY_EXTENSIONS.has(ext))) return undefined;
  const suffix = `.${kind.extensions[0] ?? 'bin'}`;
  return [...name].slice(0, max - suffix.length).join('') + suffix;
}

/** RFC 5987 ext-value: UTF-8, percent-encoded beyond attr-char (encodeURIComponent leaves ' ( ) * ! alone). */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Content-Disposition with an ASCII fallback for old clients and the exact name as filename*. */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ext = extensionOf(name);
  const ascii = /^[\x20-\x7e]+$/.test(name) ? name.replace(/["\\%;]/g, '_') : `attachment${ext ? `.${ext}` : ''}`;
  return `${type}; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}
