import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idCheckChar, parseIdNumber } from './idcard.ts';
import { maskIdNumber, maskName, maskPhone } from './mask.ts';
import { normalizePhone, phoneError } from './phone.ts';

const valid = (body17: string) => body17 + idCheckChar(body17);

describe('公民身份号码 (GB 11643)', () => {
  it('accepts a valid number and derives birth date and gender', () => {
    const id = valid('11010519491231002');
    expect(id).toBe('11010519491231002X');
    expect(parseIdNumber(id)).toEqual({ ok: true, idNumber: id, birthDate: '1949-12-31', gender: 'female' });
    expect(parseIdNumber(valid('32010219900307051'))).toMatchObject({ gender: 'male', birthDate: '1990-03-07' });
  });

  it('normalises full-width digits, spaces and a lower-case x', () => {
    expect(parseIdNumber(' １１０１０５ 19491231002x ')).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
  });

  it('converts a 15-digit legacy number with a notice', () => {
    const r = parseIdNumber('110105491231002');
    expect(r).toMatchObject({ ok: true, idNumber: '11010519491231002X', birthDate: '1949-12-31' });
    expect(r.ok && r.notice).toMatch(/15位/);
  });

  it('explains each kind of bad number', () => {
    const msg = (s: string) => {
      const r = parseIdNumber(s);
      return r.ok ? '' : r.message;
    };
    expect(msg('1101051949123100')).toMatch(/18位/);
    expect(msg('11010519491231002Y')).toMatch(/数字和末位X/);
    expect(msg('11010519491231003X')).toMatch(/校验位/);
    expect(msg(valid('11010519490230002'))).toMatch(/出生日期不存在/);
    expect(msg(valid('11010520990101002'))).toMatch(/晚于今天/);
    expect(msg(valid('00010519900101002'))).toMatch(/地区代码/);
  });

  it('accepts 港澳台 residence permits and the 2023 foreigner format', () => {
    expect(parseIdNumber(valid('81000019900101001')).ok).toBe(true);
    expect(parseIdNumber(valid('93110019900101001')).ok).toBe(true);
  });

  it('detects any single changed digit', () => {
    const id = '32010219900307051' + idCheckChar('32010219900307051');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const d = (Number(id.charAt(pos)) + delta) % 10;
        return !parseIdNumber(id.slice(0, pos) + d + id.slice(pos + 1)).ok;
      }),
    );
  });
});

describe('phone and masking', () => {
  it('normalises mainland mobiles', () => {
    for (const raw of ['+86 138-0013-8000', '0086 13800138000', '138 0013 8000', '８６13800138000'])
      expect(normalizePhone(raw)).toBe('13800138000');
    expect(phoneError('12800138000')).toMatch(/手机号/);
    expect(phoneError('13800138000')).toBeNull();
  });
  it('masks as the console shows them', () => {
    expect(maskIdNumber('32012319900307123X')).toBe('320***********123X');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });
});
