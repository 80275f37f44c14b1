import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, timeStep, totp, type TotpAlgorithm } from './mfa.totp.ts';

// RFC 6238 appendix B: 8-digit codes for the ASCII seeds "1234567890" repeated to the hash's key length.
const seed = (len: number) => Buffer.from('1234567890'.repeat(7).slice(0, len));
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('matches the RFC test vectors at T=%i', (t, sha1, sha256, sha512) => {
    const algos: [TotpAlgorithm, number, string][] = [
      ['sha1', 20, sha1],
      ['sha256', 32, sha256],
      ['sha512', 64, sha512],
    ];
    for (const [algo, len, want] of algos) expect(totp(seed(len), t * 1000, 8, algo)).toBe(want);
  });

  it('matches the RFC 4226 HOTP vectors (6 digits)', () => {
    const want = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    want.forEach((code, counter) => expect(hotp(seed(20), counter)).toBe(code));
  });

  it('round-trips base32 and makes 160-bit secrets', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(s)).toHaveLength(20);
  });

  it('accepts ±1 step of drift, refuses steps already used and codes out of the window', () => {
    const secret = newTotpSecret();
    const key = base32Decode(secret);
    const now = 1_800_000_000_000;
    const step = timeStep(now);
    expect(matchTotp(secret, hotp(key, step), now, null)).toBe(step);
    expect(matchTotp(secret, hotp(key, step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(secret, hotp(key, step + 1), now, null)).toBe(step + 1);
    expect(matchTotp(secret, hotp(key, step), now, step)).toBeNull();
    expect(matchTotp(secret, hotp(key, step - 2), now, null)).toBeNull();
    expect(matchTotp(secret, 'abcdef', now, null)).toBeNull();
  });

  it('builds an otpauth URI authenticator apps read', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'zhang san', '工会工作平台');
    const u = new URL(uri);
    expect(u.protocol).toBe('otpauth:');
    expect(u.host).toBe('totp');
    expect(decodeURIComponent(u.pathname)).toBe('/工会工作平台:zhang san');
    expect(u.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(u.searchParams.get('issuer')).toBe('工会工作平台');
    expect(u.searchParams.get('digits')).toBe('6');
    expect(u.searchParams.get('period')).toBe('30');
    expect(u.searchParams.get('algorithm')).toBe('SHA1');
  });
});
