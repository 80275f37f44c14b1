// Pure helpers of the H5 page: input checks, my-data sections, card refresh timing, string templates, join steps.
import { describe, expect, it } from 'vitest';
import { isValidCode, isValidIdNumber, isValidPhone, isValidUscc, normalizeInput, normalizePhone } from './validate.ts';
import { flattenSections } from './sections.ts';
import { refreshDelay } from './time.ts';
import { format } from './i18n-format.ts';
import { joinSteps } from './status.ts';

describe('validate', () => {
  it('checks the ID number check char and date, after normalising phone keyboards', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber(' １１０１０５ 19491231002x ')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194913310028')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
    expect(normalizeInput('ab 12-x')).toBe('AB12X');
  });
  it('checks phones, codes and USCC', () => {
    expect(isValidPhone('+86 138-0013-8000')).toBe(true);
    expect(normalizePhone('0086 13800138000')).toBe('13800138000');
    expect(isValidPhone('12800138000')).toBe(false);
    expect(isValidCode(' 123456 ')).toBe(true);
    expect(isValidCode('12345')).toBe(false);
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
  });
});

describe('flattenSections', () => {
  it('reads a list of titled items', () => {
    expect(
      flattenSections([
        {
          title: '基本信息',
          items: [
            { label: '姓名', value: '张三' },
            { label: '手机号', value: null },
          ],
        },
      ]),
    ).toEqual([
      {
        title: '基本信息',
        rows: [
          { label: '姓名', value: '张三' },
          { label: '手机号', value: '—' },
        ],
      },
    ]);
  });
  it('reads a map of maps and joins nested values', () => {
    expect(flattenSections({ 会籍: { 状态: '在会', 标签: ['a', 'b'], 关怀: true } })).toEqual([
      {
        title: '会籍',
        rows: [
          { label: '状态', value: '在会' },
          { label: '标签', value: 'a、b' },
          { label: '关怀', value: '是' },
        ],
      },
    ]);
    expect(flattenSections(undefined)).toEqual([]);
  });
});

describe('refreshDelay', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('refreshes 15 s before expiry, within 1 s … 10 min', () => {
    expect(refreshDelay('2026-01-01T00:01:00Z', now)).toBe(45_000);
    expect(refreshDelay('2026-01-01T00:00:05Z', now)).toBe(1000);
    expect(refreshDelay('2026-01-01T02:00:00Z', now)).toBe(600_000);
    expect(refreshDelay('garbage', now)).toBe(60_000);
  });
});

describe('format and joinSteps', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(format('{n} 秒后重发', { n: 42 })).toBe('42 秒后重发');
    expect(format('{a}{b}', { a: 1 })).toBe('1{b}');
  });
  it('maps statuses to steps', () => {
    expect(joinSteps('submitted')).toEqual({ current: 1, failed: false });
    expect(joinSteps('approved')).toEqual({ current: 2, failed: false });
    expect(joinSteps('rejected')).toEqual({ current: 2, failed: true });
  });
});
