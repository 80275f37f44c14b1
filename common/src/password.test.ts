import { describe, expect, it } from 'vitest';
import { passwordPolicyError } from './password.ts';

describe('password policy', () => {
  it('needs 8 characters and 3 of 4 classes', () => {
    expect(passwordPolicyError('Ab1!')).toMatch(/至少8位/);
    expect(passwordPolicyError('abcdefgh1')).toMatch(/三类/);
    expect(passwordPolicyError('abcdefG1')).toBeNull();
    expect(passwordPolicyError('abcdefg!1')).toBeNull();
  });
  it('refuses well-known passwords', () => {
    expect(passwordPolicyError('P@ssw0rd')).toMatch(/常见/);
  });
});
