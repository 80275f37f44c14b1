// The one place that decides which characters a request string may carry. Every string in a request schema
// is built from zStr()/zText()/zMultilineText(): PostgreSQL refuses 0x00 in text (a 500 if it reaches the
// database), and invisible or direction-changing characters let two names look alike or render reversed.
// We reject rather than strip: a silently changed name is worse than a message that names the field.
import { z } from 'zod';

/* eslint-disable no-control-regex -- matching control characters is the point of this file */

/** U+0000: PostgreSQL text cannot hold it. */
const NUL = /\u0000/;
/** Zero-width characters (U+200B–U+200F, U+2060) and the byte-order mark U+FEFF. */
const ZERO_WIDTH = /[\u200B-\u200F\u2060\uFEFF]/;
/** Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0001-\u001F\u007F-\u009F]/;
/** The same, but tab and line feed (and CR, which a pasted Windows line ending brings) may sit in a long text. */
const CONTROL_MULTILINE = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const STRING_MESSAGES = {
  nul: '不能包含空字符（\\0）',
  zeroWidth: '不能包含零宽字符等不可见字符',
  bidi: '不能包含改变文字方向的控制字符',
  control: '不能包含控制字符',
} as const;

/** Why a string may not be stored, or null. `multiline` allows tab and line breaks. */
export function stringProblem(v: string, opts: { multiline?: boolean; nulOnly?: boolean } = {}): string | null {
  if (NUL.test(v)) return STRING_MESSAGES.nul;
  if (opts.nulOnly) return null;
  if (BIDI.test(v)) return STRING_MESSAGES.bidi;
  if (ZERO_WIDTH.test(v)) return STRING_MESSAGES.zeroWidth;
  if ((opts.multiline ? CONTROL_MULTILINE : CONTROL).test(v)) return STRING_MESSAGES.control;
  return null;
}

function checked(opts: { multiline?: boolean; nulOnly?: boolean }) {
  return z.string().check((ctx) => {
    const msg = stringProblem(ctx.value, opts);
    // abort: the other checks would only repeat the complaint about the same value.
    if (msg) ctx.issues.push({ code: 'custom', message: msg, input: ctx.value, abort: true });
  });
}

/** Any request string that is not free text (passwords, tokens, codes): only NUL is refused. */
export const zStr = () => checked({ nulOnly: true });
/** One line of free text (names, titles, search words): no controls, no invisible or bidi characters. */
export const zText = (max: number) => checked({}).trim().max(max, `不能超过${max}个字符`);
export const zRequiredText = (max: number) => zText(max).min(1, '不能为空');
/** Free text typed in a text area (notes, reasons, addresses, report paragraphs): tabs and line breaks allowed. */
export const zMultilineText = (max: number) => checked({ multiline: true }).trim().max(max, `不能超过${max}个字符`);
