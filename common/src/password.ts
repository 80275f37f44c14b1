// Password policy (MLPS level 3): at least 8 characters and 3 of the 4 character classes, not a common
// password (even decorated with digits, symbols or leet), and not containing the username or the org's name.
import { COMMON_PASSWORDS } from './password-blocklist.ts';

const BLOCKLIST = new Set(COMMON_PASSWORDS);
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', $: 's', '5': 's', '7': 't' };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Who the password is for; the server fills it in on create, reset and change. */
export interface PasswordContext {
  username?: string;
  orgName?: string;
}

function isCommon(pw: string): boolean {
  const lower = pw.toLowerCase();
  const stem = lower.replace(/[^\p{L}]+$/u, '');
  const deleet = (s: string) => s.replace(/[@4013!$57]/g, (c) => LEET[c] ?? c);
  const candidates = [lower, stem, deleet(lower), deleet(stem).replace(/[^\p{L}]+$/u, '')];
  return candidates.some((c) => c.length > 0 && BLOCKLIST.has(c));
}

export function passwordPolicyError(pw: string, ctx: PasswordContext = {}): string | null {
  if (pw.length < PASSWORD_MIN) return `密码至少${PASSWORD_MIN}位`;
  if (pw.length > PASSWORD_MAX) return `密码不能超过${PASSWORD_MAX}位`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (isCommon(pw)) return '密码过于常见，请换一个';
  const lower = pw.toLowerCase();
  const username = ctx.username?.trim().toLowerCase() ?? '';
  if (username.length >= 3 && lower.includes(username)) return '密码不能包含用户名';
  const orgName = ctx.orgName?.trim().toLowerCase() ?? '';
  if (orgName.length >= 2 && lower.includes(orgName)) return '密码不能包含组织名称';
  return null;
}
