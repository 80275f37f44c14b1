import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './password-blocklist.ts';
import { passwordPolicyError } from './password.ts';

describe('password policy', () => {
  it('needs 8 characters and 3 of 4 classes', () => {
    expect(passwordPolicyError('Ab1!')).toMatch(/至少8位/);
    expect(passwordPolicyError('abcdefgh1')).toMatch(/三类/);
    expect(passwordPolicyError('xkcdefG1')).toBeNull();
    expect(passwordPolicyError('xkcdefg!1')).toBeNull();
  });

  it('refuses common passwords, also in other case, decorated with digits and symbols, or in leet', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(300);
    for (const pw of [
      'P@ssw0rd',
      'Admin@123',
      'Aa123456',
      'Qq123456!',
      'Woaini1314!',
      'WOAINI1314#',
      'Zxcv@1234',
      '1qaz@WSX',
      'Abc@2026!',
      'Passw0rd#2026',
      'Gonghui@2026',
    ]) {
      expect(passwordPolicyError(pw), pw).toMatch(/常见/);
    }
    for (const pw of ['Test#Pass2026', 'Tide7#Harbor', '春风Lake#9']) expect(passwordPolicyError(pw), pw).toBeNull();
  });

  it('refuses a password containing the username or the org name', () => {
    expect(passwordPolicyError('Zhangsan#2026', { username: 'zhangsan' })).toMatch(/用户名/);
    expect(passwordPolicyError('xx-ZHANGSAN-9a', { username: 'ZhangSan' })).toMatch(/用户名/);
    expect(passwordPolicyError('Tide7#Harbor', { username: 'zhangsan' })).toBeNull();
    expect(passwordPolicyError('东城区总工会#Aa1', { orgName: '东城区总工会' })).toMatch(/组织名称/);
  });
});
