import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidUscc, normalizeUscc, usccCheckChar, usccError } from './uscc.ts';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts the reference code and a union legal-person code', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    const code = `81320102${'MA1X2Y3Z4'.replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0')}`;
    const body = code.slice(0, 17);
    expect(isValidUscc(body + usccCheckChar(body))).toBe(true);
  });

  it('names what is wrong', () => {
    expect(usccError('91350100M000100Y4')).toMatch(/18位/);
    expect(usccError('91350100M000100Y44')).toMatch(/校验位/);
    expect(usccError('91350100M0001O0Y43')).toMatch(/无效字符/);
  });

  it('normalises full-width and lower-case input', () => {
    expect(normalizeUscc('９１３５０１００m０００１００y４３ ')).toBe('91350100M000100Y43');
  });

  it('detects every single-character substitution', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (pos, shift) => {
        const code = '91350100M000100Y43';
        const c = code.charAt(pos);
        const replaced = alphabet.charAt((alphabet.indexOf(c) + shift) % 31);
        const mutated = code.slice(0, pos) + replaced + code.slice(pos + 1);
        return !isValidUscc(mutated);
      }),
    );
  });
});
