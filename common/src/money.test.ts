import { describe, expect, it } from 'vitest';
import { fenToYuan, fenToYuanString, formatWanYuan, formatYuan, hasAtMostTwoDecimals, MONEY_MAX_FEN, yuanToFen, zYuan } from './money.ts';

describe('yuanToFen', () => {
  it('converts whole and two-decimal amounts exactly', () => {
    expect(yuanToFen(0)).toBe(0);
    expect(yuanToFen(1)).toBe(100);
    expect(yuanToFen(1234.56)).toBe(123456);
    expect(yuanToFen('1234.56')).toBe(123456);
    expect(yuanToFen('0.01')).toBe(1);
    expect(yuanToFen(0.07)).toBe(7); // 0.07 × 100 = 7.000000000000001 as floats
    expect(yuanToFen(1.15)).toBe(115); // 1.15 × 100 = 114.99999999999999
    expect(yuanToFen(4.35)).toBe(435); // 434.99999999999994
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen('12.')).toBe(1200);
    expect(yuanToFen('+3.5')).toBe(350);
  });

  it('has no float drift on 0.1 + 0.2 and friends', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(0.1) + yuanToFen(0.2)).toBe(yuanToFen(0.3));
    expect(yuanToFen(0.3 - 0.1)).toBe(20); // 0.19999999999999998
    expect(yuanToFen(1.1 * 3)).toBe(330); // 3.3000000000000003
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += 0.1;
    expect(sum).not.toBe(1);
    expect(yuanToFen(sum)).toBe(100);
    // Summing in 分 stays exact where 元 floats do not.
    let fen = 0;
    for (let i = 0; i < 1000; i++) fen += yuanToFen(0.01);
    expect(fen).toBe(1000);
    expect(fenToYuan(fen)).toBe(10);
  });

  it('rounds half away from zero on the third decimal', () => {
    expect(yuanToFen(1.005)).toBe(101); // the float 1.005 is 1.00499999999999989…; its written form is what counts
    expect(yuanToFen('1.005')).toBe(101);
    expect(yuanToFen('1.004')).toBe(100);
    expect(yuanToFen('1.0049999')).toBe(100);
    expect(yuanToFen('1.0050')).toBe(101);
    expect(yuanToFen('0.995')).toBe(100);
    expect(yuanToFen('9.999')).toBe(1000);
    expect(yuanToFen(2.675)).toBe(268);
    expect(yuanToFen('0.004')).toBe(0);
    expect(yuanToFen('0.005')).toBe(1);
  });

  it('handles negatives symmetrically and never returns −0', () => {
    expect(yuanToFen(-1234.56)).toBe(-123456);
    expect(yuanToFen('-0.01')).toBe(-1);
    expect(yuanToFen('-1.005')).toBe(-101);
    expect(yuanToFen('-1.004')).toBe(-100);
    expect(Object.is(yuanToFen('-0.001'), 0)).toBe(true);
    expect(Object.is(yuanToFen(-0), 0)).toBe(true);
    expect(yuanToFen(-(0.1 + 0.2))).toBe(-30);
  });

  it('handles large values up to 10^12 分 and beyond, and refuses what is out of range', () => {
    expect(yuanToFen(10_000_000_000)).toBe(1e12);
    expect(yuanToFen('10000000000.00')).toBe(1_000_000_000_000);
    expect(yuanToFen(9_999_999_999.99)).toBe(999_999_999_999);
    expect(yuanToFen(-9_999_999_999.99)).toBe(-999_999_999_999);
    expect(yuanToFen(9_999_999_999_999.99)).toBe(MONEY_MAX_FEN);
    expect(yuanToFen(1e-7)).toBe(0); // written 1e-7 by String()
    expect(yuanToFen(5e-3)).toBe(1);
    expect(() => yuanToFen(10_000_000_000_000)).toThrow(RangeError);
    expect(() => yuanToFen('123456789012345678')).toThrow(RangeError);
    expect(() => yuanToFen(1e21)).toThrow(RangeError);
  });

  it('refuses what is not an amount', () => {
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => yuanToFen(bad)).toThrow(RangeError);
    for (const bad of ['', 'abc', '1,000', '1.2.3', '--1', '.5', '1e3', ' ']) expect(() => yuanToFen(bad)).toThrow(RangeError);
  });
});

describe('fenToYuan / fenToYuanString', () => {
  it('is the exact inverse for every amount in range', () => {
    expect(fenToYuan(123456)).toBe(1234.56);
    expect(fenToYuan(1)).toBe(0.01);
    expect(fenToYuan(-1)).toBe(-0.01);
    expect(fenToYuan(0)).toBe(0);
    expect(fenToYuan(1e12)).toBe(1e10);
    expect(fenToYuan(MONEY_MAX_FEN)).toBe(9_999_999_999_999.99);
    expect(fenToYuanString(123456)).toBe('1234.56');
    expect(fenToYuanString(5)).toBe('0.05');
    expect(fenToYuanString(-5)).toBe('-0.05');
    expect(fenToYuanString(-123400)).toBe('-1234.00');
    expect(fenToYuanString(1_000_000_000_000)).toBe('10000000000.00');
    for (const fen of [
      0,
      1,
      7,
      10,
      99,
      101,
      115,
      435,
      1999,
      100_005,
      999_999_999_999,
      -999_999_999_999,
      123_456_789_012_345,
      MONEY_MAX_FEN,
      -MONEY_MAX_FEN,
    ]) {
      expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      expect(yuanToFen(fenToYuanString(fen))).toBe(fen);
    }
    // A sweep: every 分 value of a range round-trips.
    for (let fen = -2000; fen <= 2000; fen++) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });

  it('refuses fractions of a 分 and out-of-range amounts', () => {
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
    expect(() => fenToYuan(NaN)).toThrow(RangeError);
    expect(() => fenToYuanString(MONEY_MAX_FEN + 1)).toThrow(RangeError);
    expect(() => formatYuan(Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
    expect(() => formatWanYuan(0.5)).toThrow(RangeError);
  });
});

describe('formatYuan', () => {
  it('groups thousands and always shows two decimals', () => {
    expect(formatYuan(123456)).toBe('1,234.56元');
    expect(formatYuan(0)).toBe('0.00元');
    expect(formatYuan(1)).toBe('0.01元');
    expect(formatYuan(10)).toBe('0.10元');
    expect(formatYuan(100)).toBe('1.00元');
    expect(formatYuan(99_999)).toBe('999.99元');
    expect(formatYuan(100_000)).toBe('1,000.00元');
    expect(formatYuan(1_000_000_000_000)).toBe('10,000,000,000.00元');
    expect(formatYuan(MONEY_MAX_FEN)).toBe('9,999,999,999,999.99元');
  });
  it('puts the sign first for negatives', () => {
    expect(formatYuan(-123456)).toBe('-1,234.56元');
    expect(formatYuan(-1)).toBe('-0.01元');
    expect(formatYuan(-1_000_000_000_000)).toBe('-10,000,000,000.00元');
    expect(formatYuan(-0)).toBe('0.00元');
  });
  it('shows sums of 0.1 and 0.2 元 exactly', () => {
    expect(formatYuan(yuanToFen(0.1) + yuanToFen(0.2))).toBe('0.30元');
    expect(formatYuan(yuanToFen(0.1 + 0.2))).toBe('0.30元');
  });
});

describe('formatWanYuan', () => {
  it('shows 万元 with two decimals', () => {
    expect(formatWanYuan(12_345_678)).toBe('12.35万元'); // 123 456.78 元
    expect(formatWanYuan(12_340_000)).toBe('12.34万元');
    expect(formatWanYuan(0)).toBe('0.00万元');
    expect(formatWanYuan(1_000_000)).toBe('1.00万元');
    expect(formatWanYuan(1_000_000_000_000)).toBe('1,000,000.00万元');
    expect(formatWanYuan(MONEY_MAX_FEN)).toBe('1,000,000,000.00万元');
  });
  it('rounds half away from zero at 50 元', () => {
    expect(formatWanYuan(4_999)).toBe('0.00万元'); // 49.99 元
    expect(formatWanYuan(5_000)).toBe('0.01万元'); // 50 元
    expect(formatWanYuan(12_344_999)).toBe('12.34万元');
    expect(formatWanYuan(12_345_000)).toBe('12.35万元');
    expect(formatWanYuan(99_995_000)).toBe('100.00万元');
  });
  it('handles negatives and drops the sign of a zero', () => {
    expect(formatWanYuan(-12_345_678)).toBe('-12.35万元');
    expect(formatWanYuan(-5_000)).toBe('-0.01万元');
    expect(formatWanYuan(-4_999)).toBe('0.00万元');
    expect(formatWanYuan(-1_000_000_000_000)).toBe('-1,000,000.00万元');
  });
});

describe('zYuan', () => {
  it('accepts at most two decimals', () => {
    expect(hasAtMostTwoDecimals(12.34)).toBe(true);
    expect(hasAtMostTwoDecimals(12)).toBe(true);
    expect(hasAtMostTwoDecimals(-0.5)).toBe(true);
    expect(hasAtMostTwoDecimals(12.345)).toBe(false);
    expect(hasAtMostTwoDecimals(0.1 + 0.2)).toBe(false);
    expect(hasAtMostTwoDecimals(1e-7)).toBe(false);
    expect(hasAtMostTwoDecimals(NaN)).toBe(false);
    expect(zYuan.safeParse(1234.56).success).toBe(true);
    expect(zYuan.safeParse(1234.567).success).toBe(false);
    expect(zYuan.safeParse(1e14).success).toBe(false);
  });
});
