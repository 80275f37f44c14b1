// Password policy (MLPS level 3): at least 8 characters and 3 of the 4 character classes, not a known weak one.
const BLOCKLIST = new Set(['password1!', 'Passw0rd', 'P@ssw0rd', 'Admin@123', 'Admin123!', 'Aa123456', 'Abc@1234', 'Qwer@1234', 'Aa123456!', '1qaz@WSX']);

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function passwordPolicyError(pw: string): string | null {
  if (pw.length < PASSWORD_MIN) return `密码至少${PASSWORD_MIN}位`;
  if (pw.length > PASSWORD_MAX) return `密码不能超过${PASSWORD_MAX}位`;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  if (classes < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (BLOCKLIST.has(pw)) return '密码过于常见，请换一个';
  return null;
}
