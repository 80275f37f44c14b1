import { describe, expect, it } from 'vitest';
import type { Cell, Row } from '../../platform/excel/index.ts';
import { findHeader, missingColumns, normalizeHeader } from './member-imports.columns.ts';
import { readCategories, readDate, readGender, readIdNumber, readName, readPhone } from './member-imports.rows.ts';

const s = (value: string): Cell => ({ value, type: 'string' });
const n = (value: number, type: 'number' | 'date' = 'number'): Cell => ({ value, type });
const row = (rowNumber: number, texts: string[]): Row => ({ rowNumber, cells: texts.map(s) });
const ok = <T>(value: T) => ({ ok: true, value });

describe('roster headers', () => {
  it('normalises marks, full-width characters, spaces and notes', () => {
    expect(normalizeHeader(' 姓 名＊ ')).toBe('姓名');
    expect(normalizeHeader('身份证号码（必填）')).toBe('身份证号码');
    expect(normalizeHeader('入会日期:')).toBe('入会日期');
  });

  it('finds the header under title rows by the most known column names', () => {
    const rows = [
      row(1, ['某区总工会会员花名册']),
      row(2, ['填报单位：', '', '姓名']),
      row(3, ['序号', '职工姓名', '公民身份号码', '联系电话', '入会时间', '类别', '性别', '所属工会', '备注']),
      row(4, ['1', '张三', '110105194912310021']),
    ];
    const h = findHeader(rows);
    expect(h).toMatchObject({ rowNumber: 3, columns: { name: 1, idNumber: 2, phone: 3, joinedAt: 4, category: 5, gender: 6, org: 7 } });
    expect(missingColumns(h)).toBeNull();
    expect(findHeader([row(1, ['姓名', '电话', '身份证号', '手机号', '入会日期'])])?.columns).toMatchObject({ phone: 3 });
    expect(missingColumns(findHeader([row(1, ['姓名', '身份证号', '电话'])]))).toContain('缺少必填列：入会日期');
    expect(missingColumns(findHeader([row(1, ['标题'])]))).toContain('未找到表头行');
  });
});

describe('roster cells', () => {
  const today = '2026-06-30';
  it('reads dates in Excel and text forms, never in the future', () => {
    for (const text of [
      '2023/6/20',
      '2023-06-20',
      '2023年6月20日',
      '2023.6.20',
      '２０２３－０６－２０',
      '20230620',
      '2023-06-20 00:00:00',
    ]) {
      expect(readDate(s(text), false, today)).toEqual(ok('2023-06-20'));
    }
    expect(readDate(n(45097), false, today)).toEqual(ok('2023-06-20'));
    expect(readDate(n(45097.75, 'date'), false, today)).toEqual(ok('2023-06-20'));
    expect(readDate(n(43635), true, today)).toEqual(ok('2023-06-20'));
    expect(readDate(s('2023-02-30'), false, today)).toEqual({ ok: false, error: '日期不存在' });
    expect(readDate(s('2026-07-01'), false, today)).toEqual({ ok: false, error: '日期不能晚于今天' });
    expect(readDate(s('去年'), false, today)).toMatchObject({ ok: false, error: expect.stringContaining('2023年6月20日') as string });
    expect(readDate(undefined, false, today)).toEqual({ ok: false, error: '不能为空' });
  });

  it('reads ID numbers and refuses numbers that lost their last digits', () => {
    expect(readIdNumber(s(' 11010519491231002x '))).toEqual(ok({ id: '11010519491231002X' }));
    expect(readIdNumber(n(110105491231002))).toMatchObject({ ok: true, value: { id: '11010519491231002X' } });
    expect(readIdNumber(n(110105194912310020))).toMatchObject({ ok: false, error: expect.stringContaining('文本') as string });
    expect(readIdNumber(s('1.10105E+17'))).toMatchObject({ ok: false, error: expect.stringContaining('文本') as string });
    expect(readIdNumber(s(''))).toEqual({ ok: false, error: '不能为空' });
  });

  it('reads names, phones, categories and gender', () => {
    expect(readName(s(' 张　三 '))).toEqual(ok('张三'));
    expect(readName(s('Mary  Smith'))).toEqual(ok('Mary Smith'));
    expect(readName(s('阿依古丽·买买提'))).toEqual(ok('阿依古丽·买买提'));
    expect(readPhone(n(13800138000))).toEqual(ok('13800138000'));
    expect(readPhone(s('+86 138-0013-8000'))).toEqual(ok('13800138000'));
    expect(readPhone(s('010-12345678'))).toMatchObject({ ok: false });
    expect(readPhone(undefined)).toEqual(ok(null));
    expect(readCategories(s('农民工，劳务派遣'))).toEqual(ok(['migrant', 'dispatched']));
    expect(readCategories(s(''))).toEqual(ok(null));
    expect(readCategories(s('临时工'))).toMatchObject({ ok: false });
    expect(readGender(s('女'))).toEqual(ok('female'));
    expect(readGender(s('未知'))).toEqual({ ok: false, error: '应填写“男”或“女”' });
  });
});
